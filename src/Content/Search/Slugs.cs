using System.Text.RegularExpressions;

namespace Leaflets.Content.Search;

/// <summary>
/// The only shapes of leaflet id and image file name that are ever looked up. Anything else
/// (dot segments, slashes, backslashes, percent escapes, control characters, over-long names) is refused
/// before it can reach a lookup, so no request value ever becomes part of a path. The loader holds leaflet
/// folders and figure files to the same rules, so whatever loads can be asked for.
/// </summary>
public static partial class Slugs
{
    public const int MaxLength = 100;

    public const string LeafletIdRule = "lowercase letters and digits in words joined by single hyphens, at most 100 characters (for example 'cementoplasty')";

    public const string FileNameRule = "letters and digits in words joined by single '.', '-' or '_', with an extension, at most 100 characters (for example 'needle-position.png')";

    public static bool IsLeafletId(string? value) =>
        value is { Length: > 0 and <= MaxLength } && LeafletIdPattern().IsMatch(value);

    public static bool IsFileName(string? value) =>
        value is { Length: > 0 and <= MaxLength } && FileNamePattern().IsMatch(value);

    // \z, not $: $ would also accept a trailing newline.
    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex LeafletIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*\.[A-Za-z0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
