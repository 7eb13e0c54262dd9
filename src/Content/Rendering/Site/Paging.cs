using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Search;

namespace Leaflets.Content.Rendering.Site;

/// <summary>"Page 2 of 3" with links to the previous and next pages (rel prev and next); nothing when there is one page.</summary>
internal static class Paging
{
    public static void Write(HtmlWriter html, SearchPage page, SiteWords words, Func<int, string> urlOf)
    {
        if (page.PageCount <= 1)
        {
            return;
        }
        var number = page.Query.Page;
        html.Open("nav", ("class", "paging"), ("aria-label", words.Strings.PagingLabel)).Line();
        html.Element("p", words.PageOfPages(number, page.PageCount), ("lang", words.LanguageOf(s => s.Site.PageOfPages))).Line();
        html.Open("ul").Line();
        if (number > 1)
        {
            html.Open("li").Element("a", words.Strings.PreviousPage, ("rel", "prev"), ("href", urlOf(number - 1)),
                ("lang", words.LanguageOf(s => s.Site.PreviousPage))).Close("li").Line();
        }
        if (number < page.PageCount)
        {
            html.Open("li").Element("a", words.Strings.NextPage, ("rel", "next"), ("href", urlOf(number + 1)),
                ("lang", words.LanguageOf(s => s.Site.NextPage))).Close("li").Line();
        }
        html.Close("ul").Line();
        html.Close("nav").Line();
    }
}
