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

    /// <summary>The first day the status of <paramref name="today"/> held; null while current, which holds from the review itself.</summary>
    public static DateOnly? Since(LeafletMetadata metadata, DateOnly today) => Of(metadata, today) switch
    {
        ReviewStatus.Overdue => metadata.NextReview.AddDays(1),
        ReviewStatus.DueSoon => metadata.NextReview.AddDays(-DueSoonDays),
        _ => null,
    };

    /// <summary>
    /// When what a reader is shown of <paramref name="document"/> today last changed: its content, or its review status
    /// (which changes with the date alone), whichever changed last. The Last-Modified of every representation that
    /// shows the status, so If-Modified-Since never keeps a reader on yesterday's status.
    /// </summary>
    public static DateTimeOffset LastChangedAsShown(LeafletDocument document, DateOnly today)
    {
        if (Since(document.Metadata, today) is not { } since)
        {
            return document.DateModified;
        }
        var statusChanged = new DateTimeOffset(since, TimeOnly.MinValue, TimeSpan.Zero);
        return statusChanged > document.DateModified ? statusChanged : document.DateModified;
    }

    public static string Slug(this ReviewStatus status) => status switch
    {
        ReviewStatus.Current => "current",
        ReviewStatus.DueSoon => "due-soon",
        ReviewStatus.Overdue => "overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
