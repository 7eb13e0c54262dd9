using Leaflets.Content.Rendering.Html;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// What a site page's frame needs: its title, its links, its words (their language is the page's), the words to show
/// in the search box, and the addresses of the same page in other languages (<c>hreflang</c>, then the address).
/// </summary>
internal sealed record SiteFrame(string Title, SiteUrls Urls, SiteWords Words, string? SearchWords = null)
{
    public IReadOnlyList<(string Language, string Href)> Alternates { get; init; } = [];
}

/// <summary>
/// The frame of every site page: the head (language, title, viewport, the site's stylesheets), a "Skip to content"
/// link as the first thing to focus, a header with the home link and the search form, the page's one main landmark
/// (<c>#main</c>) and a footer. No script anywhere: every task is a link or an ordinary form.
/// </summary>
internal static class SiteLayout
{
    public const string MainId = "main";

    public static string Render(SiteFrame frame, Action<HtmlWriter> writeMain)
    {
        var (urls, words) = (frame.Urls, frame.Words);
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html>").Line();
        html.Open("html", ("lang", words.Language)).Line();
        html.Open("head").Line();
        html.Void("meta", ("charset", "utf-8")).Line();
        html.Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line();
        html.Element("title", frame.Title).Line();
        html.Void("link", ("rel", "stylesheet"), ("href", urls.Asset(SiteAssets.FontsStyleSheet))).Line();
        html.Void("link", ("rel", "stylesheet"), ("href", urls.Asset(SiteStyles.FileName))).Line();
        foreach (var (language, href) in frame.Alternates)
        {
            html.Void("link", ("rel", "alternate"), ("hreflang", language), ("href", href)).Line();
        }
        html.Close("head").Line();

        html.Open("body").Line();
        html.Element("a", words.Strings.SkipToContent, ("class", "skip-link"), ("href", "#" + MainId),
            ("lang", words.LanguageOf(s => s.Site.SkipToContent))).Line();
        WriteHeader(html, frame);
        html.Open("main", ("id", MainId)).Line();
        writeMain(html);
        html.Close("main").Line();
        html.Open("footer", ("class", "site-footer")).Line();
        html.Element("p", words.Strings.FooterText, ("lang", words.LanguageOf(s => s.Site.FooterText))).Line();
        html.Close("footer").Line();
        html.Close("body").Line();
        html.Close("html").Line();
        return html.ToString();
    }

    private static void WriteHeader(HtmlWriter html, SiteFrame frame)
    {
        html.Open("header", ("class", "site-header")).Line();
        html.Element("a", frame.Words.Strings.SiteName, ("class", "site-name"), ("href", frame.Urls.Home),
            ("lang", frame.Words.LanguageOf(s => s.Site.SiteName))).Line();
        SearchForm.Write(html, frame.Urls, frame.Words, frame.SearchWords);
        html.Close("header").Line();
    }
}
