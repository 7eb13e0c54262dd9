using System.Text.Json;
using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Readability;
using Leaflets.Content.Search;

namespace Leaflets.Content.Rendering.Json;

/// <summary>The JSON documents of the API, rendered to UTF-8 bytes.</summary>
public static class LeafletJson
{
    /// <summary>
    /// Names this JSON shape. It is part of every ETag, so bump it whenever the rendered fields change
    /// and caches holding the old shape are invalidated.
    /// </summary>
    public const string Representation = "application/json;leaflet=9";

    public const string MediaType = "application/json";

    /// <summary>
    /// <paramref name="document"/> is one of <paramref name="leaflet"/>'s, in any of its languages; a translation's links
    /// carry its language (<see cref="ApiUrls.Leaflet"/>), the main language's stay canonical.
    /// </summary>
    public static byte[] Leaflet(Leaflet leaflet, LeafletDocument document, DateOnly today, ApiUrls urls)
    {
        var metadata = document.Metadata;
        var language = metadata.Language;
        var mapper = new BlockJsonMapper(leaflet.Id, urls);
        var images = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var figure in BlockJsonMapper.Figures(document.Blocks))
        {
            images[figure.FileName] = urls.Image(leaflet.Id, figure.FileName);
        }
        var links = LeafletLinks(leaflet, urls.Leaflet(leaflet.Id, document.Variant, leaflet.TranslationLanguage(language)), language, urls);

