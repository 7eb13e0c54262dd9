using System.Collections.Immutable;
using Leaflets.Content.Caching;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Pdf;

/// <summary>
/// One print of one leaflet variant: the resolved document and its images, the <see cref="PdfRenderOptions"/> (size,
/// paper, the online address for the QR code, the review status on the day) and the <see cref="RendererBuild"/>. It
/// is everything that shapes a PDF's bytes, validated when made, and the only source of the names those bytes go by:
/// the memory cache key, the shared store's blob name, the ETag's version, the document /ID and the file name. The HTTP
/// route and <c>leaflets render</c> both make it with <see cref="Print"/>. To add a dimension, see
/// <see cref="PdfRenderOptions.Key"/>.
/// </summary>
public sealed class PdfRequest
{
    public const string MediaType = "application/pdf";

    /// <summary>Throws <see cref="ArgumentException"/> for options outside those offered.</summary>
    /// <param name="translation">The document's language when it is a translation (<see cref="Leaflet.TranslationLanguage"/>), for the file name.</param>
    public PdfRequest(
        string leafletId, LeafletDocument document, ImmutableSortedDictionary<string, LeafletImage> images, PdfRenderOptions options,
        string? rendererBuild = null, string? translation = null, StringsLibrary? strings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leafletId);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (LeafletId, Document, Images, Options, RendererBuild) = (leafletId, document, images, options, rendererBuild ?? Pdf.RendererBuild.Current);
        Translation = translation;
        Strings = strings ?? StringsLibrary.Embedded;
        // The content hash already differs per language (each translation is its own file), so the seed, the cache key
        // and the ETag do too, and main-language PDFs keep the bytes they had before translations.
        DocumentIdSeed = $"{document.ContentHash}|{document.Variant.Slug()}|{options.Key}";
        CacheKey = $"{DocumentIdSeed}|renderer={RendererBuild}{ChangedWords(document.Metadata, Strings)}";
    }

    /// <summary>
    /// The renderer build holds the service's own strings files, so only words a content root changed are added to the
    /// key: those of the document's language and, for an unreviewed translation's notice, its main language's. A print
    /// no content root's words reach keeps the key (and bytes, and ETag) it had.
    /// </summary>
    private static string ChangedWords(LeafletMetadata metadata, StringsLibrary strings)
    {
        var versions = new[] { metadata.Language }.Concat(TranslationNotice.For(metadata, strings) is not null && metadata.TranslatedFrom is { } main ? [main] : [])
            .Where(strings.Changes)
            .Select(language => strings.For(language).Version)
            .ToList();
        return versions.Count == 0 ? "" : "|strings=" + string.Join(',', versions);
    }

    /// <summary>
    /// A variant of <paramref name="leaflet"/> as given: throws <see cref="KeyNotFoundException"/> when it has no such
    /// variant (a caller's bug: requests from readers are checked before they get here) and
    /// <see cref="ArgumentException"/> for options outside those offered.
    /// </summary>
    public static PdfRequest For(Leaflet leaflet, LeafletVariant variant, PdfRenderOptions options, StringsLibrary? strings = null)
        => new(leaflet.Id, leaflet.Document(variant), leaflet.Images, options, strings: strings);

    /// <summary>
    /// The print a reader asked for, as it is served on <paramref name="today"/>: with the leaflet's review status that
    /// day, and the address of its online version when the site has a public address (a request's Host never is one).
    /// </summary>
    public static PdfRequest Print(Leaflet leaflet, LeafletDocument document, PrintChoice choice, SiteOptions site, DateOnly today, StringsLibrary strings)
        => new(leaflet.Id, document, leaflet.Images, new PdfRenderOptions(
            choice.BodySize, choice.Paper, site.OnlineVersionOf(leaflet.Id, document.Variant), ReviewStatuses.Of(document.Metadata, today)),
            translation: leaflet.TranslationLanguage(document.Metadata.Language), strings: strings);

    public string LeafletId { get; }

    public LeafletDocument Document { get; }

    public ImmutableSortedDictionary<string, LeafletImage> Images { get; }

    public PdfRenderOptions Options { get; }

    public string RendererBuild { get; }

    /// <summary>The words the PDF adds around the leaflet (the snapshot's strings).</summary>
    public StringsLibrary Strings { get; }

    /// <summary>
    /// Seeds the PDF's /ID (and its font-subset tags): the content, the variant and the options, but not the renderer
    /// build, so identical inputs keep identical bytes across builds that draw the same.
    /// </summary>
    public string DocumentIdSeed { get; }

    /// <summary>The in-memory cache key: the /ID seed and the renderer build.</summary>
    public string CacheKey { get; }

    /// <summary>The language tag of a translation, null for the main language.</summary>
    public string? Translation { get; }

    /// <summary>Where the shared store keeps this PDF (<see cref="RenderedPdfKey.StorageName"/>).</summary>
    public RenderedPdfKey StorageKey => new(LeafletId, Document.Variant, Document.ContentHash, CacheKey);

    /// <summary>The ETag's opaque value: known without rendering, since rendering is deterministic.</summary>
    public string Version => RepresentationVersions.Derive(MediaType, CacheKey);

    /// <summary>
    /// The one name the PDF goes by, on disk and in the HTTP Content-Disposition alike, e.g.
    /// <c>cementoplasty-easy-read-18pt-a4-v1.pdf</c>, or <c>cementoplasty-easy-read-cy-18pt-a4-v1.pdf</c> for a
    /// translation: a printed pile sorts by leaflet and says exactly what it holds.
    /// </summary>
    public string FileName =>
        DownloadFileName.Of(LeafletId, Document, Translation, [$"{Options.BodySize}pt", Options.PaperSlug], "pdf");
}
