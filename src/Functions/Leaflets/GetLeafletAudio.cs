using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Audio;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// GET /api/leaflets/{id}/audio?variant=&amp;lang=: the spoken version of one variant, Ogg Opus with a chapter per
/// section, in the language negotiated as for the PDF: the script of <c>/audio/ssml</c> spoken by the configured engine
/// (<see cref="AudioRenderer"/>). Its version is known without speaking, so a 304 needs no work; the file is kept in memory
/// under it (<see cref="RepresentationCache"/>) and, behind that, in the shared store the PDFs use
/// (<see cref="AudioRenderCache"/>). No voice for the language is a 404; an engine that cannot speak here is a 503
/// naming it and what is missing; a failed render a 500 naming why. Every other route is untouched.
/// </summary>
public sealed class GetLeafletAudio(LeafletRoutes routes, AudioRenderCache audio, ILogger<GetLeafletAudio> logger)
{
    [Function(nameof(GetLeafletAudio))]
    [QueryParameters(LeafletVariants.Parameter, LanguageNegotiation.Parameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/leaflets/{id}/audio")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, () => routes.WithDocumentAsync(
            request, id, cancellationToken, (leaflet, document, strings) => RespondAsync(request, SpeechRequest.For(leaflet, document, strings), cancellationToken)));

    private async Task<IActionResult> RespondAsync(HttpRequest request, SpeechRequest speech, CancellationToken cancellationToken)
    {
        if (!AcceptHeader.Accepts(request.Headers.Accept, SpeechRequest.AudioMediaType))
        {
            return Problems.NotAcceptable(SpeechRequest.AudioMediaType);
        }
        var engine = audio.Renderer.Engine;
        var language = speech.Document.Metadata.Language;
        if (!engine.Speaks(language))
        {
            return Problems.AudioLanguageNotOffered(language, engine.Name);
        }
        var version = speech.AudioVersion(audio.Renderer);
        // A client that holds this audio gets its 304 without a render.
        if (Response(new RepresentationBody(ReadOnlyMemory<byte>.Empty)) is var unrendered && unrendered.IsNotModified(request))
        {
            return unrendered;
        }
        if (routes.Cache.TryGet(version, out var kept))
        {
            return Response(kept);
        }
        try
        {
            var bytes = await audio.GetOrRenderAsync(speech, cancellationToken);
            return Response(routes.Cache.GetOrRender(version, () => bytes));
        }
        catch (SpeechUnavailableException missing)
        {
            logger.LogError(missing, "The audio of {Leaflet} could not be made: {Missing}", speech.LeafletId, missing.Message);
            return Problems.AudioUnavailable(missing.Message);
        }
        catch (SpeechFailedException failed)
        {
            logger.LogError(failed, "Speaking {Leaflet} failed: {Reason}", speech.LeafletId, failed.Message);
            return Problems.AudioFailed(failed.Message);
        }

        RepresentationResult Response(RepresentationBody body) =>
            new(body, SpeechRequest.AudioContentType, routes.Http.CacheControl, EntityTag.Of(version),
                ReviewStatuses.LastChangedAsShown(speech.Document, routes.Today))
            {
                LastModifiedValidates = true,
                // A file to keep and play, like the braille and the EPUB.
                ContentDisposition = $"attachment; filename=\"{speech.AudioFileName}\"",
                ContentLanguage = language,
            };
    }
}
