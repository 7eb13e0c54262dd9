using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leaflets.Content.Text;

/// <summary>
/// Every word the service shows a reader that is not leaflet content: the chrome of the HTML page and the printed PDF
/// around a leaflet (<see cref="Leaflet"/>, <see cref="Print"/>) and the library website's pages (<see cref="Site"/>).
/// Read from one strings file per language (<c>Text/Strings/{language}.json</c>, embedded), so a translation is a new
/// file, not new code. Loading is strict: a missing key or one the code does not know fails the load (and the tests),
/// so a file can never silently show a blank or a stale word.
/// </summary>
public sealed record ReaderStrings
{
    /// <summary>The BCP 47 tag of the strings' language (the <c>lang</c> of pages that show them).</summary>
    public required string Language { get; init; }

    /// <summary>Words around a leaflet on its web page and, where the same, on paper.</summary>
    public required LeafletStrings Leaflet { get; init; }

    /// <summary>Words only the printed PDF uses.</summary>
    public required PrintStrings Print { get; init; }

    /// <summary>The library website's pages.</summary>
    public required SiteStrings Site { get; init; }

    // Declared before English: static fields initialise in the order they are written.
    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static ReaderStrings English { get; } = Load("en");

    /// <summary>
    /// A template with each <c>{name}</c> replaced by its value. Every placeholder must be given, so a strings file
    /// that renames one fails at once instead of printing braces to a reader.
    /// </summary>
    public static string Fill(string template, params (string Name, string Value)[] values)
    {
        var filled = template;
        foreach (var (name, value) in values)
        {
            var placeholder = "{" + name + "}";
            if (!filled.Contains(placeholder, StringComparison.Ordinal))
            {
                throw new FormatException($"The string \"{template}\" has no placeholder {placeholder}.");
            }
            filled = filled.Replace(placeholder, value, StringComparison.Ordinal);
        }
        return filled;
    }

    internal static ReaderStrings Load(string language)
    {
        var name = $"Leaflets.Strings.{language}.json";
        using var stream = typeof(ReaderStrings).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No strings file for language '{language}' (embedded resource {name}).");
        return Parse(stream, name);
    }

    internal static ReaderStrings Parse(Stream json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<ReaderStrings>(json, FileOptions)
                ?? throw new InvalidOperationException($"The strings file {source} is empty.");
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"The strings file {source} is not valid: {error.Message}", error);
        }
    }
}

/// <summary>Words around a leaflet on its web page and, where the same, on paper.</summary>
public sealed record LeafletStrings
{
    public required string AboutThisLeaflet { get; init; }
}

/// <summary>Words only the printed PDF uses.</summary>
public sealed record PrintStrings
{
    /// <summary>Placeholders: {page}, {pages}.</summary>
    public required string PageOfPages { get; init; }

    /// <summary>At the top of each page a box (callout, notice) continues on.</summary>
    public required string Continued { get; init; }
}

/// <summary>The library website's pages.</summary>
public sealed record SiteStrings
{
    public required string SkipToContent { get; init; }
}
