using System.Runtime.InteropServices;
using Leaflets.Content.Rendering;
using Leaflets.Content.Search;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/leaflets/{id}/images/{file}: a figure, served from the loaded catalog in memory. The file name is only
/// ever a key into that catalog, never part of a path, so no request can read a file from disk.
/// </summary>
public sealed class GetLeafletImage(LeafletRoutes routes, ILogger<GetLeafletImage> logger)
{
    [Function(nameof(GetLeafletImage))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/leaflets/{id}/images/{file}")] HttpRequest request,
        string id,
        string file,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        if (!Slugs.IsFileName(file))
        {
            return Problems.InvalidParameter($"The image file name must be {Slugs.FileNameRule}.");
        }
        var snapshot = await routes.Catalog.GetSnapshotAsync(cancellationToken);
        if (!LeafletLookup.TryFind(snapshot, id, out var leaflet, out var notFound))
        {
            return notFound;
        }
        // From a compiled snapshot the leaflet's images (their records and bytes) are read only now: a shell holds none.
        if (!(await snapshot.LoadInFullAsync(leaflet, cancellationToken)).Images.TryGetValue(file, out var image))
        {
            return Problems.UnknownImage(id, file);
        }
        if (!AcceptHeader.Accepts(request.Headers.Accept, image.ContentType))
        {
            return Problems.NotAcceptable(image.ContentType);
        }

        return new RepresentationResult(
            ImmutableCollectionsMarshal.AsArray(image.Bytes) ?? [], image.ContentType, routes.Http.CacheControl,
            EntityTag.Of(RepresentationVersions.Image(image)), image.LastModified)
        {
            LastModifiedValidates = true,
        };
    });
}
