using System.Diagnostics.CodeAnalysis;
using Leaflets.Content;
using Leaflets.Content.Catalog;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/leaflets/{id}/pdf?variant=&amp;size=&amp;paper=: a large-print, tagged PDF of one variant, for printing
/// or emailing. Rendered once per content hash and options, then served from the bounded in-memory cache. The
/// leaflet's review status today is one of those options: an overdue or due-soon leaflet says so under its title,
/// so the PDF (and its ETag) changes on the day the status does, and stays the same on every other day. A full
/// render queue is a 503 with Retry-After; a failed render (now or remembered) is a 500 that names only the limit hit.
/// </summary>
public sealed class GetLeafletPdf(
    LeafletCatalog catalog, PdfRenderCache pdfs, TimeProvider time, IOptions<HttpResponseOptions> options, IOptions<SiteOptions> site,
    ILogger<GetLeafletPdf> logger)
{
    public const string MediaType = "application/pdf";

    /// <summary>
    /// Names the PDF layout in the ETag. Rendering is deterministic, so the tag is derived from the inputs without
    /// rendering; bump this whenever the renderer changes what it draws, so caches drop the old PDFs.
    /// </summary>
    public const string Representation = "application/pdf;leaflet-pdf=3";

    [Function(nameof(GetLeafletPdf))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "leaflets/{id}/pdf")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        if (!TryParseSize(request, out var size, out var badRequest)
            || !TryParsePaper(request, out var paper, out badRequest))
        {
            return badRequest;
        }
        var found = await LeafletLookup.FindDocumentAsync(catalog, request, id, cancellationToken);
        if (!found.Found)
        {
            return found.Problem;
        }
        var (leaflet, document, variant) = (found.Leaflet, found.Document, found.Document.Variant);
        if (!AcceptHeader.Accepts(request.Headers.Accept, MediaType))
        {
            return Problems.NotAcceptable(MediaType);
        }

        var renderOptions = new PdfRenderOptions(
            size, paper, site.Value.OnlineVersionOf(leaflet.Id, variant), ReviewStatuses.Of(document.Metadata, time.Today()));
        // Everything that shapes the bytes; the printed address is in it because it changes the last page, the
        // review status because it changes the first.
        var tag = EntityTag.Derive(
            document.ContentHash, variant.Slug(), Representation,
            renderOptions.BodySize.ToString(System.Globalization.CultureInfo.InvariantCulture), renderOptions.PaperSlug,
            renderOptions.PublicUrl ?? "", renderOptions.ReviewStatus.Slug());
        // A client that holds this PDF gets its 304 without a render.
        if (tag.MatchesIfNoneMatch(request.Headers.IfNoneMatch))
        {
            return PdfResponse(ReadOnlyMemory<byte>.Empty);
        }
        try
        {
            // A cancelled request stops waiting at once; the render goes on, since other requests may be sharing it.
            return PdfResponse(await pdfs.GetOrRenderAsync(leaflet, variant, renderOptions, cancellationToken));
        }
        catch (PdfRenderBusyException busy)
        {
            return Problems.RenderBusy(busy.RetryAfter);
        }
        catch (PdfRenderFailedException failed)
        {
            return Problems.RenderFailed(failed.Reason);
        }

        RepresentationResult PdfResponse(ReadOnlyMemory<byte> body) =>
            new(body, MediaType, options.Value.CacheControl, tag, document.Metadata.LastReviewed)
            {
                ContentDisposition = $"inline; filename=\"{PdfFileName.For(leaflet.Id, document, renderOptions)}\"",
            };
    });

    private static bool TryParseSize(HttpRequest request, out int size, [NotNullWhen(false)] out ProblemResult? problem)
    {
        var raw = request.Query("size");
        if (raw is null)
        {
            size = PdfRenderOptions.DefaultBodySize;
            problem = null;
            return true;
        }
        if (PdfRenderOptions.TryParseSize(raw, out size))
        {
            problem = null;
            return true;
        }
        problem = Problems.InvalidParameter(
            $"size is the body text size in points and must be one of: {string.Join(", ", PdfRenderOptions.AllowedSizes)}; got '{raw}'.");
        return false;
    }

    private static bool TryParsePaper(HttpRequest request, out PaperSize paper, [NotNullWhen(false)] out ProblemResult? problem)
    {
        var raw = request.Query("paper");
        if (raw is null)
        {
            paper = PaperSize.A4;
            problem = null;
            return true;
        }
        if (PdfRenderOptions.TryParsePaper(raw, out paper))
        {
            problem = null;
            return true;
        }
        problem = Problems.InvalidParameter(
            $"paper must be one of: {string.Join(", ", PdfRenderOptions.AllowedPapers)} (any case); got '{raw}'.");
        return false;
    }
}
