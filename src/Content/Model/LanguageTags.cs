using System.Text.RegularExpressions;

namespace Leaflets.Content.Model;

/// <summary>BCP 47 language tags as leaflets use them: in front matter (<c>language</c>) and in translation file names (<c>plain.cy.md</c>).</summary>
public static partial class LanguageTags
{
    /// <summary>The query parameter that asks for a language (<c>?lang=cy</c>), wherever one is offered or filtered on.</summary>
    public const string Parameter = "lang";

    /// <summary>What a caller is told when <see cref="Parameter"/> is not a well-formed tag, wherever it is read.</summary>
    public static string NotATag(string given) =>
        $"{Parameter} must be a language tag such as 'en-GB' or 'cy' (BCP 47); got '{given}'.";

    /// <summary>Tags are case-insensitive (BCP 47 section 2.1.1): <c>en-GB</c> and <c>en-gb</c> are one language.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// Shaped like a BCP 47 tag: language, optional script, optional region, optional variants. Only the shape is
    /// checked: ICU's culture data knows only the languages it has data for, and a leaflet may be in one it lacks.
    /// </summary>
    public static bool IsWellFormed(string? tag) => tag is { Length: > 0 } && Shape().IsMatch(tag);

    /// <summary>
    /// RFC 4647 section 3.3.1 basic filtering: <paramref name="range"/> is <c>*</c>, the tag itself or a prefix of it
    /// ending at a subtag (<c>en</c> covers <c>en-GB</c>, not <c>eng</c>).
    /// </summary>
    public static bool Covers(string range, string tag) =>
        range == "*"
        || Comparer.Equals(range, tag)
        || (tag.Length > range.Length && tag[range.Length] == '-' && tag.StartsWith(range, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*\\z")]
    private static partial Regex Shape();
}
