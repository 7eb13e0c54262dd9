using System.Text;
using Leaflets.Content.Caching;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// The spoken version of one leaflet document: the document and the words the script adds around it. The HTTP routes
/// (<c>/audio/ssml</c>, <c>/audio</c>) make it with <see cref="For"/>, so both name and version their files alike.
/// </summary>
public sealed class SpeechRequest
{
    /// <summary>SSML's registered media type (RFC 4267).</summary>
    public const string SsmlMediaType = "application/ssml+xml";

    public const string SsmlContentType = SsmlMediaType + "; charset=utf-8";

    public const string SsmlExtension = "ssml";

    private SpeechRequest(string leafletId, LeafletDocument document, string? translation, StringsLibrary strings)
        => (LeafletId, Document, Translation, Strings) = (leafletId, document, translation, strings);

    /// <summary>The spoken version of <paramref name="document"/> (one of <paramref name="leaflet"/>'s), in the words of <paramref name="strings"/> (the snapshot's).</summary>
    public static SpeechRequest For(Leaflet leaflet, LeafletDocument document, StringsLibrary strings)
    {
        ArgumentNullException.ThrowIfNull(leaflet);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(strings);
        return new(leaflet.Id, document, leaflet.TranslationLanguage(document.Metadata.Language), strings);
    }

    public string LeafletId { get; }

    public LeafletDocument Document { get; }

    /// <summary>The language tag of a translation, null for the main language.</summary>
    public string? Translation { get; }

    /// <summary>The words the script adds around the leaflet.</summary>
    public StringsLibrary Strings { get; }

    /// <summary>What is said, chapter by chapter.</summary>
    public SpeechScript Script() => SpeechScriptBuilder.Build(Document, Strings);

    /// <summary>The ETag's opaque value of the SSML: known without writing it, since writing is deterministic.</summary>
    public string SsmlVersion => RepresentationVersions.Ssml(Document, Strings);

    /// <summary>E.g. <c>bone-scan-plain-cy-v2.ssml</c> (<see cref="DownloadFileName"/>).</summary>
    public string SsmlFileName => DownloadFileName.Of(LeafletId, Document, Translation, [], SsmlExtension);

    /// <summary>The whole script as one SSML document, UTF-8.</summary>
    public byte[] RenderSsml() => Encoding.UTF8.GetBytes(SpeechScriptBuilder.WholeDocument(Script()));

    /// <summary>
    /// Whether the spoken version is offered in <paramref name="document"/>'s language, so the website links it: where
    /// the embedded engine (espeak-ng) has a voice, English and Welsh. Azure AI Speech is configured with voices for
    /// the same languages; a language without one is a 404 from the route, never a broken link on the site.
    /// </summary>
    public static bool Offers(LeafletDocument document) => EspeakSpeechEngine.VoiceFor(document.Metadata.Language) is not null;

    /// <summary>Ogg Opus (RFC 7845): the audio route's answer.</summary>
    public const string AudioMediaType = "audio/ogg";

    public const string AudioContentType = AudioMediaType + "; codecs=opus";

    /// <summary>Xiph's extension for Ogg Opus, which players recognise.</summary>
    public const string AudioExtension = "opus";

    /// <summary>
    /// The ETag's opaque value of the audio: the script's (<see cref="SsmlVersion"/>) and what
    /// <paramref name="renderer"/> makes of it (its writer, engine, voices and pause), known without speaking.
    /// </summary>
    public string AudioVersion(AudioRenderer renderer) => RepresentationVersions.Derive(SsmlVersion, renderer.Representation);

    /// <summary>E.g. <c>bone-scan-plain-cy-v2.opus</c> (<see cref="DownloadFileName"/>).</summary>
    public string AudioFileName => DownloadFileName.Of(LeafletId, Document, Translation, [], AudioExtension);

    /// <summary>Where the shared store keeps this audio: beside the PDFs, under its content and what made it.</summary>
    public RenderedPdfKey StorageKey(AudioRenderer renderer)
        => new(LeafletId, Document.Variant, Document.ContentHash, AudioVersion(renderer), AudioExtension, AudioMediaType);

    /// <summary>The file's title and language tags, which a player shows.</summary>
    public AudioTags Tags => new(Document.Metadata.Title, Document.Metadata.Language);
}
