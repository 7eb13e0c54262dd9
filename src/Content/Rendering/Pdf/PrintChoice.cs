using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Leaflets.Content.Rendering.Pdf;

/// <summary>
/// How a reader asks for a print to look: body size and paper, given as text by <c>?size=&amp;paper=</c> on the HTTP
/// route and by <c>--size --paper</c> to <c>leaflets render</c>. Parsed only here, so both accept the same values and
/// refuse the rest in the same words (<see cref="ChoiceMessages"/>). Absent values take the defaults.
/// </summary>
public sealed record PrintChoice(int BodySize = PdfRenderOptions.DefaultBodySize, PaperSize Paper = PaperSize.A4)
{
    public const string SizeParameter = "size";

    public const string PaperParameter = "paper";

    /// <summary>
    /// The choice, or false and one sentence naming the bad parameter (as <paramref name="parameterName"/> writes it
    /// for its reader), the values offered and the value given.
    /// </summary>
    public static bool TryParse(
        string? size, string? paper, Func<string, string> parameterName,
        [NotNullWhen(true)] out PrintChoice? choice, [NotNullWhen(false)] out string? error)
    {
        (choice, error) = (null, null);
        var bodySize = PdfRenderOptions.DefaultBodySize;
        if (size is not null && !TryParseSize(size, out bodySize))
        {
            error = ChoiceMessages.MustBeOneOf(
                parameterName(SizeParameter), PdfRenderOptions.AllowedSizes.Select(s => s.ToString(CultureInfo.InvariantCulture)), size,
                "the body text size in points");
            return false;
        }
        var paperSize = PaperSize.A4;
        if (paper is not null && !TryParsePaper(paper, out paperSize))
        {
            error = ChoiceMessages.MustBeOneOf(parameterName(PaperParameter), PdfRenderOptions.AllowedPapers.Select(p => p.ToString()), paper, "any case");
            return false;
        }
        choice = new PrintChoice(bodySize, paperSize);
        return true;
    }

    /// <summary>Parses "A4", "a5", "letter" (case-insensitive). Numbers are rejected even though enums would take them.</summary>
    public static bool TryParsePaper(string? text, out PaperSize paper)
    {
        foreach (var candidate in PdfRenderOptions.AllowedPapers)
        {
            if (string.Equals(candidate.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                paper = candidate;
                return true;
            }
        }
        paper = default;
        return false;
    }

    /// <summary>Parses a size such as "18" and checks it is one of <see cref="PdfRenderOptions.AllowedSizes"/>.</summary>
    public static bool TryParseSize(string? text, out int size)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size) && PdfRenderOptions.IsAllowedSize(size);
}
