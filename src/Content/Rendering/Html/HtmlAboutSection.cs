using System.Globalization;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Html;

/// <summary>
/// The end of the page: the review status when it is not already under the title, version and review dates, and the
/// references the leaflet is based on.
/// </summary>
internal static class HtmlAboutSection
{
    private const string AboutHeadingId = "about-this-leaflet";

    private const string ReferencesHeadingId = "references";

    /// <summary>The ids of the section's headings, which no heading of the leaflet itself may take (<see cref="Loading.AnchorSet"/>).</summary>
    public static readonly string[] HeadingIds = [AboutHeadingId, ReferencesHeadingId];

    public static void Write(HtmlWriter html, LeafletMetadata metadata, ReviewStatus status, StringsLibrary library)
    {
        var strings = library.For(metadata.Language);
        var page = metadata.Language;
        var words = strings.Leaflet;
        html.Open("footer", ("class", "about")).Line();
        html.Element("h2", words.AboutThisLeaflet, ("id", AboutHeadingId), ("lang", strings.LanguageInside(s => s.Leaflet.AboutThisLeaflet, page))).Line();
        HtmlReviewNotice.WriteInFooter(html, metadata, status, library);
        html.Open("dl").Line();
        Term(html, words.Version, strings.LanguageInside(s => s.Leaflet.Version, page), metadata.Version.ToString(CultureInfo.InvariantCulture), null);
        Term(html, words.LastReviewed, strings.LanguageInside(s => s.Leaflet.LastReviewed, page),
            ReaderDate.Format(metadata.LastReviewed, strings), metadata.LastReviewed, strings.LanguageInside(s => s.Months, page));
        Term(html, words.NextReviewDue, strings.LanguageInside(s => s.Leaflet.NextReviewDue, page),
            ReaderDate.Format(metadata.NextReview, strings), metadata.NextReview, strings.LanguageInside(s => s.Months, page));
        html.Close("dl").Line();
        WriteReferences(html, metadata, strings);
        html.Close("footer").Line();
    }

    private static void Term(HtmlWriter html, string term, string? termLanguage, string value, DateOnly? date, string? dateLanguage = null)
    {
        html.Element("dt", term, ("lang", termLanguage)).Line().Open("dd");
        if (date is { } d)
        {
            html.Element("time", value, ("datetime", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("lang", dateLanguage));
        }
        else
        {
            html.Text(value);
        }
        html.Close("dd").Line();
    }

    private static void WriteReferences(HtmlWriter html, LeafletMetadata metadata, ReaderStrings strings)
    {
        if (metadata.References.IsDefaultOrEmpty)
        {
            return;
        }
        var words = strings.Leaflet;
        html.Element("h2", words.References, ("id", ReferencesHeadingId), ("lang", strings.LanguageInside(s => s.Leaflet.References, metadata.Language))).Line();
        // References a translation takes from its main file are in the main language: a screen reader reads them so.
        html.Open("ol", ("class", "references"), ("lang", metadata.ReferencesLanguage)).Line();
        foreach (var reference in metadata.References)
        {
            // The title is the link, wherever the citation puts it.
            var (before, after) = ReaderStrings.FillAround(words.Citation, "title",
                ("publisher", reference.Publisher), ("year", reference.Year.ToString(CultureInfo.InvariantCulture)));
            html.Open("li").Text(before);
            if (reference.Url is { } url && HtmlInlines.IsSafeHref(url))
            {
                html.Element("a", reference.Title, ("href", url));
            }
            else
            {
                html.Text(reference.Title);
            }
            html.Text(after);
            html.Close("li").Line();
        }
        html.Close("ol").Line();
    }
}
