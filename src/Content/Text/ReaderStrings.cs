using System.Reflection;
using System.Text.RegularExpressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Leaflets.Content.Rendering;

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

    /// <summary>
    /// A hash of the strings file. Pages are versioned (their ETag) by what shapes their bytes, and these words do:
    /// editing one must change the version of every page that shows it.
    /// </summary>
    [JsonIgnore]
    public string Version { get; private init; } = "";

    // Declared before English: static fields initialise in the order they are written.
    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Regex Placeholder = new(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant);

    public static ReaderStrings English { get; } = Load("en");

    /// <summary>
    /// A template with each <c>{name}</c> replaced by its value. Every placeholder must be given, so a strings file
    /// that renames one fails at once instead of printing braces to a reader. Values are put in as they are: a value
    /// holding a placeholder's name (a leaflet titled "{year}") is never filled in turn.
    /// </summary>
    public static string Fill(string template, params (string Name, string Value)[] values)
    {
        RequirePlaceholders(template, values.Select(v => v.Name));
        return Substitute(template, values);
    }

    /// <summary>
    /// A template cut at the placeholder <paramref name="around"/> and the rest filled like <see cref="Fill"/>, for a
    /// value that is not plain text (a link): the caller writes it between <c>Before</c> and <c>After</c>, so each
    /// language keeps its own word order around it.
    /// </summary>
    public static (string Before, string After) FillAround(string template, string around, params (string Name, string Value)[] values)
    {
        RequirePlaceholders(template, [around, .. values.Select(v => v.Name)]);
        var placeholder = "{" + around + "}";
        var at = template.IndexOf(placeholder, StringComparison.Ordinal);
        return (Substitute(template[..at], values), Substitute(template[(at + placeholder.Length)..], values));
    }

    private static void RequirePlaceholders(string template, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!template.Contains("{" + name + "}", StringComparison.Ordinal))
            {
                throw new FormatException($"The string \"{template}\" has no placeholder {{{name}}}.");
            }
        }
    }

    /// <summary>One pass over the template, so nothing a value brings in is read as a placeholder.</summary>
    private static string Substitute(string template, (string Name, string Value)[] values)
        => Placeholder.Replace(template, match => Array.Find(values, v => v.Name == match.Groups[1].Value) is { Name: not null } found
            ? found.Value
            : match.Value);

    internal static ReaderStrings Load(string language)
    {
        var name = $"Leaflets.Strings.{language}.json";
        using var stream = typeof(ReaderStrings).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No strings file for language '{language}' (embedded resource {name}).");
        return Parse(stream, name);
    }

    internal static ReaderStrings Parse(Stream json, string source)
    {
        using var file = new MemoryStream();
        json.CopyTo(file);
        var bytes = file.ToArray();
        try
        {
            var strings = JsonSerializer.Deserialize<ReaderStrings>(bytes, FileOptions)
                ?? throw new InvalidOperationException($"The strings file {source} is empty.");
            return strings with { Version = RepresentationVersions.OfBytes(bytes) };
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

    /// <summary>The page title of the easy-read variant. Placeholder: {title}.</summary>
    public required string EasyReadPageTitle { get; init; }

    /// <summary>The accessible name of the navigation that links to the leaflet's other variant.</summary>
    public required string OtherVersions { get; init; }

    public required string ReadEasyReadVersion { get; init; }

    public required string ReadStandardVersion { get; init; }

    /// <summary>The first, stressed sentence of the overdue notice; <see cref="ReviewOverdueDetail"/> follows it.</summary>
    public required string ReviewOverdue { get; init; }

    /// <summary>Placeholder: {date}, the next review date that has passed.</summary>
    public required string ReviewOverdueDetail { get; init; }

    /// <summary>Placeholder: {date}, the next review date.</summary>
    public required string ReviewDueSoon { get; init; }

    public required string ReviewCurrent { get; init; }

    public required string Version { get; init; }

    public required string LastReviewed { get; init; }

    public required string NextReviewDue { get; init; }

    /// <summary>The heading of the list of sources, on the page and on paper (where it is also the bookmark).</summary>
    public required string References { get; init; }

    /// <summary>One source in the references. Placeholders: {title}, {publisher}, {year}.</summary>
    public required string Citation { get; init; }
}

/// <summary>Words only the printed PDF uses.</summary>
public sealed record PrintStrings
{
    /// <summary>Placeholders: {page}, {pages}.</summary>
    public required string PageOfPages { get; init; }

    /// <summary>
    /// Follows the title in the footer: the title is shortened to fit two lines, this never is. Placeholder: {version}.
    /// </summary>
    public required string FooterVersion { get; init; }

    /// <summary>The footer's line of review dates. Placeholders: {lastReviewed}, {nextReview}.</summary>
    public required string FooterReviewDates { get; init; }

    /// <summary>The alternative text of the QR code. Placeholder: {address}.</summary>
    public required string QrCodeAlt { get; init; }

    /// <summary>The words beside the QR code. Placeholder: {address}, printed as a link.</summary>
    public required string QrCodeCaption { get; init; }

    /// <summary>At the top of each page a box (callout, notice) continues on.</summary>
    public required string Continued { get; init; }
}

/// <summary>The library website's pages.</summary>
public sealed record SiteStrings
{
    public required string SkipToContent { get; init; }
}
