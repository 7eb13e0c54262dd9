using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Search;
using Leaflets.Content.Text;

namespace Leaflets.Functions.Site;

/// <summary>
/// GET /search?q=&amp;page=&amp;lang=: the leaflets matching the words, for people, best match first with the matched words
/// shown in context; with no words, the way to search.
/// </summary>
public sealed class GetSearchPage(SiteRoutes routes, ILogger<GetSearchPage> logger)
{
    /// <summary>Names a search page's body in the cache, apart from every other body.</summary>
    private const string SearchPageRepresentation = "text/html;site-search";

    [Function(nameof(GetSearchPage))]
    [QueryParameters(SiteUrls.QueryParameter, SiteUrls.PageParameter, LanguageNegotiation.Parameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = SiteUrls.SearchPath)] HttpRequest request,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        var urls = routes.UrlsFor(request);
        if (!routes.TryReadListing(request, urls, out var query, out var badQuery))
        {
            return badQuery;
        }
        var words = string.Join(' ', query.Words);
        var (language, notInLanguage) = await routes.ChooseSiteLanguageAsync(request, urls, links => links.Search(words, query.Page), cancellationToken);
        if (language is null)
        {
            return notInLanguage!;
        }
        var snapshot = await routes.Catalog.GetSnapshotAsync(cancellationToken);
        var key = routes.ListKey(SearchPageRepresentation, snapshot, query, language, urls);
        if (query.Words.IsEmpty)
        {
            // Nothing was asked, so nothing is searched: one page with the form, and ?page=2 of it a 404 like any other.
            return await routes.ListPageAsync(request, urls, language, key,
                () => ValueTask.FromResult(LeafletSearch.List([], query)), _ => SearchResultsPage.RenderEmpty(urls, language));
        }
        return await routes.ListPageAsync(request, urls, language, key,
            () => snapshot.SearchAsync(query, cancellationToken), results => SearchResultsPage.Render(results, urls, routes.Today, language));
    }, routes.ErrorPageFor(request));
}
