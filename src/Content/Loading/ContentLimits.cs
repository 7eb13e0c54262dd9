namespace Leaflets.Content.Loading;

/// <summary>
/// The bounds every input is held to, each enforced as a content rule with its own id (see
/// docs/content-rules.md, which says why each number is what it is). The numbers are generous multiples of what
/// real leaflets need: the cementoplasty leaflet's longest Markdown file is 6.5 KB and its figures are at most
/// 800 x 854 pixels and 10 KB.
/// </summary>
public static class ContentLimits
{
    /// <summary>The largest file a content source reads at all; anything larger is refused unread.</summary>
    public const int MaxFileBytes = MaxImageBytes;

    /// <summary>One Markdown file (plain.md, easy-read.md).</summary>
    public const int MaxMarkdownBytes = 128 * 1024;

    /// <summary>One figure's file.</summary>
    public const int MaxImageBytes = 2 * 1024 * 1024;
}
