using System.Globalization;
using System.Text.RegularExpressions;
using Leaflets.Content.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Leaflets.Content.Loading;

/// <summary>
/// Reads and validates front matter through YamlDotNet's representation model, which keeps the position of
/// every node, so each problem names the line of the offending key or value.
/// </summary>
internal static partial class FrontMatterReader
{
    private static readonly string[] KnownKeys =
        ["title", "summary", "language", "lastReviewed", "nextReview", "version", "topics", "codes", "references"];

    private static readonly string[] CodeKeys = ["system", "code", "display"];

    private static readonly string[] ReferenceKeys = ["title", "publisher", "year", "url"];

    /// <summary>Years of review after which a leaflet is due again, when nextReview is not given.</summary>
    public const int DefaultReviewYears = 3;

    public static LeafletMetadata? Read(SourceText source, LeafletVariant variant, ProblemLog problems)
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
        if (language is not null && !LanguageTag().IsMatch(language))
        {
            problems.Add(fields.LineOf("language"), ContentRules.LanguageInvalid, $"'{language}' is not a BCP 47 language tag such as en-GB");
            language = null;
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
        var codes = fields.Entries("codes", required: false, entry => ReadCode(entry, problems));
        var references = fields.Entries("references", required: variant == LeafletVariant.Plain, entry => ReadReference(entry, problems));

        if (title is null || summary is null || language is null || lastReviewed is null || version is null or < 1
            || topics is null || codes is null || references is null)
        {
            return null;
        }
        return new LeafletMetadata(title, summary, language, lastReviewed.Value,
            nextReview ?? lastReviewed.Value.AddYears(DefaultReviewYears), version.Value, topics.Value, codes.Value, references.Value);
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

    // Language, optional script, optional region, optional variants: the shape of a BCP 47 tag in practice.
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$")]
    private static partial Regex LanguageTag();

    internal static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
