using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/leaflets/{id}/pdf?variant=&amp;size=&amp;paper=: a large-print, tagged PDF of one variant, for printing or
/// emailing, as <see cref="PdfRequest.Print"/> makes it (so the leaflet's review status today is printed, and the PDF and
/// its ETag change on the day the status does). Served by <see cref="PdfRenderCache"/>. A full render queue is a 503 with
/// Retry-After; a failed render (now or remembered) is a 500 that names only the limit hit.
/// </summary>
public sealed class GetLeafletPdf(LeafletRoutes routes, PdfRenderCache pdfs, ILogger<GetLeafletPdf> logger)
{
    [Function(nameof(GetLeafletPdf))]
    [QueryParameters(LeafletVariants.Parameter, LanguageNegotiation.Parameter, PrintChoice.SizeParameter, PrintChoice.PaperParameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/leaflets/{id}/pdf")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, () =>
    {
        if (!PrintChoice.TryParse(
            request.Query(PrintChoice.SizeParameter), request.Query(PrintChoice.PaperParameter), name => name, out var choice, out var badChoice))
        {
            return Task.FromResult<IActionResult>(Problems.InvalidParameter(badChoice));
        }
        return routes.WithDocumentAsync(request, id, cancellationToken, (leaflet, document, strings) => RespondAsync(
            request, PdfRequest.Print(leaflet, document, choice, routes.Site, routes.Today, strings), cancellationToken), drawsImages: true);
    });

    private async Task<IActionResult> RespondAsync(HttpRequest request, PdfRequest print, CancellationToken cancellationToken)
    {
        if (!AcceptHeader.Accepts(request.Headers.Accept, PdfRequest.MediaType))
        {
            return Problems.NotAcceptable(PdfRequest.MediaType);
        }
        // A client that holds this PDF gets its 304 without a render.
        if (PdfResponse(new RepresentationBody(ReadOnlyMemory<byte>.Empty)) is var unrendered && unrendered.IsNotModified(request))
        {
            return unrendered;
        }
        try
        {
            // A cancelled request stops waiting at once; the render goes on, since other requests may be sharing it.
            var pdf = await pdfs.GetOrRenderAsync(print, cancellationToken);
            // Encoding a PDF takes longer than rendering it, so a request that takes a coding gets the one kept under the
            // PDF's version, made once. One that takes none is sent the PDF cache's bytes, as before.
            return PdfResponse(ContentCoding.Choose(request.Headers.AcceptEncoding, pdf.Length) is null
                ? new RepresentationBody(pdf)
                : routes.Cache.GetOrRender(print.Version, () => pdf));
        }
        catch (PdfRenderBusyException busy)
        {
            return Problems.RenderBusy(busy.RetryAfter);
        }
        catch (PdfRenderFailedException failed)
        {
            return Problems.RenderFailed(failed.Reason);
        }

        RepresentationResult PdfResponse(RepresentationBody body) =>
            new(body, PdfRequest.MediaType, routes.Http.CacheControl, EntityTag.Of(print.Version),
                ReviewStatuses.LastChangedAsShown(print.Document, routes.Today))
            {
                LastModifiedValidates = true,
                ContentDisposition = $"inline; filename=\"{print.FileName}\"",
                ContentLanguage = print.Document.Metadata.Language,
            };
    }
}
