using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Braille;
using Leaflets.Content.Text;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/leaflets/{id}/braille?variant=&amp;lang=&amp;grade=&amp;cells=&amp;lines=: the leaflet as a BRF file for an
/// embosser or a braille display, as <see cref="BrailleLayout"/> lays it out, in the language negotiated as for the PDF.
/// Translating takes milliseconds; the file is kept under its version (<see cref="RepresentationCache"/>), so a leaflet is
/// translated once per grade and page, and a 304 needs none. A language without a braille table is
/// a 404; a missing liblouis or table is a 503 naming what is missing, logged, and no other route is touched.
/// </summary>
public sealed class GetLeafletBraille(LeafletRoutes routes, BrailleTranslator translator, ILogger<GetLeafletBraille> logger)
{
    [Function(nameof(GetLeafletBraille))]
    [QueryParameters(LeafletVariants.Parameter, LanguageNegotiation.Parameter,
        BrailleChoice.GradeParameter, BrailleChoice.CellsParameter, BrailleChoice.LinesParameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/leaflets/{id}/braille")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, () =>
    {
        if (!BrailleChoice.TryParse(
            request.Query(BrailleChoice.GradeParameter), request.Query(BrailleChoice.CellsParameter), request.Query(BrailleChoice.LinesParameter),
            name => name, out var choice, out var badChoice))
        {
            return Task.FromResult<IActionResult>(Problems.InvalidParameter(badChoice));
        }
        return routes.WithDocumentAsync(request, id, cancellationToken, (leaflet, document, strings) => Respond(request, leaflet, document, choice, strings));
    });

    private IActionResult Respond(HttpRequest request, Leaflet leaflet, LeafletDocument document, BrailleChoice choice, StringsLibrary strings)
    {
        if (!AcceptHeader.Accepts(request.Headers.Accept, BrailleRequest.MediaType))
        {
            return Problems.NotAcceptable(BrailleRequest.MediaType);
        }
        if (BrailleRequest.For(leaflet, document, choice, strings) is not { } braille)
        {
            return Problems.BrailleLanguageNotOffered(document.Metadata.Language);
        }
        try
        {
            return LeafletRepresentations.Download(
                request, document, braille.Version, BrailleRequest.ContentType, braille.FileName, () => braille.Render(translator), routes);
        }
        catch (BrailleUnavailableException missing)
        {
            logger.LogError(missing, "Braille for {Leaflet} could not be made: {Missing}", leaflet.Id, missing.Message);
            return Problems.BrailleUnavailable(missing.Message);
        }
    }
}
