using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Braille;

/// <summary>
/// One braille file of one leaflet document: the document, the <see cref="BrailleChoice"/> and the table its language
/// takes. The HTTP route and <c>leaflets render --format brf</c> both make it with <see cref="For"/>, so both name and
/// version the file alike.
/// </summary>
public sealed class BrailleRequest
{
    /// <summary>BRF is braille ASCII: plain text, every byte ASCII.</summary>
    public const string MediaType = "text/plain";

    public const string ContentType = MediaType + "; charset=us-ascii";

    public const string Extension = "brf";

    private BrailleRequest(string leafletId, LeafletDocument document, BrailleChoice choice, BrailleTable table, string? translation, StringsLibrary strings)
        => (LeafletId, Document, Choice, Table, Translation, Strings) = (leafletId, document, choice, table, translation, strings);

    /// <summary>
    /// The braille of <paramref name="document"/> as <paramref name="choice"/> asks, or null when braille is not offered
    /// in its language (<see cref="BrailleTable.For"/>). <paramref name="strings"/> are the snapshot's: the words the
    /// braille adds around the leaflet (a picture's note).
    /// </summary>
    public static BrailleRequest? For(Leaflet leaflet, LeafletDocument document, BrailleChoice choice, StringsLibrary strings)
    {
        choice.Validate();
        return BrailleTable.For(document.Metadata.Language, choice.Grade) is { } table
            ? new(leaflet.Id, document, choice, table, leaflet.TranslationLanguage(document.Metadata.Language), strings)
            : null;
    }

    public string LeafletId { get; }

    public LeafletDocument Document { get; }

    public BrailleChoice Choice { get; }

    public BrailleTable Table { get; }

    /// <summary>The language tag of a translation, null for the main language.</summary>
    public string? Translation { get; }

    /// <summary>The words the braille adds around the leaflet, in the document's language.</summary>
    public ReaderStrings Words => Strings.For(Document.Metadata.Language);

    private StringsLibrary Strings { get; }

    /// <summary>E.g. <c>bone-scan-plain-cy-grade2-v2.brf</c> (<see cref="DownloadFileName"/>).</summary>
    public string FileName => DownloadFileName.Of(LeafletId, Document, Translation, Choice.FileNameTokens, Extension);

    /// <summary>The ETag's opaque value: known without translating, since the layout is deterministic.</summary>
    public string Version => RepresentationVersions.Braille(Document, Choice, Table, Words);

    /// <summary>The BRF's bytes (ASCII).</summary>
    /// <exception cref="BrailleUnavailableException">liblouis or the table cannot be loaded.</exception>
    public byte[] Render(BrailleTranslator translator)
        => System.Text.Encoding.ASCII.GetBytes(BrailleLayout.Render(Document, Table, Choice, translator, Words));
}
