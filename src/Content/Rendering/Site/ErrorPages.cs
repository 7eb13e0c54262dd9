using Leaflets.Content.Rendering.Html;

namespace Leaflets.Content.Rendering.Site;

/// <summary>The page for an address that leads nowhere (404): plain words, the search form, a link home.</summary>
public static class NotFoundPage
{
    public static string Render(SiteUrls urls)
        => ErrorPage.Render(urls, SiteWords.Strings.NotFoundTitle, SiteWords.Strings.NotFoundText);
}

/// <summary>The page for an address with a value the site cannot show, such as page=0 (400): the same help as a 404.</summary>
public static class BadRequestPage
{
    public static string Render(SiteUrls urls)
        => ErrorPage.Render(urls, SiteWords.Strings.BadRequestTitle, SiteWords.Strings.BadRequestText);
}

internal static class ErrorPage
{
    public static string Render(SiteUrls urls, string title, string text)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return SiteLayout.Render(new SiteFrame(SiteWords.Title(title), urls), html =>
        {
            html.Element("h1", title).Line();
            html.Element("p", text).Line();
            html.Element("p", SiteWords.Strings.ErrorHelp).Line();
            html.Open("p").Element("a", SiteWords.Strings.HomeLink, ("href", urls.Home)).Close("p").Line();
        });
    }
}
