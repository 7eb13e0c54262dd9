using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Epub;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/leaflets/{id}/epub?variant=&amp;lang=: one variant of a leaflet as an accessible EPUB 3 (EPUB Accessibility
/// 1.1, WCAG 2.2 AA) for e-readers and the reading apps a patient's assistive technology works with, as
/// <see cref="EpubRequest.For"/> makes it (with the leaflet's review status today, like the PDF). Rendering takes
/// milliseconds but recompresses the fonts each time, so the file is kept under its version (<see cref="RepresentationCache"/>);
/// rendering is deterministic, so a client holding this EPUB gets its 304 without one.
/// </summary>
public sealed class GetLeafletEpub(LeafletRoutes routes, ILogger<GetLeafletEpub> logger)
{
    [Function(nameof(GetLeafletEpub))]
    [QueryParameters(LeafletVariants.Parameter, LanguageNegotiation.Parameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/leaflets/{id}/epub")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, () => routes.WithDocumentAsync(
            request, id, cancellationToken, (leaflet, document, strings) =>
    {
        if (!AcceptHeader.Accepts(request.Headers.Accept, EpubRequest.MediaType))
        {
            return Problems.NotAcceptable(EpubRequest.MediaType);
        }
        var epub = EpubRequest.For(leaflet, document, routes.Today, strings);
        return LeafletRepresentations.Download(
            request, epub.Document, epub.Version, EpubRequest.MediaType, epub.FileName, () => LeafletEpubRenderer.Render(epub), routes);
    }, drawsImages: true));
}