        var model = new LeafletJsonModel(
            leaflet.Id,
            document.Variant.Slug(),
            [.. leaflet.Variants.Keys.Where(variant => leaflet.Find(variant, language) is not null).Select(v => v.Slug())],
            metadata.Title,
            metadata.Summary,
            language,
            leaflet.LanguagesOf(document.Variant),
            metadata.Version,
            document.ContentHash,
            WireTime(document.DateModified),
            metadata.LastReviewed,
            metadata.NextReview,
            ReviewStatuses.Of(metadata, today).Slug(),
            metadata.TranslationStatus.Slug(),
            metadata.Topics,
            [.. metadata.Codes.Select(code => new CodeJson(code.System, code.Code, code.Display))],
            [.. metadata.References.Select(reference => new ReferenceJson(reference.Title, reference.Publisher, reference.Year, reference.Url))],
            mapper.Map(document.Blocks),
            Readability(DocumentReadability.Of(document)),
            new LeafletLinksJson(
                links.Self, links.Variants, links.Html, links.Pdf, VariantLinks(leaflet, language, urls.Braille), links.Site, links.Epub, VariantLinks(leaflet, language, urls.Audio), VariantLinks(leaflet, language, urls.AudioSsml), images, TranslationLinks(leaflet, document.Variant, urls)));
        return JsonSerializer.SerializeToUtf8Bytes(model, LeafletJsonContext.Relaxed.LeafletJsonModel);
    }

    public static byte[] List(SearchPage page, DateOnly today, ApiUrls urls)
    {
        var query = page.Query;
        var items = page.Items.Select(leaflet =>
        {
            var metadata = leaflet.Plain.Metadata;
            return new LeafletListItemJson(
                leaflet.Id,
                metadata.Title,
                metadata.Summary,
                page.Snippets.GetValueOrDefault(leaflet.Id)?.Text,
                metadata.Language,
                leaflet.Languages,
                VariantSlugs(leaflet),
                metadata.Version,
                metadata.LastReviewed,
                metadata.NextReview,
                ReviewStatuses.Of(metadata, today).Slug(),
                LeafletLinks(leaflet, urls.Leaflet(leaflet.Id, LeafletVariant.Plain), leaflet.MainLanguage, urls));
        }).ToList();

        var links = new PageLinksJson(
            urls.Search(query, query.Page),
            urls.Search(query, 1),
            urls.Search(query, page.PageCount),
            query.Page > 1 ? urls.Search(query, Math.Min(query.Page - 1, page.PageCount)) : null,
            query.Page < page.PageCount ? urls.Search(query, query.Page + 1) : null);

        var model = new LeafletListJson(items, query.Page, query.PageSize, page.Total, links);
        return JsonSerializer.SerializeToUtf8Bytes(model, LeafletJsonContext.Relaxed.LeafletListJson);
    }

    /// <summary>The manifest of <paramref name="leaflets"/> (already chosen and ordered by <see cref="Sync.LeafletManifest.Select"/>).</summary>
    public static byte[] Manifest(IReadOnlyList<Leaflet> leaflets, ApiUrls urls)
    {
        var model = new ManifestJson([.. leaflets.Select(leaflet => new ManifestLeafletJson(
            leaflet.Id,
            leaflet.Languages,
            WireTime(leaflet.DateModified),
            [.. leaflet.Variants.Values.Select(document => new ManifestVariantJson(
                document.Variant.Slug(),
                document.Metadata.Language,
                document.Metadata.Version,
                document.ContentHash,
                document.Metadata.LastReviewed,
                document.Metadata.NextReview,
                WireTime(document.DateModified),
                urls.Leaflet(leaflet.Id, document.Variant),
                new ManifestFormatsJson(
                    urls.Html(leaflet.Id, document.Variant),
                    urls.Pdf(leaflet.Id, document.Variant),
                    Braille.BrailleTable.Offers(document) ? urls.Braille(leaflet.Id, document.Variant) : null,
                    urls.Epub(leaflet.Id, document.Variant),
                    urls.Audio(leaflet.Id, document.Variant),
                    urls.AudioSsml(leaflet.Id, document.Variant))))]))]);
        return JsonSerializer.SerializeToUtf8Bytes(model, LeafletJsonContext.Relaxed.ManifestJson);
    }

    /// <summary>
    /// The health body: its totals, and only the leaflets that need someone's attention (a failed check, a last good
    /// version served, a rejected newest version), so it stays small however many leaflets there are. Every leaflet's own
    /// entry is in <see cref="HealthLeaflets"/>, a page at a time.
    /// </summary>
    /// <param name="checks">The check results of the loaded leaflets with their totals (made once per change, not per body).</param>
    public static byte[] Health(ContentHealth health, LeafletCheckSummary checks)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(checks);
        var model = new HealthJson(
            health.IsHealthyGiven(checks) ? "ok" : "degraded",
            health.LoadedAt,
            health.LastFailure is { } failure ? new SourceFailureJson(failure.At, failure.Error) : null,
            new HealthTotalsJson(
                health.Loaded.Length, health.Rejected.Length, health.ServingLastGood.Count,
                checks.Count(LeafletCheckStatus.Passed), checks.Count(LeafletCheckStatus.Failed), checks.Count(LeafletCheckStatus.Pending),
                checks.Count(LeafletCheckStatus.Unchecked)),
            new HealthLeafletsJson(
                // Usually none: only then is every loaded leaflet walked to list them in id order.
                checks.Failed.IsEmpty && health.ServingLastGood.IsEmpty ? [] : [.. health.Loaded
                    .Where(leaflet => checks.For(leaflet.Id).Status == LeafletCheckStatus.Failed || health.ServingLastGood.Contains(leaflet.Id))
                    .Select(leaflet => LoadedLeaflet(health, checks, leaflet))],
                [.. health.Rejected.Select(rejected => new RejectedLeafletJson(
                    rejected.Id,
                    health.ServingLastGood.Contains(rejected.Id),
                    [.. rejected.Errors.Select(e => e.ToString())]))]));
        return JsonSerializer.SerializeToUtf8Bytes(model, LeafletJsonContext.Relaxed.HealthJson);
    }

    /// <summary>How many loaded leaflets one page of <see cref="HealthLeaflets"/> lists.</summary>
    public const int HealthPageSize = 100;

    /// <summary>The pages of <see cref="HealthLeaflets"/> for this many loaded leaflets: 1 at least, even with none.</summary>
    public static int HealthPageCount(int loaded) => Math.Max(1, (loaded + HealthPageSize - 1) / HealthPageSize);

    /// <summary>
    /// One page (from 1, at most <see cref="HealthPageCount"/>) of every loaded leaflet with its check result, in id order:
    /// what the health body leaves out once a library has thousands.
    /// </summary>
    public static byte[] HealthLeaflets(ContentHealth health, LeafletCheckSummary checks, int page)
    {
        var pageCount = HealthPageCount(health.Loaded.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, pageCount);
        var model = new HealthLeafletsPageJson(
            page, pageCount, HealthPageSize, health.Loaded.Length,
            [.. health.Loaded.Skip((page - 1) * HealthPageSize).Take(HealthPageSize).Select(leaflet => LoadedLeaflet(health, checks, leaflet))]);
        return JsonSerializer.SerializeToUtf8Bytes(model, LeafletJsonContext.Relaxed.HealthLeafletsPageJson);
    }

    private static LoadedLeafletJson LoadedLeaflet(ContentHealth health, LeafletCheckSummary checks, Leaflet leaflet) => new(
        leaflet.Id,
        VariantSlugs(leaflet),
        leaflet.Languages,
        health.ServingLastGood.Contains(leaflet.Id),
        Check(checks.For(leaflet.Id)));

    private static LeafletCheckJson Check(LeafletCheckResult result) => new(
        result.Status.ToString().ToLowerInvariant(),
        result.CheckedAt,
        [.. result.Errors.Select(e => e.ToString())],
        [.. result.Warnings.Select(w => w.ToString())],
        result.Status == LeafletCheckStatus.Unchecked ? LeafletCheckResult.UncheckedMessage : null);

    private static ReadabilityJson Readability(ReadabilityReport report) => new(
        report.Language,
        report.Formula,
        report.Words,
        report.Sentences,
        report.Syllables,
        report.AverageSentenceWords,
        report.LongestSentenceWords,
        report.ReadingEase,
        report.FleschReadingEase,
        report.FleschKincaidGrade,
        report.Smog,
        report.ReadingAge,
        report.NoReadingAge is { } none ? new NoReadingAgeJson(none.Reason, none.Message) : null);

    /// <summary>A date-time as every JSON document writes it: UTC, to the second, ending in <c>Z</c> (RFC 3339).</summary>
    internal static DateTime WireTime(DateTimeOffset time) => time.UtcDateTime;

    private static IReadOnlyList<string> VariantSlugs(Leaflet leaflet) => [.. leaflet.Variants.Keys.Select(v => v.Slug())];

    /// <summary>The links every leaflet carries (<see cref="ItemLinksJson"/>), each variant in <paramref name="language"/> where it can be.</summary>
    private static ItemLinksJson LeafletLinks(Leaflet leaflet, string self, string language, ApiUrls urls) => new(
        self,
        VariantLinks(leaflet, language, urls.Leaflet),
        VariantLinks(leaflet, language, urls.Html),
        VariantLinks(leaflet, language, urls.Pdf),
        VariantLinks(leaflet, language, urls.SitePage),
        VariantLinks(leaflet, language, urls.Epub));

    /// <summary>
    /// The address <paramref name="link"/> gives each variant the leaflet has, in <paramref name="language"/> where the
    /// leaflet has that variant in it, else in its main language.
    /// </summary>
    private static VariantLinksJson VariantLinks(Leaflet leaflet, string language, Func<string, LeafletVariant, string?, string> link)
    {
        string? In(LeafletVariant variant) => leaflet.Variants.ContainsKey(variant)
            ? link(leaflet.Id, variant, leaflet.Find(variant, language) is null ? null : leaflet.TranslationLanguage(language))
            : null;
        return new VariantLinksJson(In(LeafletVariant.Plain)!, In(LeafletVariant.EasyRead));
    }

    /// <summary>Main language first, then each translation's in tag order (an ordered dictionary keeps that order in the JSON).</summary>
    private static OrderedDictionary<string, TranslationLinksJson> TranslationLinks(Leaflet leaflet, LeafletVariant variant, ApiUrls urls)
    {
        var links = new OrderedDictionary<string, TranslationLinksJson>(LanguageTags.Comparer);
        foreach (var language in leaflet.LanguagesOf(variant))
        {
            var translation = leaflet.TranslationLanguage(language);
            links.Add(language, new TranslationLinksJson(urls.Leaflet(leaflet.Id, variant, translation), urls.Pdf(leaflet.Id, variant, translation)));
        }
        return links;
    }
}
