namespace Leaflets.Content.Rendering.Pdf;

/// <summary>Bound from the "Pdf" configuration section (env <c>Pdf__CacheBytes</c>, <c>Pdf__MaxConcurrentRenders</c>, ...).</summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>
    /// The most bytes of rendered PDFs kept in memory; least recently used ones go first. Its share of the caches' memory
    /// by default (<see cref="Caching.CacheBudget.PdfBytes"/>).
    /// </summary>
    public long CacheBytes { get; set; } = Caching.CacheBudget.PdfBytes;

    /// <summary>Renders running at once. Rendering is CPU-bound, so more than one per core only adds memory.</summary>
    public int MaxConcurrentRenders { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Renders waiting for a free slot; one more is refused with 503 and Retry-After. A render takes milliseconds, so
    /// a full queue drains within a second, and 128 is twice the 64 connections the soak test opens.
    /// </summary>
    public int RenderQueueLength { get; set; } = 128;

    /// <summary>
    /// A render still running after this long is stopped and answered with a 500. The longest real print renders in
    /// well under a second; a render this slow is a broken input, not a busy machine.
    /// </summary>
    public double RenderTimeLimitSeconds { get; set; } = 10;

    /// <summary>How long a failed render is remembered: requests for the same PDF get the same 500 at once instead of rendering again.</summary>
    public double FailureMemorySeconds { get; set; } = 60;

    internal bool IsValid =>
        CacheBytes >= 0 && MaxConcurrentRenders >= 1 && RenderQueueLength >= 0 && RenderTimeLimitSeconds > 0 && FailureMemorySeconds >= 0;

    internal const string InvalidMessage =
        "The Pdf settings are out of range: CacheBytes >= 0, MaxConcurrentRenders >= 1, RenderQueueLength >= 0, " +
        "RenderTimeLimitSeconds > 0 and FailureMemorySeconds >= 0 (env Pdf__<name>).";

    internal void Validate()
    {
        if (!IsValid)
        {
            throw new InvalidOperationException(InvalidMessage);
        }
    }
}
