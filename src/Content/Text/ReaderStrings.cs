using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Leaflets.Content.Rendering;

namespace Leaflets.Content.Text;

/// <summary>
/// Every word the service shows a reader that is not leaflet content: the chrome of the HTML page and the printed PDF
/// around a leaflet (<see cref="Leaflet"/>, <see cref="Print"/>) and the library website's pages (<see cref="Site"/>).
/// Read from one strings file per language (<c>Text/Strings/{language}.json</c>, embedded, and a content root's
/// <c>strings/{language}.json</c> over them: see <see cref="StringsLibrary"/>), so a translation is a new file, not new
/// code. English is loaded strictly: a missing key fails the load (and the tests), so English can never show a blank. Another language may lack keys: each takes the English words and is listed as fallen back, so a
/// renderer marks it as English (<see cref="LanguageOf{T}"/>) and a screen reader switches voice. In every language a
/// key the code does not know fails the load, so a typo never hides a word.
/// </summary>
public sealed record ReaderStrings
{
    /// <summary>The BCP 47 tag of the strings' language (the <c>lang</c> of pages that show them).</summary>
    public required string Language { get; init; }

    /// <summary>
    /// The language's name in itself ("English", "Cymraeg"): the link to it in a language switch. A file that lacks it
    /// falls back like any key, so its English name must not be taken for the language's own.
    /// </summary>
    public required string LanguageName { get; init; }

    /// <summary>Words around a leaflet on its web page and, where the same, on paper.</summary>
    public required LeafletStrings Leaflet { get; init; }

    /// <summary>Words only the printed PDF uses.</summary>
    public required PrintStrings Print { get; init; }

    /// <summary>The library website's pages.</summary>
    public required SiteStrings Site { get; init; }

    /// <summary>Words only the EPUB uses (its navigation document and package metadata).</summary>
    public required EpubStrings Epub { get; init; }

    /// <summary>Words only the spoken version says (<see cref="Rendering.Audio.SpeechScriptBuilder"/>).</summary>
    public required AudioStrings Audio { get; init; }

    /// <summary>
    /// The months' names, January first, as a date shows them ("10 Mawrth 2026"). In the strings, beside the words of
    /// the date around them, so an editor sees and corrects a date's words in one file; a test checks them against the
    /// runtime's culture data (ICU) for every language ICU knows.
    /// </summary>
    public required IReadOnlyList<string> Months
    {
        get;
        init => field = value.Count == 12 ? value : throw new JsonException($"months has {value.Count} names, not 12.");
    }

    /// <summary>A date as the language writes it. Placeholders: {day}, {month} (one of <see cref="Months"/>), {year}.</summary>
    public required string Date { get; init; }

    /// <summary>
    /// The keys this language's file lacks, as JSON paths (<c>leaflet.version</c>): their words are English. Empty for
    /// English and for a complete translation.
    /// </summary>
    [JsonIgnore]
    public IReadOnlySet<string> EnglishFallbacks { get; private init; } = new HashSet<string>();

    /// <summary>
    /// A hash of the strings file. Pages are versioned (their ETag) by what shapes their bytes, and these words do:
    /// editing one must change the version of every page that shows it.
    /// </summary>
    [JsonIgnore]
    public string Version { get; private init; } = "";

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Regex Placeholder = new(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant);

    /// <summary>The placeholders a template holds ("date" for "Due {date}"), in order.</summary>
    internal static IEnumerable<string> PlaceholdersIn(string template)
        => Placeholder.Matches(template).Select(match => match.Groups[1].Value);

    /// <summary>
    /// The language a string is in: this file's, or English where the file lacks the key. Name the key as the
    /// renderer reads it (<c>s => s.Leaflet.Version</c>), so a renaming cannot leave a stale key name behind.
    /// </summary>
    public string LanguageOf<T>(Expression<Func<ReaderStrings, T>> key)
        => EnglishFallbacks.Contains(KeyPath(key.Body)) ? StringsLibrary.EnglishTag : Language;

