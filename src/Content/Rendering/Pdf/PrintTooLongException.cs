namespace Leaflets.Content.Rendering.Pdf;

/// <summary>
/// A print that would run over <see cref="LeafletPdfRenderer.MaxPages"/> pages. Layout stops at the first page over
/// the limit, so a huge leaflet costs no more than a print at the limit.
/// </summary>
public sealed class PrintTooLongException(int maxPages)
    : InvalidOperationException($"it prints on more than {maxPages} pages, the most one print may have; shorten the leaflet or split it in two.")
{
    public int MaxPages { get; } = maxPages;
}
