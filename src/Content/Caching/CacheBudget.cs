namespace Leaflets.Content.Caching;

/// <summary>
/// The one place that decides how much memory an instance's caches may hold between them by default, and each one's
/// share: an instance must stay within 400 MB (issue 12), and what is not a cache already takes most of that at 10,000
/// leaflets (the leaflets' metadata, the search index, the runtime). Each cache keeps its own setting, whose default is
/// its share here; the README's settings table names them. Every share is counted honestly: rendered bodies and PDFs by
/// their bytes, loaded leaflets by the memory they hold (<see cref="Model.HeldBytes"/>), searches by their pages' text.
/// </summary>
public static class CacheBudget
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>
    /// 53 MB: what the four caches below hold at most, together. Under the 256 MB heap limit the README gives a
    /// snapshot-served instance (<c>DOTNET_GCHeapHardLimit</c>), beside the shells of 10,000 leaflets (76 MB), what is
    /// left decides how often the GC stops everything: with 98 MB of caches it ran a full blocking collection (110-220
    /// ms) every 1.3-1.7 s under the mixed load, with 53 MB about every 9 s, at the same request rate, and the requests
    /// answered from memory came as fast (bench/README.md, "At 10,000 leaflets, an eighth time"; results/gc-list-stall.md).
    /// </summary>
    public const long TotalBytes = LoadedLeafletsMegabytes * Megabyte + RepresentationBytes + PdfBytes + RememberedSearchBytes;

    /// <summary>
    /// Leaflets of a compiled snapshot loaded with their bodies (and, for a PDF, images): 15 MB, a hundred or more,
    /// each read again in a millisecond or two when dropped (<c>Content:LoadedLeafletsMegabytes</c>).
    /// </summary>
    public const int LoadedLeafletsMegabytes = 15;

    /// <summary>
    /// Rendered JSON, JSON-LD, HTML, braille, SSML and audio with their compressed codings: 18 MB, the largest share, as
    /// these are what most requests ask for (<c>RepresentationCache:MaxBytes</c>). A leaflet's JSON, HTML page, JSON-LD
    /// and site page with their Brotli and gzip codings come to about 150 KB, so the most-read hundred or more leaflet
    /// variants stay in memory.
    /// </summary>
    public const long RepresentationBytes = 18 * Megabyte;

    /// <summary>Rendered PDFs: 12 MB, about fifty (<c>Pdf:CacheBytes</c>); the shared store keeps the rest.</summary>
    public const long PdfBytes = 12 * Megabyte;

    /// <summary>The pages of searches remembered for the snapshot served: 8 MB (<c>Search.RememberedSearches</c>).</summary>
    public const long RememberedSearchBytes = 8 * Megabyte;
}
