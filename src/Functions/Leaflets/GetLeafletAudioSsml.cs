using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Audio;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/leaflets/{id}/audio/ssml?variant=&amp;lang=: the SSML 1.1 the spoken version is made from
/// (<see cref="SpeechScriptBuilder"/>), in the language negotiated as for the PDF: one document, each chapter after a
/// mark. For a partner who speaks it with its own engine, and for checking what the audio says. Writing it takes
/// microseconds, but it is kept under its version (<see cref="RepresentationCache"/>) like the other files, and a
/// client holding it gets its 304 without one.
/// </summary>
public sealed class GetLeafletAudioSsml(LeafletRoutes routes, ILogger<GetLeafletAudioSsml> logger)
{
    [Function(nameof(GetLeafletAudioSsml))]
    [QueryParameters(LeafletVariants.Parameter, LanguageNegotiation.Parameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/leaflets/{id}/audio/ssml")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, () => routes.WithDocumentAsync(
            request, id, cancellationToken, (leaflet, document, strings) =>
    {
        if (!AcceptHeader.Accepts(request.Headers.Accept, SpeechRequest.SsmlMediaType))
        {
            return Problems.NotAcceptable(SpeechRequest.SsmlMediaType);
        }
        var speech = SpeechRequest.For(leaflet, document, strings);
        return LeafletRepresentations.Download(
            request, document, speech.SsmlVersion, SpeechRequest.SsmlContentType, speech.SsmlFileName, speech.RenderSsml, routes);
    }));
}
