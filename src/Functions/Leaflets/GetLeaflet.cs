using Leaflets.Content.Catalog;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Json;
using Leaflets.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaflets.Functions.Leaflets;

/// <summary>GET /api/leaflets/{id}?variant=plain|easy-read: the whole leaflet as JSON.</summary>
public sealed class GetLeaflet(
    LeafletCatalog catalog, TimeProvider time, IOptions<HttpResponseOptions> options, ILogger<GetLeaflet> logger)
{
    [Function(nameof(GetLeaflet))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "leaflets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        if (!LeafletLookup.TryParseVariant(request, out var variant, out var badVariant))
        {
            return badVariant;
        }
        var snapshot = await catalog.GetSnapshotAsync(cancellationToken);
        if (!LeafletLookup.TryFind(snapshot, id, out var leaflet, out var notFound)
            || !LeafletLookup.TryGetDocument(leaflet, variant, out var document, out notFound))
        {
            return notFound;
        }
        if (!AcceptHeader.Accepts(request.Headers.Accept, LeafletJson.MediaType))
        {
            return Problems.NotAcceptable(LeafletJson.MediaType);
        }

        var today = time.Today();
        var urls = FunctionResponse.UrlsFor(request, options.Value);
        // The body also depends on the date (review status) and on the link base, so both are in the tag.
        var tag = EntityTag.Derive(
            document.ContentHash, variant.Slug(), LeafletJson.Representation,
            ReviewStatuses.Of(document.Metadata, today).Slug(), urls.BaseUrl);
        return new RepresentationResult(
            LeafletJson.Leaflet(leaflet, document, today, urls), LeafletJson.MediaType,
            options.Value.CacheControl, tag, document.Metadata.LastReviewed);
    });
}
