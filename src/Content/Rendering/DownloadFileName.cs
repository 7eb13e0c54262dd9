using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering;

/// <summary>
/// The one pattern every downloadable format's file is named by, on disk (<c>leaflets render</c>) and in the HTTP
/// Content-Disposition alike: leaflet, variant, the language when it is a translation, the format's own options, the
/// leaflet's version, then the extension, e.g. <c>bone-scan-plain-cy-18pt-a4-v2.pdf</c>,
/// <c>bone-scan-plain-cy-grade2-v2.brf</c> or <c>bone-scan-plain-cy-v2.epub</c>. A pile of files sorts by leaflet and
/// each name says exactly what it holds.
/// </summary>
public static class DownloadFileName
{
    /// <param name="translation">The document's language when it is a translation (<see cref="Leaflet.TranslationLanguage"/>), else null.</param>
    /// <param name="options">The format's option tokens, in order (none for a format without options).</param>
    /// <param name="extension">Without the dot.</param>
    public static string Of(string leafletId, LeafletDocument document, string? translation, IEnumerable<string> options, string extension)
        => string.Join('-', [leafletId, document.Variant.Slug(), .. translation is null ? [] : new[] { translation }, .. options,
            $"v{document.Metadata.Version}"]) + "." + extension;
}
