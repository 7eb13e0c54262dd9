using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Json;
using Leaflets.Content.Sync;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/manifest?modifiedSince=: every leaflet served with each variant's version, content hash and dates, so a partner
/// polls it with If-None-Match (a 304 until anything changes) and fetches only what moved.
/// </summary>
public sealed class GetManifest(LeafletRoutes routes, ILogger<GetManifest> logger)
{
    [Function(nameof(GetManifest))]
    [QueryParameters(LeafletManifest.ModifiedSinceParameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/manifest")] HttpRequest request,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        if (!LeafletManifest.TryParseModifiedSince(request.Query(LeafletManifest.ModifiedSinceParameter), out var since, out var badSince))
        {
            return Problems.InvalidParameter(badSince);
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
        var leaflets = LeafletManifest.Select(snapshot.Content.Leaflets.Values, since);
        var body = LeafletJson.Manifest(leaflets, urls);
        // The tag is over the bytes, so a removal changes it too. No Last-Modified: the newest date cannot see a removal,
        // so it could only mislead a client into If-Modified-Since; the dates a partner needs are in the body.
        return new RepresentationResult(body, LeafletJson.MediaType, routes.Http.CacheControl, EntityTag.OfBytes(body));
    });
}
