using System.Globalization;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Html;

/// <summary>The end of the page: version and review dates, and the references the leaflet is based on.</summary>
internal static class HtmlAboutSection
{
    public static void Write(HtmlWriter html, LeafletMetadata metadata, DateOnly today)
    {
        html.Open("footer", ("class", "about")).Line();
        html.Element("h2", ReaderStrings.English.Leaflet.AboutThisLeaflet, ("id", "about-this-leaflet")).Line();
        WriteReviewStatus(html, metadata, ReviewStatuses.Of(metadata, today));
        html.Open("dl").Line();
        Term(html, "Version", metadata.Version.ToString(CultureInfo.InvariantCulture), null);
        Term(html, "Last reviewed", ReaderDate.Format(metadata.LastReviewed), metadata.LastReviewed);
        Term(html, "Next review due", ReaderDate.Format(metadata.NextReview), metadata.NextReview);
        html.Close("dl").Line();
        WriteReferences(html, metadata);
        html.Close("footer").Line();
    }

    private static void WriteReviewStatus(HtmlWriter html, LeafletMetadata metadata, ReviewStatus status)
    {
        // Overdue is stated plainly with what to do about it; it is not an alarm, so no red and no alert role.
        var notice = ReviewNotice.For(status, metadata.NextReview);
        if (notice.Emphasis is { } emphasis)
        {
            html.Open("p", ("class", "review-" + status.Slug())).Element("strong", emphasis).Text(" " + notice.Text).Close("p").Line();
        }
        else
        {
            html.Element("p", notice.Text, ("class", "review-" + status.Slug())).Line();
        }
    }

    private static void Term(HtmlWriter html, string term, string value, DateOnly? date)
    {
        html.Element("dt", term).Line().Open("dd");
        if (date is { } d)
        {
            html.Element("time", value, ("datetime", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        else
        {
            html.Text(value);
        }
        html.Close("dd").Line();
    }

    private static void WriteReferences(HtmlWriter html, LeafletMetadata metadata)
    {
        if (metadata.References.IsDefaultOrEmpty)
        {
            return;
        }
        html.Element("h2", "References", ("id", "references")).Line();
        html.Open("ol", ("class", "references")).Line();
        foreach (var reference in metadata.References)
        {
            html.Open("li");
            if (reference.Url is { } url && HtmlInlines.IsSafeHref(url))
            {
                html.Element("a", reference.Title, ("href", url));
            }
            else
            {
                html.Text(reference.Title);
            }
            html.Text($". {reference.Publisher}, {reference.Year.ToString(CultureInfo.InvariantCulture)}.");
            html.Close("li").Line();
        }
        html.Close("ol").Line();
    }
}
