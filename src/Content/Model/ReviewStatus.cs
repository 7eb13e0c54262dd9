namespace Leaflets.Content.Model;

public enum ReviewStatus
{
    Current,
    DueSoon,
    Overdue,
}

public static class ReviewStatuses
{
    /// <summary>How close to its next review a leaflet may come before it is reported as due soon.</summary>
    public const int DueSoonDays = 90;

    public static ReviewStatus Of(LeafletMetadata metadata, DateOnly today)
    {
        if (today > metadata.NextReview)
        {
            return ReviewStatus.Overdue;
        }
        return today.AddDays(DueSoonDays) >= metadata.NextReview ? ReviewStatus.DueSoon : ReviewStatus.Current;
    }

    public static string Slug(this ReviewStatus status) => status switch
    {
        ReviewStatus.Current => "current",
        ReviewStatus.DueSoon => "due-soon",
        ReviewStatus.Overdue => "overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
