namespace Leaflets.Storage.Tests;

/// <summary>A clock the test moves by hand, so "one refresh later" is exact rather than a sleep.</summary>
public sealed class ManualTime : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
