using Leaflets.Content.Rendering.Site;

namespace Leaflets.Functions.Site;

/// <summary>
/// GET /assets/{file}: a static file of the site (the webfont, its stylesheet and licence, the site's stylesheet),
/// from the list built into the app. The name is only ever a key into <see cref="SiteAssets"/>, compared exactly, so
/// no request can read a file from disk; '..' and its escapes are refused before this runs (<see cref="RequestTarget"/>).
/// </summary>
public sealed class GetSiteAsset(IOptions<HttpResponseOptions> http, ILogger<GetSiteAsset> logger)
{
    [Function(nameof(GetSiteAsset))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = SiteAssets.Folder + "/{file}")] HttpRequest request,
        string file,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, () =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        IActionResult result;
        if (!SiteAssets.TryGet(file, out var asset))
        {
            result = Problems.UnknownAsset(file);
        }
        else if (!AcceptHeader.Accepts(request.Headers.Accept, asset.MediaType))
        {
            result = Problems.NotAcceptable(asset.MediaType);
        }
        else
        {
            result = new RepresentationResult(asset.Body, asset.ContentType, http.Value.AssetCacheControl, EntityTag.Of(asset.Version))
            {
                AnyOriginMayRead = true,
            };
        }
        return Task.FromResult(result);
    });
}
