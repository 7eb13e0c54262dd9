using System.Diagnostics.CodeAnalysis;

namespace Leaflets.Content.Model;

/// <summary>The two ways a leaflet is written. Easy read is a separate text, not a transformation of plain.</summary>
public enum LeafletVariant
{
    Plain,
    EasyRead,
}

public static class LeafletVariants
{
    public static readonly IReadOnlyList<LeafletVariant> All = [LeafletVariant.Plain, LeafletVariant.EasyRead];

    /// <summary>The name a reader chooses a variant by: <c>?variant=</c> on HTTP routes, <c>--variant</c> on the command line.</summary>
    public const string Parameter = "variant";

    /// <summary>The name used in URLs, file names and JSON: "plain" or "easy-read".</summary>
    public static string Slug(this LeafletVariant variant) => variant switch
    {
        LeafletVariant.Plain => "plain",
        LeafletVariant.EasyRead => "easy-read",
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    public static string FileName(this LeafletVariant variant) => variant.Slug() + ".md";

    public static bool TryParse(string? slug, out LeafletVariant variant)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Slug(), slug, StringComparison.Ordinal))
            {
                variant = candidate;
                return true;
            }
        }
        variant = default;
        return false;
    }

    /// <summary>
    /// Parses a variant the reader chose as <paramref name="parameter"/>; absent is <paramref name="absent"/>. On failure
    /// <paramref name="error"/> names the parameter, the variants and what was given.
    /// </summary>
    public static bool TryParse(
        string? slug, string parameter, LeafletVariant? absent, out LeafletVariant? variant, [NotNullWhen(false)] out string? error)
    {
        (variant, error) = (absent, null);
        if (slug is null)
        {
            return true;
        }
        if (TryParse(slug, out var parsed))
        {
            variant = parsed;
            return true;
        }
        error = ChoiceMessages.MustBeOneOf(parameter, All.Select(v => v.Slug()), slug);
        return false;
    }
}
