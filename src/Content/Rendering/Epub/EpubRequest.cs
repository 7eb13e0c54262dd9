using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Epub;

/// <summary>
/// One EPUB of one leaflet document: the document, the leaflet's images, and its review status on the day (shown under
/// the title and in "About this leaflet", as on the page and on paper). Everything that shapes the EPUB's bytes, and the
/// only source of the names it goes by: the ETag's version, the file name and the package's unique identifier. The HTTP
/// route, <c>leaflets render --format epub</c> and the publish gate all make it with <see cref="For"/>.
/// </summary>
public sealed class EpubRequest
{
    public const string MediaType = "application/epub+zip";

    public const string Extension = "epub";

    private EpubRequest(Leaflet leaflet, LeafletDocument document, ReviewStatus status, StringsLibrary strings)
    {
        (Leaflet, Document, Status, Strings) = (leaflet, document, status, strings);
        Translation = leaflet.TranslationLanguage(document.Metadata.Language);
    }

    /// <summary>
    /// The EPUB of <paramref name="document"/> (one of <paramref name="leaflet"/>'s) as it is served on <paramref name="today"/>,
    /// in the words of <paramref name="strings"/> (the snapshot's).
    /// </summary>
    public static EpubRequest For(Leaflet leaflet, LeafletDocument document, DateOnly today, StringsLibrary strings)
    {
        ArgumentNullException.ThrowIfNull(leaflet);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(strings);
        return new(leaflet, document, ReviewStatuses.Of(document.Metadata, today), strings);
    }

    public Leaflet Leaflet { get; }

    public LeafletDocument Document { get; }

    public ReviewStatus Status { get; }

    /// <summary>The words the EPUB adds around the leaflet.</summary>
    public StringsLibrary Strings { get; }

    /// <summary>The language tag of a translation, null for the main language.</summary>
    public string? Translation { get; }

    /// <summary>The ETag's opaque value: known without rendering, since rendering is deterministic.</summary>
    public string Version => RepresentationVersions.Epub(Document, Status, Strings);

    /// <summary>E.g. <c>bone-scan-plain-cy-v2.epub</c> (<see cref="DownloadFileName"/>).</summary>
    public string FileName => DownloadFileName.Of(Leaflet.Id, Document, Translation, [], Extension);

    /// <summary>
    /// The package's unique identifier: the same for every EPUB of this leaflet, variant, language and version (a
    /// reading system keeps its place and notes across downloads and review-status changes) and different for any
    /// other. A name-based UUID (RFC 9562 version 8) from SHA-256 over those four.
    /// </summary>
    public string Identifier
    {
        get
        {
            var name = $"{Leaflet.Id}|{Document.Variant.Slug()}|{Document.Metadata.Language.ToLowerInvariant()}|{Document.Metadata.Version}";
            var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            var hex = Convert.ToHexStringLower(bytes);
            return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
        }
    }
}
