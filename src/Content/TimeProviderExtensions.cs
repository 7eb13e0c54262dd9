namespace Leaflets.Content;

public static class TimeProviderExtensions
{
    /// <summary>Today's date in UTC: what review statuses are judged against, the same on every host.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