    /// <summary>
    /// The <c>lang</c> a string needs inside a page in <paramref name="pageLanguage"/>: its own language where that
    /// differs (English words on a Welsh or Polish page), else null (nothing to mark).
    /// </summary>
    public string? LanguageInside<T>(Expression<Func<ReaderStrings, T>> key, string pageLanguage)
    {
        var language = LanguageOf(key);
        return string.Equals(language, pageLanguage.Split('-')[0], StringComparison.OrdinalIgnoreCase) ? null : language;
    }

    private static string KeyPath(Expression expression) => expression switch
    {
        MemberExpression { Expression: ParameterExpression } member => JsonNamingPolicy.CamelCase.ConvertName(member.Member.Name),
        MemberExpression { Expression: { } inner } member => KeyPath(inner) + "." + JsonNamingPolicy.CamelCase.ConvertName(member.Member.Name),
        _ => throw new ArgumentException($"Name a key as a chain of properties (s => s.Leaflet.Version), not {expression}."),
    };

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

    /// <summary>A complete strings file, English's: every key must be there.</summary>
    internal static ReaderStrings Parse(Stream json, string source)
    {
        var bytes = ReadAll(json);
        return Deserialize(bytes, source) with { Version = RepresentationVersions.OfBytes(bytes) };
    }

    /// <summary>
    /// Another language's file over the embedded English (<see cref="Compose"/>); what the tests of the fallback read.
    /// </summary>
    internal static ReaderStrings ParseWithEnglishFallback(Stream json, string source)
    {
        var bytes = ReadAll(json);
        var english = StringsLibrary.EmbeddedEnglishBytes;
        return Compose(ParseObject(bytes, source), source, [.. bytes, .. english], ParseObject(english, "en.json"));
    }

    /// <summary>
    /// The strings of one language from its words (<paramref name="file"/>, a JSON object) and, for any language but
    /// English, English's: each key the words lack takes English's and is listed in <see cref="EnglishFallbacks"/>
    /// (its own language tag never is taken). With no English given the words must be complete. The version is a hash of
    /// <paramref name="versionBytes"/>: every file whose words can stand on a page in this language.
    /// </summary>
    internal static ReaderStrings Compose(JsonObject file, string source, byte[] versionBytes, JsonObject? english)
    {
        if (english is null)
        {
            return Deserialize(Encoding.UTF8.GetBytes(file.ToJsonString()), source) with { Version = RepresentationVersions.OfBytes(versionBytes) };
        }
        if (file["language"] is null)
        {
            throw new InvalidOperationException($"The strings file {source} does not say its language.");
        }
        var merged = file.DeepClone().AsObject();
        var fallbacks = new HashSet<string>(StringComparer.Ordinal);
        FillFrom(english, merged, "", fallbacks);
        return Deserialize(Encoding.UTF8.GetBytes(merged.ToJsonString()), source) with
        {
            // The English file's words stand in this language's pages: editing either must change their version.
            Version = RepresentationVersions.OfBytes(versionBytes),
            EnglishFallbacks = fallbacks,
        };
    }

