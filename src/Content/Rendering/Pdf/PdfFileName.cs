using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Pdf;

/// <summary>
/// The one name a rendered PDF goes by, on disk (<c>leaflets render</c>) and in the HTTP Content-Disposition alike,
/// e.g. <c>cementoplasty-easy-read-18pt-a4-v1.pdf</c>: a printed pile sorts by leaflet and says exactly what it holds.
/// </summary>
public static class PdfFileName
{
    public static string For(string leafletId, LeafletDocument document, PdfRenderOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leafletId);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        return $"{leafletId}-{document.Variant.Slug()}-{options.BodySize}pt-{options.PaperSlug}-v{document.Metadata.Version}.pdf";
    }
}
