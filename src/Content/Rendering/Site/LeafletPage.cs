using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// A leaflet on the website: the leaflet as its standalone page shows it (title, summary, blocks, version and review
/// dates), in one of its languages, inside the site's frame in that language's words (English's for a language without
/// a strings file), with links to the same leaflet in its other languages (and <c>hreflang</c> alternates in the head),
/// to its other versions in this language and to printing, the "Print or download" form, and a QR code of the page's
/// own address with the address written beside it.
/// </summary>
public static class LeafletPage
{
    public const string PhoneHeadingId = "on-a-phone";

    /// <param name="variant">A variant the leaflet has.</param>
    /// <param name="today">The day the review status is judged on.</param>
    /// <param name="language">One of <see cref="Leaflet.Languages"/>; the leaflet's main language when not given.</param>
    /// <param name="strings">The snapshot's strings; the service's own when not given.</param>
    public static string Render(Leaflet leaflet, LeafletVariant variant, SiteUrls urls, DateOnly today, string? language = null, StringsLibrary? strings = null)
    {
        ArgumentNullException.ThrowIfNull(leaflet);
        ArgumentNullException.ThrowIfNull(urls);
        var document = leaflet.Document(variant, language ?? leaflet.MainLanguage);
        var shown = document.Metadata.Language;
        strings ??= StringsLibrary.Embedded;
        var words = new SiteWords(strings, shown);
        urls = urls.InLanguage(words.Language);
        var languages = Languages(leaflet, variant, shown, urls, strings);
        // The main language's address is the leaflet's own, as it has always been; a translation's names its language.
        var address = urls.AbsoluteLeaflet(leaflet.Id, variant, leaflet.TranslationLanguage(shown))
            ?? throw new ArgumentException("The leaflet page needs the site's absolute address for its QR code.", nameof(urls));
        var title = LeafletHtmlRenderer.PageTitle(document.Metadata, variant, strings);
        var status = ReviewStatuses.Of(document.Metadata, today);
        var frame = new SiteFrame(words.Title(title), urls, words) { Alternates = LanguageSwitch.Alternates(languages) };
        return SiteLayout.Render(frame, html =>
        {
            WriteNavigation(html, leaflet, variant, shown, urls, words);
            LanguageSwitch.Write(html, languages, words);
            html.Open("article", ("lang", shown)).Line();
            LeafletHtmlRenderer.WriteText(html, leaflet, document, urls.LinksOf(leaflet.Id), status, strings);
            HtmlAboutSection.Write(html, document.Metadata, status, strings);
            html.Close("article").Line();
            PrintForm.Write(html, leaflet, variant, shown, urls, words);
            WritePhoneLink(html, address, words);
        });
    }

    /// <summary>This variant in each language it is written in; the leaflet's own address lets the browser choose.</summary>
    private static SiteLanguage Languages(Leaflet leaflet, LeafletVariant variant, string shown, SiteUrls urls, StringsLibrary strings)
        => new(strings, shown)
        {
            Versions = [.. leaflet.LanguagesOf(variant).Select(language => (language, urls.Leaflet(leaflet.Id, variant, language)))],
            Choosing = urls.Leaflet(leaflet.Id, variant),
        };

    /// <summary>
    /// The other versions of this leaflet, in the language shown where it has them (else in its main language), and a
    /// way straight to printing past the whole leaflet. Each link names its language, so the reader's choice of
    /// language holds whatever their browser prefers.
    /// </summary>
    private static void WriteNavigation(HtmlWriter html, Leaflet leaflet, LeafletVariant variant, string shown, SiteUrls urls, SiteWords words)
    {
        html.Open("nav", ("class", "leaflet-nav"), ("aria-label", words.Strings.LeafletNavLabel)).Line();
        html.Open("ul").Line();
        foreach (var other in leaflet.Variants.Keys.Where(other => other != variant))
        {
            var target = leaflet.Find(other, shown) ?? leaflet.Document(other);
            var (text, textLanguage) = words.SwitchTo(other);
            html.Open("li").Element("a", text, ("href", urls.Leaflet(leaflet.Id, other, target.Metadata.Language)),
                ("hreflang", target.Metadata.Language), ("lang", textLanguage)).Close("li").Line();
        }
        html.Open("li").Element("a", words.Strings.PrintLink, ("href", "#" + PrintForm.HeadingId),
            ("lang", words.LanguageOf(s => s.Site.PrintLink))).Close("li").Line();
        html.Close("ul").Line();
        html.Close("nav").Line();
    }

    private static void WritePhoneLink(HtmlWriter html, string address, SiteWords words)
    {
        html.Open("section", ("class", "phone-section"), ("aria-labelledby", PhoneHeadingId)).Line();
        html.Element("h2", words.Strings.PhoneHeading, ("id", PhoneHeadingId), ("lang", words.LanguageOf(s => s.Site.PhoneHeading))).Line();
        html.Open("div", ("class", "phone")).Line();
        html.Raw(QrCodeSvg.Svg(address, words.Strings.QrLabel)).Line();
        html.Open("p", ("lang", words.LanguageOf(s => s.Site.PhoneIntro))).Text(words.Strings.PhoneIntro).Void("br")
            .Element("span", address, ("class", "address")).Close("p").Line();
        html.Close("div").Line();
        html.Close("section").Line();
    }
}