    /// <summary>A strings file as a JSON object (comments allowed), or an error naming the file.</summary>
    internal static JsonObject ParseObject(byte[] bytes, string source)
    {
        try
        {
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                ?? throw new InvalidOperationException($"The strings file {source} is not a JSON object.");
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"The strings file {source} is not valid: {error.Message}", error);
        }
    }

    /// <summary>Copies into <paramref name="target"/> every key of <paramref name="english"/> it lacks, at any depth.</summary>
    private static void FillFrom(JsonObject english, JsonObject target, string prefix, HashSet<string> fallbacks)
    {
        foreach (var (key, value) in english)
        {
            var path = prefix + key;
            if (value is JsonObject englishInner && (target[key] ?? (target[key] = new JsonObject())) is JsonObject inner)
            {
                // Key by key, even for a group the file lacks whole, so each word is known as English on its own.
                FillFrom(englishInner, inner, path + ".", fallbacks);
            }
            else if (!target.ContainsKey(key))
            {
                target[key] = value?.DeepClone();
                fallbacks.Add(path);
            }
        }
    }

    internal static byte[] ReadAll(Stream json)
    {
        using var file = new MemoryStream();
        json.CopyTo(file);
        return file.ToArray();
    }

    private static ReaderStrings Deserialize(byte[] bytes, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<ReaderStrings>(bytes, FileOptions)
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

    /// <summary>
    /// Under the title of a translation no qualified speaker of its language has checked yet, in its language and again
    /// in the leaflet's main language (<see cref="Rendering.TranslationNotice"/>): it names no language, so the same
    /// words are right in both.
    /// </summary>
    public required string TranslationUnreviewed { get; init; }

    public required string Version { get; init; }

    public required string LastReviewed { get; init; }

    public required string NextReviewDue { get; init; }

    /// <summary>The heading of the list of sources, on the page and on paper (where it is also the bookmark).</summary>
    public required string References { get; init; }

    /// <summary>One source in the references. Placeholders: {title}, {publisher}, {year}.</summary>
    public required string Citation { get; init; }
}

/// <summary>Words only the EPUB uses.</summary>
public sealed record EpubStrings
{
    /// <summary>The heading of the navigation document's table of contents.</summary>
    public required string Contents { get; init; }

    /// <summary>The heading of the (hidden) landmarks a reading system offers as "go to".</summary>
    public required string Landmarks { get; init; }

    /// <summary>The package's schema:accessibilitySummary: how the EPUB meets its accessibility claim, in words a reader can act on.</summary>
    public required string AccessibilitySummary { get; init; }
}

/// <summary>Words only the spoken version says: what a listener hears where a reader would see something.</summary>
public sealed record AudioStrings
{
    /// <summary>Said before a picture's description, where a reader would see the picture. Placeholder: {description}.</summary>
    public required string Picture { get; init; }

    /// <summary>Said before a table is read row by row, so a listener knows the "heading: cell" pairs that follow belong together.</summary>
    public required string Table { get; init; }
}

/// <summary>Words only the printed PDF uses.</summary>
public sealed record PrintStrings
{
    /// <summary>Placeholders: {page}, {pages}.</summary>
    public required string PageOfPages { get; init; }

    /// <summary>The alternative text of the QR code. Placeholder: {address}.</summary>
    public required string QrCodeAlt { get; init; }

    /// <summary>The words beside the QR code. Placeholder: {address}, printed as a link.</summary>
    public required string QrCodeCaption { get; init; }

    /// <summary>At the top of each page a box (callout, notice) continues on.</summary>
    public required string Continued { get; init; }

    /// <summary>A picture's description in braille, given as a transcriber's note. Placeholder: {description}.</summary>
    public required string BraillePicture { get; init; }
}

/// <summary>The library website's pages.</summary>
public sealed record SiteStrings
{
    public required string SkipToContent { get; init; }

    public required string SiteName { get; init; }

    /// <summary>Placeholders: {page} (what the page shows), {site} (the site's name).</summary>
    public required string PageTitle { get; init; }

    public required string SearchLabel { get; init; }

    public required string SearchButton { get; init; }

    public required string FooterText { get; init; }

    public required string HomeTitle { get; init; }

    public required string HomeIntro { get; init; }

    public required string BrowseByTopic { get; init; }

    public required string AToZ { get; init; }

    public required string LeafletCountOne { get; init; }

    /// <summary>Placeholder: {count}.</summary>
    public required string LeafletCountOther { get; init; }

    public required string PagingLabel { get; init; }

    /// <summary>Placeholders: {page}, {pages}.</summary>
    public required string PageOfPages { get; init; }

    public required string PreviousPage { get; init; }

