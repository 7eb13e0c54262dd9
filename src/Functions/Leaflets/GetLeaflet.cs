using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Json;
using Leaflets.Content.Rendering.JsonLd;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/leaflets/{id}?variant=plain|easy-read: the whole leaflet. JSON by default; Accept chooses the
/// schema.org JSON-LD description (application/ld+json) or the HTML page (text/html) instead.
/// </summary>
public sealed class GetLeaflet(LeafletRoutes routes, ILogger<GetLeaflet> logger)
{
    [Function(nameof(GetLeaflet))]
    [QueryParameters(LeafletVariants.Parameter, LanguageNegotiation.Parameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/leaflets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, () => routes.WithFoundAsync(
            request, id, cancellationToken, async found =>
    {
        if (!routes.TryUrlsFor(request, out var urls, out var noHost))
        {
            return noHost;
        }
        return AcceptHeader.Choose(request.Headers.Accept, LeafletRepresentations.Offered) switch
        {
            LeafletJson.MediaType => await LeafletRepresentations.JsonAsync(found, routes.Today, urls, routes.Http, routes.Cache, cancellationToken),
            MedicalWebPageJsonLd.ContentType => await LeafletRepresentations.JsonLdAsync(found, urls, routes.Http, routes.Cache, cancellationToken),
            LeafletRepresentations.HtmlMediaType => await LeafletRepresentations.HtmlAsync(found, routes.Today, urls, routes.Http, routes.Cache, cancellationToken),
            _ => Problems.NotAcceptable(LeafletRepresentations.OfferedList),
        };
    }));
}
