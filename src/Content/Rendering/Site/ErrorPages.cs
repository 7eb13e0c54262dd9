using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// The page for an address that leads nowhere (404): plain words, the search form, a link home; for a page asked for
/// in a language it is not in, links to it in each language it is in.
/// </summary>
public static class NotFoundPage
{
    /// <param name="language">The page's language and its words.</param>
    /// <param name="inLanguages">
    /// When the page exists but not in the language asked for: each language it is in (a BCP 47 tag) with its address.
    /// </param>
    public static string Render(SiteUrls urls, SiteLanguage language, IReadOnlyList<(string Language, string Href)>? inLanguages = null)
    {
        var words = language.Words;
        return ErrorPage.Render(urls, words,
            (words.Strings.NotFoundTitle, words.LanguageOf(s => s.Site.NotFoundTitle)),
            (words.Strings.NotFoundText, words.LanguageOf(s => s.Site.NotFoundText)),
            html => WriteLanguages(html, words, inLanguages ?? []));
    }

    private static void WriteLanguages(HtmlWriter html, SiteWords words, IReadOnlyList<(string Language, string Href)> inLanguages)
    {
        if (inLanguages.Count == 0)
        {
            return;
        }
        html.Element("p", words.Strings.InOtherLanguages, ("lang", words.LanguageOf(s => s.Site.InOtherLanguages))).Line();
        html.Open("ul", ("class", "languages")).Line();
        foreach (var (language, href) in inLanguages)
        {
            var (name, nameLanguage) = words.OwnName(language);
            html.Open("li").Element("a", name, ("href", href), ("hreflang", language), ("lang", nameLanguage)).Close("li").Line();
        }
        html.Close("ul").Line();
    }
}

/// <summary>The page for an address with a value the site cannot show, such as page=0 (400): the same help as a 404.</summary>
public static class BadRequestPage
{
    /// <param name="language">The page's language and its words.</param>
    public static string Render(SiteUrls urls, SiteLanguage language)
    {
        var words = language.Words;
        return ErrorPage.Render(urls, words,
            (words.Strings.BadRequestTitle, words.LanguageOf(s => s.Site.BadRequestTitle)),
            (words.Strings.BadRequestText, words.LanguageOf(s => s.Site.BadRequestText)), _ => { });
    }
}

internal static class ErrorPage
{
    /// <param name="title">The page's heading, with the <c>lang</c> it needs (<see cref="SiteWords.LanguageOf"/>).</param>
    /// <param name="writeMore">What the page adds after saying what went wrong.</param>
    public static string Render(SiteUrls urls, SiteWords words, (string Text, string? Language) title, (string Text, string? Language) text,
        Action<HtmlWriter> writeMore)
    {
        ArgumentNullException.ThrowIfNull(urls);
        urls = urls.InLanguage(words.Language);
        return SiteLayout.Render(new SiteFrame(words.Title(title.Text), urls, words), html =>
        {
            html.Element("h1", title.Text, ("lang", title.Language)).Line();
            html.Element("p", text.Text, ("lang", text.Language)).Line();
            writeMore(html);
            html.Element("p", words.Strings.ErrorHelp, ("lang", words.LanguageOf(s => s.Site.ErrorHelp))).Line();
            html.Open("p").Element("a", words.Strings.HomeLink, ("href", urls.Home), ("lang", words.LanguageOf(s => s.Site.HomeLink))).Close("p").Line();
        });
    }
}