    public required string NextPage { get; init; }

    public required string SearchTitle { get; init; }

    public required string SearchResultsTitle { get; init; }

    public required string EmptySearch { get; init; }

    public required string AllLeaflets { get; init; }

    /// <summary>Placeholder: {query}.</summary>
    public required string ResultCountOne { get; init; }

    /// <summary>Placeholders: {count}, {query}.</summary>
    public required string ResultCountOther { get; init; }

    /// <summary>Placeholder: {query}.</summary>
    public required string NoResults { get; init; }

    public required string NoResultsHeading { get; init; }

    public required string TryFewerWords { get; init; }

    public required string TrySpelling { get; init; }

    public required string TryTopics { get; init; }

    public required string TryAToZ { get; init; }

    /// <summary>Placeholder: {variants} (the variants' names joined by listSeparator).</summary>
    public required string AvailableAs { get; init; }

    /// <summary>Placeholder: {languages} (the languages' names joined by listSeparator).</summary>
    public required string InLanguages { get; init; }

    public required string ListSeparator { get; init; }

    public required string VariantPlain { get; init; }

    public required string VariantEasyRead { get; init; }

    /// <summary>Placeholder: {topic}.</summary>
    public required string TopicTitle { get; init; }

    public required string LeafletNavLabel { get; init; }

    /// <summary>The accessible name of the leaflet page's links to the same leaflet in its other languages.</summary>
    public required string LanguageNavLabel { get; init; }

    public required string PrintLink { get; init; }

    public required string PrintHeading { get; init; }

    public required string PrintIntro { get; init; }

    public required string PrintVariant { get; init; }

    public required string PrintSize { get; init; }

    public required string PrintPaper { get; init; }

    /// <summary>Placeholders: {size} (in points), {words} (sizeLarge and the like).</summary>
    public required string SizeOption { get; init; }

    public required string SizeLarge { get; init; }

    public required string SizeLarger { get; init; }

    public required string SizeExtraLarge { get; init; }

    public required string SizeVeryLarge { get; init; }

    public required string PaperA4 { get; init; }

    public required string PaperA5 { get; init; }

    public required string PaperLetter { get; init; }

    public required string PrintButton { get; init; }

    /// <summary>The heading of the list, under the print form, of the leaflet's other downloadable formats.</summary>
    public required string OtherFormats { get; init; }

    /// <summary>The link to the leaflet's EPUB in that list.</summary>
    public required string EpubLink { get; init; }

    /// <summary>The link to the leaflet's spoken version (Ogg Opus audio) in that list.</summary>
    public required string AudioLink { get; init; }

    /// <summary>The link to the leaflet's braille file in that list.</summary>
    public required string BrailleLink { get; init; }

    public required string PhoneHeading { get; init; }

    public required string PhoneIntro { get; init; }

    public required string QrLabel { get; init; }

    public required string NotFoundTitle { get; init; }

    public required string NotFoundText { get; init; }

    public required string BadRequestTitle { get; init; }

    public required string BadRequestText { get; init; }

    /// <summary>On the 404 page for a page asked for in a language it is not in, before the links to those it is in.</summary>
    public required string InOtherLanguages { get; init; }

    public required string ErrorHelp { get; init; }

    public required string HomeLink { get; init; }

    /// <summary>A topic's link on the home page. Placeholders: {topic}, {count} (leafletCountOne or leafletCountOther).</summary>
    public required string TopicLink { get; init; }

    /// <summary>A language's name by its primary BCP 47 subtag ("en"); a tag not listed is shown as it is.</summary>
    public required IReadOnlyDictionary<string, string> LanguageNames { get; init; }

    /// <summary>
    /// What a list's second and later pages show in their title, so each page's title differs (WCAG 2.4.2).
    /// Placeholders: {page} (what the list shows), {pageOfPages} (<see cref="PageOfPages"/>).
    /// </summary>
    public required string PagedTitle { get; init; }
}
