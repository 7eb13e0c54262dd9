using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Site;

/// <summary>The page for an address that leads nowhere (404): plain words, the search form, a link home.</summary>
public static class NotFoundPage
{
    /// <param name="strings">The words of the page's language.</param>
    public static string Render(SiteUrls urls, ReaderStrings strings)
    {
        var words = new SiteWords(strings);
        return ErrorPage.Render(urls, words,
            (words.Strings.NotFoundTitle, words.LanguageOf(s => s.Site.NotFoundTitle)),
            (words.Strings.NotFoundText, words.LanguageOf(s => s.Site.NotFoundText)));
    }
}

/// <summary>The page for an address with a value the site cannot show, such as page=0 (400): the same help as a 404.</summary>
public static class BadRequestPage
{
    /// <param name="strings">The words of the page's language.</param>
    public static string Render(SiteUrls urls, ReaderStrings strings)
    {
        var words = new SiteWords(strings);
        return ErrorPage.Render(urls, words,
            (words.Strings.BadRequestTitle, words.LanguageOf(s => s.Site.BadRequestTitle)),
            (words.Strings.BadRequestText, words.LanguageOf(s => s.Site.BadRequestText)));
    }
}

internal static class ErrorPage
{
    /// <param name="title">The page's heading, with the <c>lang</c> it needs (<see cref="SiteWords.LanguageOf"/>).</param>
    public static string Render(SiteUrls urls, SiteWords words, (string Text, string? Language) title, (string Text, string? Language) text)
    {
        ArgumentNullException.ThrowIfNull(urls);
        urls = urls.InLanguage(words.Language);
        return SiteLayout.Render(new SiteFrame(words.Title(title.Text), urls, words), html =>
        {
            html.Element("h1", title.Text, ("lang", title.Language)).Line();
            html.Element("p", text.Text, ("lang", text.Language)).Line();
            html.Element("p", words.Strings.ErrorHelp, ("lang", words.LanguageOf(s => s.Site.ErrorHelp))).Line();
            html.Open("p").Element("a", words.Strings.HomeLink, ("href", urls.Home), ("lang", words.LanguageOf(s => s.Site.HomeLink))).Close("p").Line();
        });
    }
}
