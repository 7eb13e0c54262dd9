using Leaflets.Content;
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
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "leaflets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        var found = await routes.FindLinkedDocumentAsync(request, id, cancellationToken);
        if (!found.Found)
        {
            return found.Problem;
        }
        var (leaflet, document, urls, today, http) = (found.Leaflet, found.Document, found.Urls!, routes.Today, routes.Http);
        return AcceptHeader.Choose(request.Headers.Accept, LeafletRepresentations.Offered) switch
        {
            LeafletJson.MediaType => LeafletRepresentations.Json(leaflet, document, today, urls, http),
            MedicalWebPageJsonLd.ContentType => LeafletRepresentations.JsonLd(leaflet, document, urls, http),
            LeafletRepresentations.HtmlMediaType => LeafletRepresentations.Html(leaflet, document, today, urls, http),
            _ => Problems.NotAcceptable(LeafletRepresentations.OfferedList),
        };
    });
}
