using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Search;
using Leaflets.Content.Text;

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

    /// <param name="results">A page of <see cref="ILeafletSearchIndex.SearchAsync"/> with at least one word.</param>
    /// <param name="today">The day review statuses are judged on.</param>
    /// <param name="language">The page's language, its words and the page in its other languages.</param>
    public static string Render(SearchPage results, SiteUrls urls, DateOnly today, SiteLanguage language)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(language);
        var words = language.Words;
        urls = urls.InLanguage(words.Language);
        var searched = string.Join(' ', results.Query.Words);
        var count = words.ResultCount(results.Total, searched);
        return SiteLayout.Render(new SiteFrame(words.Title(count, results), urls, words, searched) { Alternates = LanguageSwitch.Alternates(language) }, html =>
        {
            LanguageSwitch.Write(html, language, words);
            html.Element("h1", words.Strings.SearchResultsTitle, ("lang", words.LanguageOf(s => s.Site.SearchResultsTitle))).Line();
            html.Element("p", count, ("id", CountId), ("role", "status")).Line();
            if (results.Total == 0)
            {
                WriteAdvice(html, urls, words);
                return;
            }
            LeafletList.Write(html, results.Items, urls, words, "h2", today, results.Snippets);
            Paging.Write(html, results, words, page => urls.Search(searched, page));
        });
    }

    /// <summary>The page for an empty search: the form (in the header) and the way to every leaflet.</summary>
    /// <param name="language">The page's language, its words and the page in its other languages.</param>
    public static string RenderEmpty(SiteUrls urls, SiteLanguage language)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(language);
        var words = language.Words;
        urls = urls.InLanguage(words.Language);
        var site = words.Strings;
        return SiteLayout.Render(new SiteFrame(words.Title(site.SearchTitle), urls, words) { Alternates = LanguageSwitch.Alternates(language) }, html =>
        {
            LanguageSwitch.Write(html, language, words);
            html.Element("h1", site.SearchTitle, ("lang", words.LanguageOf(s => s.Site.SearchTitle))).Line();
            html.Element("p", site.EmptySearch, ("lang", words.LanguageOf(s => s.Site.EmptySearch))).Line();
            html.Open("p").Element("a", site.AllLeaflets, ("href", urls.Home + "#" + HomePage.AToZId),
                ("lang", words.LanguageOf(s => s.Site.AllLeaflets))).Close("p").Line();
        });
    }

    private static void WriteAdvice(HtmlWriter html, SiteUrls urls, SiteWords words)
    {
        var site = words.Strings;
        html.Element("h2", site.NoResultsHeading, ("lang", words.LanguageOf(s => s.Site.NoResultsHeading))).Line();
        html.Open("ul", ("class", "advice")).Line();
        html.Element("li", site.TryFewerWords, ("lang", words.LanguageOf(s => s.Site.TryFewerWords))).Line();
        html.Element("li", site.TrySpelling, ("lang", words.LanguageOf(s => s.Site.TrySpelling))).Line();
        html.Open("li").Element("a", site.TryTopics, ("href", urls.Home + "#" + HomePage.TopicsId),
            ("lang", words.LanguageOf(s => s.Site.TryTopics))).Close("li").Line();
        html.Open("li").Element("a", site.TryAToZ, ("href", urls.Home + "#" + HomePage.AToZId),
            ("lang", words.LanguageOf(s => s.Site.TryAToZ))).Close("li").Line();
        html.Close("ul").Line();
    }
}
