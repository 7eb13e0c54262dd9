namespace Leaflets.Content.Loading;

/// <summary>Link text that means nothing when a screen reader lists the links of a page on their own.</summary>
internal static class LinkText
{
    private static readonly HashSet<string> Vague = new(StringComparer.Ordinal)
    {
        "click here", "click", "here", "read more", "more", "more info", "more information", "find out more",
        "learn more", "this link", "link", "this", "this page", "go", "see here", "details", "website", "page",
    };

    /// <summary>Returns why the text fails, or null when it makes sense on its own.</summary>
    public static string? Problem(string text, string href)
    {
        var normalized = new string(text.Trim().ToLowerInvariant().Where(c => !char.IsPunctuation(c) || c == '-').ToArray());
        normalized = string.Join(' ', normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (Vague.Contains(normalized))
        {
            return $"link text '{text.Trim()}' does not make sense out of context; say where the link goes, e.g. 'NICE guidance on vertebroplasty'";
        }
        if (UrlRules.LooksLikeUrl(text) || string.Equals(text.Trim(), href, StringComparison.OrdinalIgnoreCase))
        {
            return $"link text '{text.Trim()}' is a bare address; screen readers spell it out. Describe where it goes instead";
        }
        return null;
    }
}
