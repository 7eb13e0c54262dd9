using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering;

/// <summary>
/// What a leaflet tells its reader about its review status, shared by the web page and the printed PDF so a
/// patient reads the same words on screen and on paper. <see cref="Emphasis"/> is the sentence to stress (overdue
/// only); <see cref="Text"/> follows it in the same paragraph.
/// </summary>
internal sealed record ReviewNotice(string? Emphasis, string Text)
{
    public static ReviewNotice For(ReviewStatus status, DateOnly nextReview)
    {
        var words = ReaderStrings.English.Leaflet;
        var date = ("date", ReaderDate.Format(nextReview));
        return status switch
        {
            ReviewStatus.Overdue => new(words.ReviewOverdue, ReaderStrings.Fill(words.ReviewOverdueDetail, date)),
            ReviewStatus.DueSoon => new(null, ReaderStrings.Fill(words.ReviewDueSoon, date)),
            ReviewStatus.Current => new(null, words.ReviewCurrent),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }

    /// <summary>
    /// Whether the notice goes under the title, on the page and on paper: a leaflet past or near its review says so
    /// before anything else; a current one does not interrupt the reader.
    /// </summary>
    public static bool LeadsTheLeaflet(ReviewStatus status) => status != ReviewStatus.Current;
}
