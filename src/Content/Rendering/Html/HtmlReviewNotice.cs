using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Html;

/// <summary>
/// The review status in the page's words (<see cref="ReviewNotice"/>), said once: under the title when the leaflet is
/// overdue or due soon, as on paper, otherwise in the footer beside the dates. A screen-reader user reading the page
/// through never hears it twice.
/// </summary>
internal static class HtmlReviewNotice
{
    public static void WriteUnderTitle(HtmlWriter html, LeafletMetadata metadata, ReviewStatus status, StringsLibrary strings)
    {
        if (ReviewNotice.LeadsTheLeaflet(status))
        {
            Write(html, metadata, status, strings);
        }
    }

    public static void WriteInFooter(HtmlWriter html, LeafletMetadata metadata, ReviewStatus status, StringsLibrary strings)
    {
        if (!ReviewNotice.LeadsTheLeaflet(status))
        {
            Write(html, metadata, status, strings);
        }
    }

    private static void Write(HtmlWriter html, LeafletMetadata metadata, ReviewStatus status, StringsLibrary strings)
    {
        // Overdue is stated plainly with what to do about it; it is not an alarm, so no red and no alert role.
        var notice = ReviewNotice.For(status, metadata, strings);
        if (notice.Emphasis is { } emphasis)
        {
            html.Open("p", ("class", "review-" + status.Slug())).Element("strong", emphasis, ("lang", notice.EmphasisLanguage)).Text(" ");
            WriteText(html, notice);
            html.Close("p").Line();
        }
        else
        {
            html.Open("p", ("class", "review-" + status.Slug()), ("lang", notice.TextLanguage)).Text(notice.Text).Close("p").Line();
        }
    }

    private static void WriteText(HtmlWriter html, ReviewNotice notice)
    {
        if (notice.TextLanguage is { } language)
        {
            html.Element("span", notice.Text, ("lang", language));
        }
        else
        {
            html.Text(notice.Text);
        }
    }
}
