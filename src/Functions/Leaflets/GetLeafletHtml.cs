using Leaflets.Content;
using Leaflets.Content.Catalog;
using Leaflets.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaflets.Functions.Leaflets;

/// <summary>GET /api/leaflets/{id}/html?variant=plain|easy-read: the leaflet as a standalone, accessible HTML page.</summary>
public sealed class GetLeafletHtml(
    LeafletCatalog catalog, TimeProvider time, IOptions<HttpResponseOptions> options, IOptions<SiteOptions> site,
    ILogger<GetLeafletHtml> logger)
{
    [Function(nameof(GetLeafletHtml))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "leaflets/{id}/html")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        var found = await LeafletLookup.FindDocumentAsync(catalog, request, id, cancellationToken);
        if (!found.Found)
        {
            return found.Problem;
        }
        var (leaflet, document) = (found.Leaflet, found.Document);
        if (!AcceptHeader.Accepts(request.Headers.Accept, LeafletRepresentations.HtmlMediaType))
        {
            return Problems.NotAcceptable(LeafletRepresentations.HtmlMediaType);
        }
        if (!FunctionResponse.TryUrlsFor(request, site.Value, out var urls, out var noHost))
        {
            return noHost;
        }
        return LeafletRepresentations.Html(leaflet, document, time.Today(), urls, options.Value);
    });
}
