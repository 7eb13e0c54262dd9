using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Json;
using Leaflets.Content.Search;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/leaflets?q=&amp;topic=&amp;code=&amp;lang=&amp;sort=&amp;page=&amp;pageSize=: one page of the catalog or of a search
/// (ranked by relevance unless <c>sort</c> says title or reviewed), each found leaflet with a snippet; <c>lang</c> keeps
/// the leaflets written in that language.
/// </summary>
public sealed class ListLeaflets(LeafletRoutes routes, ILogger<ListLeaflets> logger)
{
    /// <summary>Names the list's body in the cache, apart from every other body.</summary>
    private const string ListRepresentation = "application/json;leaflet-list";

    [Function(nameof(ListLeaflets))]
    [QueryParameters("q", "topic", "code", LanguageNegotiation.Parameter, LeafletSorts.Parameter, "page", "pageSize")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/leaflets")] HttpRequest request,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        var parsed = LeafletQuery.Parse(
            request.Query("q"), request.Query("topic"), request.Query("code"), request.Query("page"), request.Query("pageSize"),
            request.Query(LanguageNegotiation.Parameter), request.Query(LeafletSorts.Parameter));
        if (parsed.Query is not { } query)
        {
            return Problems.InvalidParameter(string.Join(" ", parsed.Errors.Select(error => error.Message)));
        }
        if (!AcceptHeader.Accepts(request.Headers.Accept, LeafletJson.MediaType))
        {
            return Problems.NotAcceptable(LeafletJson.MediaType);
        }
        if (!routes.TryUrlsFor(request, out var urls, out var noHost))
        {
            return noHost;
        }

        var snapshot = await routes.Catalog.GetSnapshotAsync(cancellationToken);
        var today = routes.Today;
        // Rendered once per snapshot, query, address and day, not per request (bench/README, "Scale"); kept with its
        // Last-Modified, so a kept page is answered without searching for it again (bench/README, "List pages, per request").
        var key = RepresentationCache.ListKey(ListRepresentation, snapshot, today, query.Key, urls.BaseUrl);
        var body = await routes.Cache.GetOrRenderPageAsync(key, () => snapshot.SearchAsync(query, cancellationToken), page => LeafletJson.List(page, today, urls))
            ?? throw new InvalidOperationException("Every page of the list is rendered, past the last one too (with no items).");
        // A page mixes many leaflets, so its tag is taken over the bytes themselves.
        return new RepresentationResult(body, LeafletJson.MediaType, routes.Http.CacheControl, body.TagOfBytes, body.LastModified);
    });
}
