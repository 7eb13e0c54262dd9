using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Loading;

/// <summary>
/// Reads a content root's strings files (<c>strings/{tag}.json</c>) into the <see cref="StringsLibrary"/> a snapshot
/// serves. Each file is held to the rules the embedded files are (every key one the code knows, each word with the
/// placeholders English's has, twelve months, its own language tag) and a file that breaks one is reported once, at the
/// line where it does (<see cref="ContentRules"/>: <c>strings-*</c>), and left out: the embedded words stay served, so a
/// broken strings file never takes a page, let alone the service, down.
/// </summary>
public static class StringsLoader
{
    /// <summary>The folder of a content root that holds its strings files.</summary>
    public const string Folder = "strings/";

    /// <summary>Whether a content file is the strings loader's (the leaflet loader leaves it alone).</summary>
    public static bool Owns(ContentFile file) => Owns(file.Path);

    /// <summary>Whether a path in the content tree (relative to its root) is in <see cref="Folder"/>.</summary>
    public static bool Owns(string path) => path.StartsWith(Folder, StringComparison.Ordinal);

    /// <summary>The library the strings files among <paramref name="files"/> make, and the problems of those left out.</summary>
    public static (StringsLibrary Library, ImmutableArray<ContentProblem> Problems) Load(string displayRoot, IReadOnlyList<ContentFile> files)
    {
        var root = displayRoot.TrimEnd('/', '\\');
        var problems = new List<ContentProblem>();
        var accepted = ImmutableSortedDictionary.CreateBuilder<string, byte[]>(StringComparer.Ordinal);
        var english = ReaderStrings.ParseObject(StringsLibrary.EmbeddedEnglishBytes, "en.json");
        foreach (var file in files.Where(Owns).OrderBy(file => file.Path, StringComparer.Ordinal))
        {
            var log = new ProblemLog($"{root}/{file.Path}", problems);
            var name = file.Path[Folder.Length..];
            if (file.Refusal is { } refusal)
            {
                log.Add(1, refusal.Rule, refusal.Message);
                continue;
            }
            if (name.Contains('/') || !name.EndsWith(".json", StringComparison.Ordinal))
            {
                log.Add(1, ContentRules.LayoutUnexpectedFile,
                    $"'{name}' is not allowed in strings/; each file there is one language's words, named by its BCP 47 tag (strings/cy.json)");
                continue;
            }
            var tag = name[..^".json".Length];
            if (!LanguageTags.IsWellFormed(tag))
            {
                log.Add(1, ContentRules.StringsLanguageInvalid, $"'{name}' is not named by a BCP 47 language tag; name it like strings/cy.json or strings/pt-BR.json");
                continue;
            }
            if (accepted.ContainsKey(tag.ToLowerInvariant()))
            {
                log.Add(1, ContentRules.StringsLanguageInvalid, $"'{name}' is the same language as another file in strings/ (tags ignore case); keep one of them");
                continue;
            }
            if (file.Bytes.Length > ContentLimits.MaxStringsFileBytes)
            {
                log.Add(1, ContentRules.FileTooLarge,
                    $"the file is {file.Bytes.Length} bytes; a strings file may be at most {ContentLimits.MaxStringsFileBytes} bytes; the file is ignored and the service's own words are shown");
                continue;
            }
            var bytes = file.Bytes.ToArray();
            if (Check(bytes, tag, english) is { } problem)
            {
                log.Add(problem.Line, problem.Rule, problem.Message + "; the file is ignored and the service's own words are shown");
                continue;
            }
            try
            {
                // The rules above are the composition's; this proves it on the file itself, so a gap in them is still this file's alone.
                StringsLibrary.With(ImmutableSortedDictionary.Create<string, byte[]>(StringComparer.Ordinal).Add(tag.ToLowerInvariant(), bytes));
                accepted[tag.ToLowerInvariant()] = bytes;
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                log.Add(1, ContentRules.StringsJsonInvalid, $"the words cannot be read ({error.Message}); the file is ignored and the service's own words are shown");
            }
        }
        return (StringsLibrary.With(accepted.ToImmutable()), [.. problems]);
    }

    private sealed record Problem(int Line, string Rule, string Message);

