using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// A leaflet on the website: the leaflet as its standalone page shows it (title, summary, blocks, version and review
/// dates), in its own language, inside the site's frame, with links to its other versions and to printing, the
/// "Print or download" form, and a QR code of the page's own address with the address written beside it.
/// </summary>
public static class LeafletPage
{
    public const string PhoneHeadingId = "on-a-phone";

    /// <param name="variant">A variant the leaflet has.</param>
    /// <param name="today">The day the review status is judged on.</param>
    /// <param name="language">One of <see cref="Leaflet.Languages"/>; the leaflet's main language when not given.</param>
    public static string Render(Leaflet leaflet, LeafletVariant variant, SiteUrls urls, DateOnly today, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(leaflet);
        ArgumentNullException.ThrowIfNull(urls);
        var document = leaflet.Document(variant, language ?? leaflet.MainLanguage);
        var address = urls.AbsoluteLeaflet(leaflet.Id, variant)
            ?? throw new ArgumentException("The leaflet page needs the site's absolute address for its QR code.", nameof(urls));
        var title = LeafletHtmlRenderer.PageTitle(document.Metadata, variant);
        var status = ReviewStatuses.Of(document.Metadata, today);
        return SiteLayout.Render(new SiteFrame(SiteWords.Title(title), urls), html =>
        {
            WriteNavigation(html, leaflet, variant, urls);
            html.Open("article", ("lang", document.Metadata.Language)).Line();
            LeafletHtmlRenderer.WriteText(html, leaflet, document, urls.LinksOf(leaflet.Id), status);
            HtmlAboutSection.Write(html, document.Metadata, status);
            html.Close("article").Line();
            PrintForm.Write(html, leaflet, variant, urls);
            WritePhoneLink(html, address);
        });
    }

    /// <summary>The other versions of this leaflet, and a way straight to printing past the whole leaflet.</summary>
    private static void WriteNavigation(HtmlWriter html, Leaflet leaflet, LeafletVariant variant, SiteUrls urls)
    {
        html.Open("nav", ("class", "leaflet-nav"), ("aria-label", SiteWords.Strings.LeafletNavLabel)).Line();
        html.Open("ul").Line();
        foreach (var (other, document) in leaflet.Variants.Where(pair => pair.Key != variant))
        {
            html.Open("li").Element("a", SiteWords.SwitchTo(other),
                ("href", urls.Leaflet(leaflet.Id, other)), ("hreflang", document.Metadata.Language)).Close("li").Line();
        }
        html.Open("li").Element("a", SiteWords.Strings.PrintLink, ("href", "#" + PrintForm.HeadingId)).Close("li").Line();
        html.Close("ul").Line();
        html.Close("nav").Line();
    }

    private static void WritePhoneLink(HtmlWriter html, string address)
    {
        html.Open("section", ("class", "phone-section"), ("aria-labelledby", PhoneHeadingId)).Line();
        html.Element("h2", SiteWords.Strings.PhoneHeading, ("id", PhoneHeadingId)).Line();
        html.Open("div", ("class", "phone")).Line();
        html.Raw(QrCodeSvg.Svg(address, SiteWords.Strings.QrLabel)).Line();
        html.Open("p").Text(SiteWords.Strings.PhoneIntro).Void("br").Element("span", address, ("class", "address")).Close("p").Line();
        html.Close("div").Line();
        html.Close("section").Line();
    }
}
