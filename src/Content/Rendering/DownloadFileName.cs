using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering;

/// <summary>
/// The one pattern every downloadable format's file name follows, on disk and in the HTTP Content-Disposition alike:
/// leaflet, variant, the language when it is a translation, the format's own options, the leaflet's version, e.g.
/// <c>bone-scan-plain-cy-18pt-a4-v2.pdf</c> or <c>bone-scan-plain-cy-v2.epub</c>. A pile of files sorts by leaflet and
/// says exactly what each holds.
/// </summary>
public static class DownloadFileName
{
    /// <param name="translation">The document's language when it is a translation (<see cref="Leaflet.TranslationLanguage"/>), else null.</param>
    /// <param name="options">The format's options as file-name tokens ("18pt", "a4"), in order; none for a format without.</param>
    public static string Of(string leafletId, LeafletDocument document, string? translation, string extension, params ReadOnlySpan<string> options)
    {
        string[] parts = [leafletId, document.Variant.Slug(), .. translation is null ? [] : new[] { translation }, .. options, $"v{document.Metadata.Version}"];
        return string.Join('-', parts) + "." + extension;
    }
}
