using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Pdf.Tests;

/// <summary>Tests name a leaflet and a variant, as a reader does; the service resolves them into a <see cref="PdfRequest"/> first.</summary>
internal static class RequestsByVariant
{
    public static byte[] Render(
        this ILeafletPdfRenderer renderer, Leaflet leaflet, LeafletVariant variant, PdfRenderOptions options, CancellationToken cancellationToken = default)
        => renderer.Render(PdfRequest.For(leaflet, variant, options), cancellationToken);

    public static Task<byte[]> GetOrRenderAsync(this PdfRenderCache cache, Leaflet leaflet, LeafletVariant variant, PdfRenderOptions options)
        => cache.GetOrRenderAsync(PdfRequest.For(leaflet, variant, options));
}
