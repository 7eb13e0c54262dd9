using Leaflets.Content;
using Leaflets.Content.Catalog;
using Leaflets.Content.Rendering.Json;
using Leaflets.Content.Rendering.JsonLd;
using Leaflets.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/leaflets/{id}?variant=plain|easy-read: the whole leaflet. JSON by default; Accept chooses the
/// schema.org JSON-LD description (application/ld+json) or the HTML page (text/html) instead.
/// </summary>
public sealed class GetLeaflet(
    LeafletCatalog catalog, TimeProvider time, IOptions<HttpResponseOptions> options, IOptions<SiteOptions> site,
    ILogger<GetLeaflet> logger)
{
    [Function(nameof(GetLeaflet))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "leaflets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        var found = await LeafletLookup.FindDocumentAsync(catalog, request, id, cancellationToken);
        if (!found.Found)
        {
            return found.Problem;
        }
        var (leaflet, document) = (found.Leaflet, found.Document);

        if (!FunctionResponse.TryUrlsFor(request, site.Value, out var urls, out var noHost))
        {
            return noHost;
        }
        return AcceptHeader.Choose(request.Headers.Accept, LeafletRepresentations.Offered) switch
        {
            LeafletJson.MediaType => LeafletRepresentations.Json(leaflet, document, time.Today(), urls, options.Value),
            MedicalWebPageJsonLd.ContentType => LeafletRepresentations.JsonLd(leaflet, document, urls, options.Value),
            LeafletRepresentations.HtmlMediaType => LeafletRepresentations.Html(leaflet, document, time.Today(), urls, options.Value),
            _ => Problems.NotAcceptable(LeafletRepresentations.OfferedList),
        };
    });
}
