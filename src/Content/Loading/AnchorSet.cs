using System.Text;

namespace Leaflets.Content.Loading;

/// <summary>Makes heading anchors: lowercase words joined by '-', made unique within a document by a counter.</summary>
internal sealed class AnchorSet
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Add(string headingText)
    {
        var slug = Slugify(headingText);
        var candidate = slug;
        for (var n = 2; !_used.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }
        return candidate;
    }

    internal static string Slugify(string text)
    {
        var builder = new StringBuilder();
        var pendingDash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }
                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '/' or '_')
            {
                pendingDash = true;
            }
        }
        return builder.Length == 0 ? "section" : builder.ToString();
    }
}
