using Leaflets.Content;
using Leaflets.Content.Catalog;
using Leaflets.Content.Rendering.Json;
using Leaflets.Content.Search;
using Leaflets.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaflets.Functions.Leaflets;

/// <summary>GET /api/leaflets?q=&amp;topic=&amp;code=&amp;page=&amp;pageSize=: one page of the catalog or of a search.</summary>
public sealed class ListLeaflets(
    LeafletCatalog catalog, TimeProvider time, IOptions<HttpResponseOptions> options, IOptions<SiteOptions> site,
    ILogger<ListLeaflets> logger)
{
    [Function(nameof(ListLeaflets))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "leaflets")] HttpRequest request,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        var parsed = LeafletQuery.Parse(
            request.Query("q"), request.Query("topic"), request.Query("code"), request.Query("page"), request.Query("pageSize"));
        if (parsed.Query is not { } query)
        {
            return Problems.InvalidParameter(string.Join(" ", parsed.Errors.Select(error => error.Message)));
        }
        if (!AcceptHeader.Accepts(request.Headers.Accept, LeafletJson.MediaType))
        {
            return Problems.NotAcceptable(LeafletJson.MediaType);
        }
        if (!FunctionResponse.TryUrlsFor(request, site.Value, out var urls, out var noHost))
        {
            return noHost;
        }

        var snapshot = await catalog.GetSnapshotAsync(cancellationToken);
        var page = LeafletSearch.Search(snapshot.Content.Leaflets.Values, query);
        var body = LeafletJson.List(page, time.Today(), urls);
        // A page mixes many leaflets, so its tag is taken over the bytes themselves.
        var lastModified = page.Items.IsEmpty ? (DateOnly?)null : page.Items.Max(leaflet => leaflet.LastReviewed());
        return new RepresentationResult(body, LeafletJson.MediaType, options.Value.CacheControl, EntityTag.OfBytes(body), lastModified);
    });
}
