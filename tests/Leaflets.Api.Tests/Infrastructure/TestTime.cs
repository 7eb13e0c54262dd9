using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Leaflets.Api.Tests.Infrastructure;

/// <summary>The service's clock in these tests: stopped at one instant, so review statuses (and golden files) do not drift with the date.</summary>
public static class TestTime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A clock at <see cref="Now"/> that moves only when the test moves it.</summary>
    public static FakeTimeProvider Clock() => new(Now);

    /// <summary>
    /// The system clock instead, for a test that waits out one of the service's time limits (the first load's): that
    /// limit is a timer the service sets on its own thread, at a moment a test cannot see, so a fake clock could not be
    /// moved past it at the right time.
    /// </summary>
    public static IServiceCollection UseSystemClock(this IServiceCollection services) => services.AddSingleton(TimeProvider.System);
}
