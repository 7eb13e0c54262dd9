using System.Runtime.InteropServices;
using Leaflets.Content.Rendering;
using Leaflets.Content.Search;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/leaflets/{id}/images/{file}: a figure of the leaflet the catalog holds. The file name is only ever a key
/// into the leaflet's images, never part of a path, so no request can read a file it does not name.
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
        // Found from its chunk of the compiled snapshot, as the document routes find theirs: a cold instance answers a
        // page's figures without waiting for the whole library to be parsed.
        var (snapshot, leaflet, notFound) = await LeafletLookup.FindLeafletAsync(routes.Catalog, id, cancellationToken);
        if (snapshot is null || leaflet is null)
        {
            return notFound!;
        }
        // Decided from the image's record before any file is read: loading the leaflet in full reads every image's bytes,
        // which a name it does not hold, or a type the client refuses, must not cost.
        if (await snapshot.FindImageAsync(leaflet, file, cancellationToken) is not { } recorded)
        {
            return Problems.UnknownImage(id, file);
        }
        if (!AcceptHeader.Accepts(request.Headers.Accept, recorded.ContentType))
        {
            return Problems.NotAcceptable(recorded.ContentType);
        }
        // From a compiled snapshot the images' bytes are read only now (a shell holds none), and proved the recorded ones.
        var image = (await snapshot.LoadInFullAsync(leaflet, cancellationToken)).Images[file];

        return new RepresentationResult(
            ImmutableCollectionsMarshal.AsArray(image.Bytes) ?? [], image.ContentType, routes.Http.CacheControl,
            EntityTag.Of(RepresentationVersions.Image(image)), image.LastModified)
        {
            LastModifiedValidates = true,
        };
    });
}
