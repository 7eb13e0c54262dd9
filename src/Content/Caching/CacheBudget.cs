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

    /// <summary>128 MB: what the four caches below hold at most, together.</summary>
    public const long TotalBytes = 128 * Megabyte;

    /// <summary>
    /// Leaflets of a compiled snapshot loaded with their bodies (and, for a PDF, images): 40 MB, a few hundred leaflets,
    /// each read again in a millisecond or two when dropped (<c>Content:LoadedLeafletsMegabytes</c>).
    /// </summary>
    public const int LoadedLeafletsMegabytes = 40;

    /// <summary>
    /// Rendered JSON, JSON-LD, HTML, braille, SSML and audio with their compressed codings: 48 MB, the largest share, as
    /// these are what most requests ask for (<c>RepresentationCache:MaxBytes</c>).
    /// </summary>
    public const long RepresentationBytes = 48 * Megabyte;

    /// <summary>Rendered PDFs: 32 MB, a hundred or more (<c>Pdf:CacheBytes</c>); the shared store keeps the rest.</summary>
    public const long PdfBytes = 32 * Megabyte;

    /// <summary>The pages of searches remembered for the snapshot served: 8 MB (<c>Search.RememberedSearches</c>).</summary>
    public const long RememberedSearchBytes = 8 * Megabyte;
}
