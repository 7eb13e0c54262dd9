using Microsoft.Extensions.Time.Testing;

namespace Leaflets.Api.Tests.Infrastructure;

/// <summary>The service's clock in these tests: stopped at one instant, so review statuses (and golden files) do not drift with the date.</summary>
public static class TestTime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// When every file of a copy of the fixture content was last written (<see cref="TestPaths.CopyFixtureContent"/>), so each
    /// leaflet's dateModified, and the golden files that show it, are the same on every run.
    /// </summary>
    public static readonly DateTimeOffset ContentWritten = new(2026, 11, 2, 8, 15, 30, TimeSpan.Zero);

    /// <summary>A clock at <see cref="Now"/> that moves only when the test moves it.</summary>
    public static FakeTimeProvider Clock() => new(Now);
}
