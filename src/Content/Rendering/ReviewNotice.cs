using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering;

/// <summary>
/// What a leaflet tells its reader about its review status, shared by the web page and the printed PDF so a
/// patient reads the same words on screen and on paper. <see cref="Emphasis"/> is the sentence to stress (overdue
/// only); <see cref="Text"/> follows it in the same paragraph. Each carries the <c>lang</c> it needs inside a page in
/// the leaflet's language (null when it is in that language), so English words on a Welsh page are read as English.
/// </summary>
internal sealed record ReviewNotice(string? Emphasis, string Text, string? EmphasisLanguage, string? TextLanguage)
{
    public static ReviewNotice For(ReviewStatus status, DateOnly nextReview, ReaderStrings strings, string pageLanguage)
    {
        var words = strings.Leaflet;
        var date = ("date", ReaderDate.Format(nextReview, strings));
        return status switch
        {
            ReviewStatus.Overdue => new(words.ReviewOverdue, ReaderStrings.Fill(words.ReviewOverdueDetail, date),
                strings.LanguageInside(s => s.Leaflet.ReviewOverdue, pageLanguage), strings.LanguageInside(s => s.Leaflet.ReviewOverdueDetail, pageLanguage)),
            ReviewStatus.DueSoon => new(null, ReaderStrings.Fill(words.ReviewDueSoon, date),
                null, strings.LanguageInside(s => s.Leaflet.ReviewDueSoon, pageLanguage)),
            ReviewStatus.Current => new(null, words.ReviewCurrent, null, strings.LanguageInside(s => s.Leaflet.ReviewCurrent, pageLanguage)),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }

    /// <summary>The notice for a leaflet's page, in the strings of its language.</summary>
    public static ReviewNotice For(ReviewStatus status, LeafletMetadata metadata, StringsLibrary strings)
        => For(status, metadata.NextReview, strings.For(metadata.Language), metadata.Language);

    /// <summary>
    /// Whether the notice goes under the title, on the page and on paper: a leaflet past or near its review says so
    /// before anything else; a current one does not interrupt the reader.
    /// </summary>
    public static bool LeadsTheLeaflet(ReviewStatus status) => status != ReviewStatus.Current;
}
