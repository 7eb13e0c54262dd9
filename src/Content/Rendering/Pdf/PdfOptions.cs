namespace Leaflets.Content.Rendering.Pdf;

/// <summary>Bound from the "Pdf" configuration section (env <c>Pdf__CacheBytes</c>).</summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>The most bytes of rendered PDFs kept in memory; least recently used ones go first.</summary>
    public long CacheBytes { get; set; } = 64L * 1024 * 1024;
}
