using System.Text;

namespace Leaflets.Content.Loading;

/// <summary>
/// Makes heading anchors: lowercase words joined by '-', made unique within a document by a counter, and never one of
/// the ids the renderers give their own headings beside the leaflet's (a leaflet's "## About this leaflet" would
/// otherwise share its id with the page's footer: a link to it lands on one of two, and an EPUB is invalid).
/// </summary>
internal sealed class AnchorSet
{
    private readonly HashSet<string> _used = new(Rendering.Html.HtmlAboutSection.HeadingIds, StringComparer.Ordinal);

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
