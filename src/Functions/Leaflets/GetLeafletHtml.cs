using Leaflets.Content.Model;
using Leaflets.Content.Rendering;

namespace Leaflets.Functions.Leaflets;

/// <summary>GET /api/leaflets/{id}/html?variant=plain|easy-read: the leaflet as a standalone, accessible HTML page.</summary>
public sealed class GetLeafletHtml(LeafletRoutes routes, ILogger<GetLeafletHtml> logger)
{
    [Function(nameof(GetLeafletHtml))]
    [QueryParameters(LeafletVariants.Parameter, LanguageNegotiation.Parameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/leaflets/{id}/html")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, () => routes.WithFoundAsync(
            request, id, cancellationToken, async found =>
    {
        if (!AcceptHeader.Accepts(request.Headers.Accept, LeafletRepresentations.HtmlMediaType))
        {
            return Problems.NotAcceptable(LeafletRepresentations.HtmlMediaType);
        }
        return routes.TryUrlsFor(request, out var urls, out var noHost)
            ? await LeafletRepresentations.HtmlAsync(found, routes.Today, urls, routes.Http, routes.Cache, cancellationToken)
            : noHost;
    }));
}
