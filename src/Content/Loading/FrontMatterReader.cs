using System.Collections.Immutable;
using System.Globalization;
using Leaflets.Content.Model;
using Leaflets.Content.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Leaflets.Content.Loading;

/// <summary>
/// Reads and validates front matter through YamlDotNet's representation model, which keeps the position of
/// every node, so each problem names the line of the offending key or value.
/// </summary>
internal static class FrontMatterReader
{
    private static readonly string[] KnownKeys =
        ["title", "summary", "language", "lastReviewed", "nextReview", "version", "topics", "synonyms", "codes", "references", TranslationStatuses.Key];

    private static readonly string[] CodeKeys = ["system", "code", "display"];

    private static readonly string[] ReferenceKeys = ["title", "publisher", "year", "url"];

    /// <summary>Years of review after which a leaflet is due again, when nextReview is not given.</summary>
    public const int DefaultReviewYears = 3;

    /// <param name="translation">
    /// What a translation file translates, null for a main-language file. A translation shares its main file's codes and
    /// references (so it need not repeat them), and it alone may say <see cref="TranslationStatuses.Key"/>.
    /// </param>
    public static LeafletMetadata? Read(SourceText source, LeafletVariant variant, Translation? translation, ProblemLog problems, StringsLibrary strings)
    {
        var lineOffset = source.FrontMatterFirstLine - 1;
        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(source.FrontMatter));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
        }
        catch (YamlException error)
        {
            var line = lineOffset + (int)Math.Max(1, error.Start.Line);
            var message = (error.InnerException ?? error).Message;
            problems.Add(line, error.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) ? ContentRules.KeyDuplicate : ContentRules.FrontMatterInvalid,
                "the front matter is not valid YAML: " + message);
            return null;
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet's scanner can fail on some malformed input without a position; name the front matter as a whole.
            problems.Add(source.FrontMatterFirstLine, ContentRules.FrontMatterInvalid, "the front matter is not valid YAML: " + error.Message);
            return null;
        }
        if (root is null)
        {
            problems.Add(source.FrontMatterFirstLine, ContentRules.FrontMatterInvalid, "the front matter must be a list of 'key: value' lines");
            return null;
        }

        var fields = new FieldReader(root, lineOffset, problems, missingKeyLine: 1);
        fields.RejectUnknown(KnownKeys, "front matter");

        var title = WithinLength(fields, "title", fields.RequiredText("title"), ContentLimits.MaxTitleLength, problems);
        var summary = WithinLength(fields, "summary", fields.RequiredText("summary"), ContentLimits.MaxSummaryLength, problems);
        var language = fields.RequiredText("language");
        if (language is not null && !LanguageTags.IsWellFormed(language))
        {
            problems.Add(fields.LineOf("language"), ContentRules.LanguageInvalid, $"'{language}' is not a BCP 47 language tag such as en-GB");
            language = null;
        }
        else if (language is not null)
        {
            foreach (var missing in MissingStrings(strings.For(language), language))
            {
                problems.Add(fields.LineOf("language"), ContentRules.StringsMissing, missing);
            }
        }
        var lastReviewed = InReviewRange(fields, "lastReviewed", fields.Date("lastReviewed", required: true), problems);
        var nextReview = InReviewRange(fields, "nextReview", fields.Date("nextReview", required: false), problems);
        var version = fields.Integer("version", required: true);
        if (version is < 1)
        {
            problems.Add(fields.LineOf("version"), ContentRules.ValueInvalid, "'version' must be a whole number of at least 1");
        }
        if (lastReviewed is { } last && nextReview is { } next && next < last)
        {
            problems.Add(fields.LineOf("nextReview"), ContentRules.NextReviewBeforeLastReviewed,
                $"nextReview {next:yyyy-MM-dd} is before lastReviewed {last:yyyy-MM-dd}");
        }
        var topics = fields.TextList("topics");
        var synonyms = Synonyms(fields, problems);
        var codes = fields.Entries("codes", required: false, entry => ReadCode(entry, problems));
        var references = fields.Entries("references", required: variant == LeafletVariant.Plain && translation is null, entry => ReadReference(entry, problems));
        var translationStatus = ReadTranslationStatus(fields, translation, problems);

        if (title is null || summary is null || language is null || lastReviewed is null || version is null or < 1
            || topics is null || synonyms is null || codes is null || references is null || translationStatus is null)
        {
            return null;
        }
        var metadata = new LeafletMetadata(title, summary, language, lastReviewed.Value,
            nextReview ?? lastReviewed.Value.AddYears(DefaultReviewYears), version.Value, topics.Value, codes.Value, references.Value)
        {
            TranslationStatus = translationStatus.Value,
            Synonyms = synonyms.Value,
        };
        return translation is null ? metadata : AsTranslation(metadata, translation, fields, problems);
    }

    /// <summary>
    /// A translation states its own language (the file name's), and takes its main file's codes and references unless it
    /// gives its own: the same clinical codes, and sources a translation may name in its language instead.
    /// </summary>
    private static LeafletMetadata? AsTranslation(LeafletMetadata metadata, Translation translation, FieldReader fields, ProblemLog problems)
    {
        var main = translation.Main.Metadata;
        if (!LanguageTags.Comparer.Equals(metadata.Language, translation.Language))
        {
            problems.Add(fields.LineOf("language"), ContentRules.TranslationLanguageMismatch,
                $"the file name says this is a translation into '{translation.Language}' but 'language' is '{metadata.Language}'; make them the same tag");
            return null;
        }
        if (metadata.Version < main.Version)
        {
            problems.Add(fields.LineOf("version"), ContentRules.TranslationOutdated,
                $"this translation is version {metadata.Version} but {translation.Main.Variant.FileName()} is version {main.Version}; " +
                "bring the translation up to date with it, then give it the same version");
        }
        return metadata with
        {
            TranslatedFrom = main.Language,
            Codes = metadata.Codes.IsEmpty ? main.Codes : metadata.Codes,
            References = metadata.References.IsEmpty ? main.References : metadata.References,
            ReferencesLanguage = metadata.References.IsEmpty && !main.References.IsEmpty ? main.Language : null,
        };
    }

    /// <summary>
    /// What a file in <paramref name="language"/> will show in English for want of its words, one message per missing
    /// key, or one for the whole table when the language has no strings file: the page marks those words as English,
    /// but an editor should know a reader in that language gets them.
    /// </summary>
    internal static IEnumerable<string> MissingStrings(ReaderStrings strings, string language)
    {
        var english = StringsLibrary.EnglishTag;
        if (strings.Language == english && !LanguageTags.Comparer.Equals(language.Split('-')[0], english))
        {
            return [$"there is no strings file for '{language}' (src/Content/Text/Strings, or strings/ in the content root): every word shown around the leaflet (headings, dates, notices, the PDF's footer) is in English, marked as English"];
        }
        return strings.EnglishFallbacks.Order(StringComparer.Ordinal)
            .Select(key => $"the '{strings.Language}' strings file has no '{key}': those words are shown in English, marked as English");
    }

    /// <summary>Absent is reviewed; only a translation may give it, as reviewed or unreviewed.</summary>
    private static TranslationStatus? ReadTranslationStatus(FieldReader fields, Translation? translation, ProblemLog problems)
    {
        if (!fields.Has(TranslationStatuses.Key))
        {
            return TranslationStatus.Reviewed;
        }
        var text = fields.OptionalText(TranslationStatuses.Key);
        if (text is null)
        {
            return null; // reported by the field reader as not text
        }
        if (translation is null)
        {
            problems.Add(fields.LineOf(TranslationStatuses.Key), ContentRules.TranslationStatusInvalid,
                $"only a translation (such as plain.cy.md) has a '{TranslationStatuses.Key}'; remove it from this main-language file");
            return null;
        }
        if (!TranslationStatuses.TryParse(text, out var status))
        {
            problems.Add(fields.LineOf(TranslationStatuses.Key), ContentRules.TranslationStatusInvalid,
                $"'{TranslationStatuses.Key}' is '{text}'; it must be one of: {string.Join(", ", Enum.GetValues<TranslationStatus>().Select(s => s.Slug()))}");
            return null;
        }
        return status;
    }

    /// <summary>Optional; each entry a word or short phrase, a few of them, none twice.</summary>
    private static ImmutableArray<string>? Synonyms(FieldReader fields, ProblemLog problems)
    {
        var synonyms = fields.TextList("synonyms");
        if (synonyms is not { } list)
        {
            return null;
        }
        var line = fields.LineOf("synonyms");
        var ok = true;
        if (list.Length > ContentLimits.MaxSynonyms)
        {
            problems.Add(line, ContentRules.SynonymInvalid,
                $"'synonyms' has {list.Length} entries; keep it to the {ContentLimits.MaxSynonyms} or fewer other names readers know the subject by");
            ok = false;
        }
        foreach (var synonym in list.Where(synonym => synonym.Length > ContentLimits.MaxSynonymLength))
        {
            problems.Add(line, ContentRules.SynonymInvalid,
                $"the synonym '{synonym[..20]}...' is {synonym.Length} characters; a synonym is a word or short phrase of {ContentLimits.MaxSynonymLength} or fewer");
            ok = false;
        }
        foreach (var twice in list.GroupBy(synonym => synonym, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            problems.Add(line, ContentRules.SynonymInvalid, $"the synonym '{twice.Key}' is given {twice.Count()} times; give it once");
            ok = false;
        }
        return ok ? list : null;
    }

    private static string? WithinLength(FieldReader fields, string key, string? text, int limit, ProblemLog problems)
    {
        if (text is { } value && value.Length > limit)
        {
            problems.Add(fields.LineOf(key), ContentRules.ValueTooLong, $"'{key}' is {value.Length} characters; keep it to {limit} or fewer");
            return null;
        }
        return text;
    }

    private static DateOnly? InReviewRange(FieldReader fields, string key, DateOnly? date, ProblemLog problems)
    {
        if (date is { Year: < ContentLimits.MinReviewYear or > ContentLimits.MaxReviewYear } outside)
        {
            problems.Add(fields.LineOf(key), ContentRules.DateOutOfRange,
                $"'{key}' is {outside:yyyy-MM-dd}; a review date must fall in the years {ContentLimits.MinReviewYear} to {ContentLimits.MaxReviewYear}");
            return null;
        }
        return date;
    }

    private static ClinicalCode? ReadCode(FieldReader entry, ProblemLog problems)
    {
        entry.RejectUnknown(CodeKeys, "codes entry");
        var system = entry.OptionalText("system");
        var code = entry.OptionalText("code");
        var display = entry.OptionalText("display");
        if (system is null || code is null)
        {
            problems.Add(entry.Line, ContentRules.CodeIncomplete, "each codes entry needs both 'system' and 'code'");
            return null;
        }
        return entry.HadErrors ? null : new ClinicalCode(system, code, display);
    }

    private static LeafletReference? ReadReference(FieldReader entry, ProblemLog problems)
    {
        entry.RejectUnknown(ReferenceKeys, "references entry");
        var title = entry.OptionalText("title");
        var publisher = entry.OptionalText("publisher");
        var year = entry.Integer("year", required: false);
        var url = entry.OptionalText("url");
        if (title is null || publisher is null || year is null)
        {
            problems.Add(entry.Line, ContentRules.ReferenceIncomplete, "each references entry needs 'title', 'publisher' and 'year'");
            return null;
        }
        if (year is < 1000 or > 9999)
        {
            problems.Add(entry.LineOf("year"), ContentRules.ValueInvalid, $"'year' {year} is not a four-digit year");
            return null;
        }
        if (url is not null && !UrlRules.IsAbsoluteHttp(url))
        {
            problems.Add(entry.LineOf("url"), ContentRules.ReferenceUrlInvalid, $"reference url '{url}' must be an absolute http or https URL");
            return null;
        }
        return entry.HadErrors ? null : new LeafletReference(title, publisher, year.Value, url);
    }

    internal static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

/// <summary>A translation file: the language tag of its name and the main-language document of the same variant.</summary>
internal sealed record Translation(string Language, LeafletDocument Main);