    /// <summary>The first rule the file breaks, at its line, or null.</summary>
    private static Problem? Check(byte[] bytes, string tag, JsonObject english)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 8 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new(1, ContentRules.StringsJsonInvalid, "the file is not a JSON object of words ({\"leaflet\": {\"version\": \"...\"}})");
            }
            var checker = new FileChecker(bytes, tag);
            var problem = checker.Group(ref reader, english, "");
            if (problem is null && !checker.SaidLanguage && !StringsLibrary.Embedded.Languages.Contains(tag.ToLowerInvariant()))
            {
                return new(1, ContentRules.StringsLanguageInvalid, $"a file that adds a language must say which: \"language\": \"{tag}\"");
            }
            return problem ?? (reader.Read() ? new(LineAt(bytes, reader.TokenStartIndex), ContentRules.StringsJsonInvalid, "the file goes on after its object ends") : null);
        }
        catch (JsonException error)
        {
            return new((int)(error.LineNumber ?? 0) + 1, ContentRules.StringsJsonInvalid, "the file is not valid JSON: " + FirstSentence(error.Message));
        }
    }

    private static string FirstSentence(string message) => message.Split(" LineNumber:", 2)[0].TrimEnd();

    private static int LineAt(byte[] bytes, long index) => 1 + bytes.AsSpan(0, (int)Math.Min(index, bytes.Length)).Count((byte)'\n');

    /// <summary>Walks the file against English's keys, key by key, remembering the line of each.</summary>
    private sealed class FileChecker(byte[] bytes, string tag)
    {
        /// <summary>The one group whose keys are not the code's but languages' (<see cref="SiteStrings.LanguageNames"/>).</summary>
        private static readonly string LanguageNamesPath = "site." + JsonNamingPolicy.CamelCase.ConvertName(nameof(SiteStrings.LanguageNames));

        private static readonly string MonthsKey = JsonNamingPolicy.CamelCase.ConvertName(nameof(ReaderStrings.Months));

        private static readonly string LanguageKey = JsonNamingPolicy.CamelCase.ConvertName(nameof(ReaderStrings.Language));

        public bool SaidLanguage { get; private set; }

        /// <summary>Reads a group (the reader on its '{') to its '}' against <paramref name="shape"/>, English's keys there.</summary>
        public Problem? Group(ref Utf8JsonReader reader, JsonObject shape, string prefix)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                var path = prefix + key;
                var line = LineAt(bytes, reader.TokenStartIndex);
                reader.Read();
                var problem = shape.TryGetPropertyValue(key, out var expected) && expected is not null
                    ? Value(ref reader, expected, path, line)
                    : new(line, ContentRules.StringsKeyUnknown, $"'{path}' is not a key the service shows; check its spelling against the keys of src/Content/Text/Strings/en.json");
                if (problem is not null)
                {
                    return problem;
                }
            }
            return null;
        }

        private Problem? Value(ref Utf8JsonReader reader, JsonNode expected, string path, int line)
        {
            if (expected is JsonObject group)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return new(line, ContentRules.StringsJsonInvalid, $"'{path}' is a group of words: write it as {{...}}");
                }
                return path == LanguageNamesPath ? LanguageNames(ref reader, path) : Group(ref reader, group, path + ".");
            }
            if (path == MonthsKey)
            {
                return Months(ref reader, line);
            }
            if (reader.TokenType != JsonTokenType.String)
            {
                return new(line, ContentRules.StringsJsonInvalid, $"'{path}' is a word: write it as a string in quotes");
            }
            var words = reader.GetString()!;
            if (words.Length > ContentLimits.MaxStringLength)
            {
                return new(line, ContentRules.ValueTooLong, $"'{path}' is {words.Length} characters; a word of a strings file may be at most {ContentLimits.MaxStringLength}");
            }
            if (path == LanguageKey)
            {
                SaidLanguage = true;
                return string.Equals(words, tag, StringComparison.OrdinalIgnoreCase)
                    ? null
                    : new(line, ContentRules.StringsLanguageInvalid, $"'language' is '{words}' but the file is named for '{tag}'; make them the same tag");
            }
            var wanted = ReaderStrings.PlaceholdersIn(expected.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            var given = ReaderStrings.PlaceholdersIn(words).Order(StringComparer.Ordinal).ToList();
            return wanted.SequenceEqual(given, StringComparer.Ordinal)
                ? null
                : new(line, ContentRules.StringsPlaceholderInvalid,
                    $"'{path}' must hold {(wanted.Count == 0 ? "no placeholders" : string.Join(", ", wanted.Select(p => "{" + p + "}")) + " once each")}, as English's does; it holds {(given.Count == 0 ? "none" : string.Join(", ", given.Select(p => "{" + p + "}")))}");
        }

        private Problem? LanguageNames(ref Utf8JsonReader reader, string path)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var language = reader.GetString()!;
                var line = LineAt(bytes, reader.TokenStartIndex);
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    return new(line, ContentRules.StringsJsonInvalid, $"'{path}.{language}' is a language's name: write it as a string in quotes");
                }
                if (reader.GetString()!.Length > ContentLimits.MaxStringLength)
                {
                    return new(line, ContentRules.ValueTooLong, $"'{path}.{language}' is longer than {ContentLimits.MaxStringLength} characters");
                }
            }
            return null;
        }

        private Problem? Months(ref Utf8JsonReader reader, int line)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return new(line, ContentRules.StringsMonthsInvalid, "'months' is the twelve months' names, January first, as a list [\"...\", ...]");
            }
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    return new(LineAt(bytes, reader.TokenStartIndex), ContentRules.StringsMonthsInvalid, "each month's name is a string in quotes");
                }
                if (reader.GetString()!.Length > ContentLimits.MaxStringLength)
                {
                    return new(LineAt(bytes, reader.TokenStartIndex), ContentRules.ValueTooLong, $"a month's name is longer than {ContentLimits.MaxStringLength} characters");
                }
                count++;
            }
            return count == 12 ? null : new(line, ContentRules.StringsMonthsInvalid, $"'months' has {count} names; it must have the twelve months', January first");
        }
    }
}
