namespace Leaflets.Api.Tests.Infrastructure;

/// <summary>A clock stopped at one instant, so review statuses (and golden files) do not drift with the date.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset TestNow = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;
}
