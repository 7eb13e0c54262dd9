using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Html;

/// <summary>
/// Renders one variant of a leaflet as a complete, standalone, accessible HTML page (WCAG 2.2 AA):
/// one h1, headings in order, figures with alternative text, header cells with scope, easy-read rows
/// with the picture first, the review notice under the title when the leaflet is overdue or due soon (as on paper),
/// an embedded stylesheet with a print layout, and no JavaScript.
/// </summary>
public static class LeafletHtmlRenderer
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>The exact text of the page's style element, which a Content-Security-Policy names by its hash.</summary>
    public const string StyleSheet = "\n" + HtmlStyles.Css + "\n";

    /// <param name="today">The date the review status is judged on; today (UTC) when not given.</param>
    /// <param name="language">One of <see cref="Leaflet.Languages"/>; the leaflet's main language when not given.</param>
    /// <param name="strings">The snapshot's strings; the service's own when not given.</param>
    public static string Render(Leaflet leaflet, LeafletVariant variant, LeafletLinks? links = null, DateOnly? today = null, string? language = null,
        StringsLibrary? strings = null)
    {
        ArgumentNullException.ThrowIfNull(leaflet);
        strings ??= StringsLibrary.Embedded;
        var document = leaflet.Document(variant, language ?? leaflet.MainLanguage);
        links ??= LeafletLinks.Relative;
        var metadata = document.Metadata;
        var status = ReviewStatuses.Of(metadata, today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        var html = new HtmlWriter();

        html.Raw("<!DOCTYPE html>").Line();
        html.Open("html", ("lang", metadata.Language)).Line();
        html.Open("head").Line();
        html.Void("meta", ("charset", "utf-8")).Line();
        html.Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line();
        html.Element("title", PageTitle(metadata, variant, strings)).Line();
        html.Void("meta", ("name", "description"), ("content", metadata.Summary)).Line();
        if (links.FontsStyleSheet is { } fonts)
        {
            html.Void("link", ("rel", "stylesheet"), ("href", fonts)).Line();
        }
        html.Open("style").Raw(StyleSheet).Close("style").Line();
        html.Close("head").Line();

        html.Open("body").Line();
        WriteVariantSwitch(html, leaflet, document, links, strings);
        html.Open("main").Line();
        WriteText(html, leaflet, document, links, status, strings);
        html.Close("main").Line();
        HtmlAboutSection.Write(html, metadata, status, strings);
        html.Close("body").Line();
        html.Close("html").Line();
        return html.ToString();
    }

    /// <summary>
    /// What a reader reads: the title (the page's one h1), the summary, the review notice when it leads the leaflet,
    /// the notice of an unreviewed translation, and the blocks. The standalone page and the website's leaflet page both write it, each inside its own frame.
    /// </summary>
    internal static void WriteText(HtmlWriter html, Leaflet leaflet, LeafletDocument document, LeafletLinks links, ReviewStatus status, StringsLibrary strings)
    {
        html.Open("header").Line();
        html.Element("h1", document.Metadata.Title).Line();
        html.Element("p", document.Metadata.Summary, ("class", "summary")).Line();
        html.Close("header").Line();
        HtmlReviewNotice.WriteUnderTitle(html, document.Metadata, status, strings);
        HtmlTranslationNotice.Write(html, TranslationNotice.For(document.Metadata, strings));
        new HtmlBlocks(html, leaflet, links).Write(document.Blocks);
    }

    internal static string PageTitle(LeafletMetadata metadata, LeafletVariant variant, StringsLibrary strings)
        => variant == LeafletVariant.EasyRead
            ? ReaderStrings.Fill(strings.For(metadata.Language).Leaflet.EasyReadPageTitle, ("title", metadata.Title))
            : metadata.Title;

    /// <summary>
    /// Links the other variant in the page's own language (<paramref name="links"/> keep the language); a translation
    /// without that variant gets no switch.
    /// </summary>
    private static void WriteVariantSwitch(HtmlWriter html, Leaflet leaflet, LeafletDocument document, LeafletLinks links, StringsLibrary library)
    {
        var other = document.Variant == LeafletVariant.Plain ? LeafletVariant.EasyRead : LeafletVariant.Plain;
        var page = document.Metadata.Language;
        if (leaflet.Find(other, page) is not { } otherDocument)
        {
            return;
        }
        var strings = library.For(page);
        var words = strings.Leaflet;
        var (text, textLanguage) = other == LeafletVariant.EasyRead
            ? (words.ReadEasyReadVersion, strings.LanguageInside(s => s.Leaflet.ReadEasyReadVersion, page))
            : (words.ReadStandardVersion, strings.LanguageInside(s => s.Leaflet.ReadStandardVersion, page));
        html.Open("nav", ("class", "variants"), ("aria-label", words.OtherVersions)).Open("p");
        html.Element("a", text, ("href", links.VariantUrl(other)), ("hreflang", otherDocument.Metadata.Language), ("lang", textLanguage));
        html.Close("p").Close("nav").Line();
    }
}
