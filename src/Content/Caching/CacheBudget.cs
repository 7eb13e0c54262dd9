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
    /// 98 MB: what the four caches below hold at most, together. Under the 256 MB heap limit the README gives a
    /// snapshot-served instance (<c>DOTNET_GCHeapHardLimit</c>), beside the shells of 10,000 leaflets (76 MB), it leaves
    /// the young generation room to fill before a collection: with 128 MB of caches the GC, kept under a limit, ran a
    /// full collection about once a second under the mixed load (bench/README.md, "The heap's limit and the caches' budget").
    /// </summary>
    public const long TotalBytes = LoadedLeafletsMegabytes * Megabyte + RepresentationBytes + PdfBytes + RememberedSearchBytes;

    /// <summary>
    /// Leaflets of a compiled snapshot loaded with their bodies (and, for a PDF, images): 30 MB, a few hundred leaflets,
    /// each read again in a millisecond or two when dropped (<c>Content:LoadedLeafletsMegabytes</c>).
    /// </summary>
    public const int LoadedLeafletsMegabytes = 30;

    /// <summary>
    /// Rendered JSON, JSON-LD, HTML, braille, SSML and audio with their compressed codings: 36 MB, the largest share, as
    /// these are what most requests ask for (<c>RepresentationCache:MaxBytes</c>).
    /// </summary>
    public const long RepresentationBytes = 36 * Megabyte;

    /// <summary>Rendered PDFs: 24 MB, about a hundred (<c>Pdf:CacheBytes</c>); the shared store keeps the rest.</summary>
    public const long PdfBytes = 24 * Megabyte;

    /// <summary>The pages of searches remembered for the snapshot served: 8 MB (<c>Search.RememberedSearches</c>).</summary>
    public const long RememberedSearchBytes = 8 * Megabyte;
}
