using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Search;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// The search page: the number of leaflets found, announced to screen readers as it appears (a status) and also the
/// start of the page's title, then the results; or, when nothing matched, what to try instead. With no words, the form
/// and the way to every leaflet, not an error.
/// </summary>
public static class SearchResultsPage
{
    /// <summary>The id of the sentence that counts the results.</summary>
    public const string CountId = "result-count";

    /// <param name="results">A page of <see cref="LeafletSearch.Search"/> with at least one word.</param>
    /// <param name="today">The day review statuses are judged on.</param>
    public static string Render(SearchPage results, SiteUrls urls, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(urls);
        var words = string.Join(' ', results.Query.Words);
        var count = SiteWords.ResultCount(results.Total, words);
        var strings = SiteWords.Strings;
        return SiteLayout.Render(new SiteFrame(SiteWords.Title(count), urls, words), html =>
        {
            html.Element("h1", strings.SearchResultsTitle).Line();
            html.Element("p", count, ("id", CountId), ("role", "status")).Line();
            if (results.Total == 0)
            {
                WriteAdvice(html, urls);
                return;
            }
            LeafletList.Write(html, results.Items, urls, "h2", today);
            Paging.Write(html, results, page => urls.Search(words, page));
        });
    }

    /// <summary>The page for an empty search: the form (in the header) and the way to every leaflet.</summary>
    public static string RenderEmpty(SiteUrls urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var strings = SiteWords.Strings;
        return SiteLayout.Render(new SiteFrame(SiteWords.Title(strings.SearchTitle), urls), html =>
        {
            html.Element("h1", strings.SearchTitle).Line();
            html.Element("p", strings.EmptySearch).Line();
            html.Open("p").Element("a", strings.AllLeaflets, ("href", urls.Home + "#" + HomePage.AToZId)).Close("p").Line();
        });
    }

    private static void WriteAdvice(HtmlWriter html, SiteUrls urls)
    {
        var strings = SiteWords.Strings;
        html.Element("h2", strings.NoResultsHeading).Line();
        html.Open("ul", ("class", "advice")).Line();
        html.Element("li", strings.TryFewerWords).Line();
        html.Element("li", strings.TrySpelling).Line();
        html.Open("li").Element("a", strings.TryTopics, ("href", urls.Home + "#" + HomePage.TopicsId)).Close("li").Line();
        html.Open("li").Element("a", strings.TryAToZ, ("href", urls.Home + "#" + HomePage.AToZId)).Close("li").Line();
        html.Close("ul").Line();
    }
}
