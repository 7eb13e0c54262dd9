using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Search;

namespace Leaflets.Content.Rendering.Site;

/// <summary>"Page 2 of 3" with links to the previous and next pages (rel prev and next); nothing when there is one page.</summary>
internal static class Paging
{
    public static void Write(HtmlWriter html, SearchPage page, Func<int, string> urlOf)
    {
        if (page.PageCount <= 1)
        {
            return;
        }
        var number = page.Query.Page;
        html.Open("nav", ("class", "paging"), ("aria-label", SiteWords.Strings.PagingLabel)).Line();
        html.Element("p", SiteWords.PageOfPages(number, page.PageCount)).Line();
        html.Open("ul").Line();
        if (number > 1)
        {
            html.Open("li").Element("a", SiteWords.Strings.PreviousPage, ("rel", "prev"), ("href", urlOf(number - 1))).Close("li").Line();
        }
        if (number < page.PageCount)
        {
            html.Open("li").Element("a", SiteWords.Strings.NextPage, ("rel", "next"), ("href", urlOf(number + 1))).Close("li").Line();
        }
        html.Close("ul").Line();
        html.Close("nav").Line();
    }
}
