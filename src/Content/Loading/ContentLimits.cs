namespace Leaflets.Content.Loading;

/// <summary>
/// The bounds every input is held to, each enforced as a content rule with its own id (see
/// docs/content-rules.md, which says why each number is what it is). The numbers are generous multiples of what
/// real leaflets need: the cementoplasty leaflet's longest Markdown file is 6.5 KB, its title 30 characters, its
/// summary 167, it nests two deep (a list in a list), and its figures are at most 800 x 854 pixels and 10 KB.
/// </summary>
public static class ContentLimits
{
    /// <summary>The largest file a content source reads at all; anything larger is refused unread.</summary>
    public const int MaxFileBytes = MaxImageBytes;

    /// <summary>One Markdown file (plain.md, easy-read.md).</summary>
    public const int MaxMarkdownBytes = 128 * 1024;

    /// <summary>One figure's file.</summary>
    public const int MaxImageBytes = 2 * 1024 * 1024;

    /// <summary>Characters in a title: it is set large on every page's first line and in every listing.</summary>
    public const int MaxTitleLength = 150;

    /// <summary>Characters in a summary: a sentence or two for listings and search results.</summary>
    public const int MaxSummaryLength = 500;

    /// <summary>A content root's strings file (strings/cy.json): the service's own are 5 KB.</summary>
    public const int MaxStringsFileBytes = 64 * 1024;

    /// <summary>
    /// Characters in one word of a strings file: the longest of the service's own is 158 (a sentence of the site's
    /// footer), and every word is set on a page or in a PDF's footer, where a longer one would crowd out the leaflet.
    /// </summary>
    public const int MaxStringLength = 500;

    /// <summary>Entries in a document's <c>synonyms</c>: the other names a reader may know the subject by, not a word list.</summary>
    public const int MaxSynonyms = 20;

    /// <summary>Characters in one synonym: a word or a short phrase ("balloon kyphoplasty", "spine injection").</summary>
    public const int MaxSynonymLength = 60;

    /// <summary>Containers (lists, callouts) inside each other, and brackets inside each other within a paragraph.</summary>
    public const int MaxNestingDepth = 8;

    /// <summary>Pixels along either side of a figure.</summary>
    public const int MaxImageSide = 4096;

    /// <summary>Pixels in a figure: 4096 x 2048, about 12 times the largest real figure.</summary>
    public const int MaxImagePixels = 4096 * 2048;

    /// <summary>The first and last years a review date may fall in; anything outside is a typo, and dates far out overflow.</summary>
    public const int MinReviewYear = 1900;

    /// <inheritdoc cref="MinReviewYear"/>
    public const int MaxReviewYear = 2199;

    /// <summary>Why an image of this declared size is refused, or null when it is within the limits.</summary>
    internal static string? ImageSizeProblem(long width, long height) =>
        width > MaxImageSide || height > MaxImageSide
            ? $"it declares {width} x {height} pixels; a figure may be at most {MaxImageSide} pixels on each side"
            : width * height > MaxImagePixels
                ? $"it declares {width} x {height} = {width * height} pixels; a figure may have at most {MaxImagePixels} pixels"
                : null;
}
