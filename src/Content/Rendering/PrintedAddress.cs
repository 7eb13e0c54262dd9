namespace Leaflets.Content.Rendering;

/// <summary>How a link's address is given beside its words where a reader cannot follow it: in print and in braille.</summary>
internal static class PrintedAddress
{
    /// <summary>
    /// The address as a reader types or dials it: scheme-less for mail and phone; null for in-page anchors, which paper
    /// and braille cannot follow.
    /// </summary>
    public static string? Of(string href)
    {
        if (href.StartsWith('#'))
        {
            return null;
        }
        foreach (var scheme in new[] { "mailto:", "tel:" })
        {
            if (href.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return href[scheme.Length..];
            }
        }
        return href;
    }
}
