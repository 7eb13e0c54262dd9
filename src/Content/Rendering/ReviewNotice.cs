using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering;

/// <summary>
/// What a leaflet tells its reader about its review status, shared by the web page and the printed PDF so a
/// patient reads the same words on screen and on paper. <see cref="Emphasis"/> is the sentence to stress (overdue
/// only); <see cref="Text"/> follows it in the same paragraph.
/// </summary>
internal sealed record ReviewNotice(string? Emphasis, string Text)
{
    public static ReviewNotice For(ReviewStatus status, DateOnly nextReview) => status switch
    {
        ReviewStatus.Overdue => new(
            "This leaflet is overdue for review.",
            $"It was due to be checked by {ReaderDate.Format(nextReview)}. Ask your care team if anything in it has changed."),
        ReviewStatus.DueSoon => new(null, $"This leaflet is due for review by {ReaderDate.Format(nextReview)}."),
        ReviewStatus.Current => new(null, "This leaflet is up to date."),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
