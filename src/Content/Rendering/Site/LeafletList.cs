using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// A list of leaflets (search results, a topic, the A to Z): each a heading linking to the leaflet's page, then its
/// summary; with <c>today</c>, also the versions and languages it comes in and its review status in words.
/// </summary>
internal static class LeafletList
{
    public const string ClassName = "results";

    /// <param name="heading">The heading element of each item: h2 under the page's h1, h3 under a section's h2.</param>
    /// <param name="today">The day review statuses are judged on; null leaves the details out.</param>
    public static void Write(HtmlWriter html, IEnumerable<Leaflet> leaflets, SiteUrls urls, string heading, DateOnly? today)
    {
        html.Open("ol", ("class", ClassName)).Line();
        foreach (var leaflet in leaflets)
        {
            var metadata = leaflet.Plain.Metadata;
            html.Open("li").Line();
            html.Open(heading).Element("a", metadata.Title, ("href", urls.Leaflet(leaflet.Id, LeafletVariant.Plain))).Close(heading).Line();
            html.Element("p", metadata.Summary).Line();
            if (today is { } day)
            {
                WriteDetails(html, leaflet, day);
            }
            html.Close("li").Line();
        }
        html.Close("ol").Line();
    }

    private static void WriteDetails(HtmlWriter html, Leaflet leaflet, DateOnly today)
    {
        var strings = SiteWords.Strings;
        var variants = SiteWords.List(leaflet.Variants.Keys.Select(SiteWords.VariantName));
        var languages = SiteWords.List(leaflet.Variants.Values
            .Select(document => SiteWords.LanguageName(document.Metadata.Language)).Distinct(StringComparer.Ordinal));
        var metadata = leaflet.Plain.Metadata;
        // The notice's first sentence, in the leaflet page's and the PDF's own words.
        var notice = ReviewNotice.For(ReviewStatuses.Of(metadata, today), metadata.NextReview, ReaderStrings.English, SiteWords.Language);
        html.Open("ul", ("class", "details")).Line();
        html.Element("li", ReaderStrings.Fill(strings.AvailableAs, ("variants", variants))).Line();
        html.Element("li", ReaderStrings.Fill(strings.InLanguages, ("languages", languages))).Line();
        html.Element("li", notice.Emphasis ?? notice.Text).Line();
        html.Close("ul").Line();
    }
}
