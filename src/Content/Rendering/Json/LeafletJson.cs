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
    public const string Representation = "application/json;leaflet=6";

    public const string MediaType = "application/json";

    public static byte[] Leaflet(Leaflet leaflet, LeafletDocument document, DateOnly today, ApiUrls urls)
    {
        var metadata = document.Metadata;
        var mapper = new BlockJsonMapper(leaflet.Id, urls);
        var images = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var figure in BlockJsonMapper.Figures(document.Blocks))
        {
            images[figure.FileName] = urls.Image(leaflet.Id, figure.FileName);
        }

        var model = new LeafletJsonModel(
            leaflet.Id,
            document.Variant.Slug(),
            VariantSlugs(leaflet),
            metadata.Title,
            metadata.Summary,
            metadata.Language,
            metadata.Version,
            document.ContentHash,
            WireTime(document.DateModified),
            metadata.LastReviewed,
            metadata.NextReview,
            ReviewStatuses.Of(metadata, today).Slug(),
            metadata.Topics,
            [.. metadata.Codes.Select(code => new CodeJson(code.System, code.Code, code.Display))],
            [.. metadata.References.Select(reference => new ReferenceJson(reference.Title, reference.Publisher, reference.Year, reference.Url))],
            mapper.Map(document.Blocks),
            Readability(DocumentReadability.Of(document)),
            new LeafletLinksJson(urls.Leaflet(leaflet.Id, document.Variant), VariantLinks(leaflet, urls), images, PdfLinks(leaflet, urls)));
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
                metadata.Language,
                VariantSlugs(leaflet),
                metadata.Version,
                metadata.LastReviewed,
                metadata.NextReview,
                ReviewStatuses.Of(metadata, today).Slug(),
                new ItemLinksJson(urls.Leaflet(leaflet.Id, LeafletVariant.Plain), VariantLinks(leaflet, urls)));
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
                urls.Leaflet(leaflet.Id, document.Variant)))]))]);
        return JsonSerializer.SerializeToUtf8Bytes(model, LeafletJsonContext.Relaxed.ManifestJson);
    }

    /// <param name="checks">The load-time check results by leaflet id; a leaflet not in it shows as pending.</param>
    public static byte[] Health(ContentHealth health, IReadOnlyDictionary<string, LeafletCheckResult> checks)
    {
        var model = new HealthJson(
            health.IsHealthyGiven(checks) ? "ok" : "degraded",
            health.LoadedAt,
            health.LastFailure is { } failure ? new SourceFailureJson(failure.At, failure.Error) : null,
            new HealthLeafletsJson(
                [.. health.Loaded.Select(leaflet => new LoadedLeafletJson(
                    leaflet.Id,
                    VariantSlugs(leaflet),
                    leaflet.Languages,
                    health.ServingLastGood.Contains(leaflet.Id),
                    Check(checks.GetValueOrDefault(leaflet.Id) ?? LeafletCheckResult.Pending(leaflet.Id))))],
                [.. health.Rejected.Select(rejected => new RejectedLeafletJson(
                    rejected.Id,
                    health.ServingLastGood.Contains(rejected.Id),
                    [.. rejected.Errors.Select(e => e.ToString())]))]));
        return JsonSerializer.SerializeToUtf8Bytes(model, LeafletJsonContext.Relaxed.HealthJson);
    }

    private static LeafletCheckJson Check(LeafletCheckResult result) => new(
        result.Status.ToString().ToLowerInvariant(),
        result.CheckedAt,
        [.. result.Errors.Select(e => e.ToString())],
        [.. result.Warnings.Select(w => w.ToString())]);

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

    private static VariantLinksJson VariantLinks(Leaflet leaflet, ApiUrls urls) => new(
        urls.Leaflet(leaflet.Id, LeafletVariant.Plain),
        leaflet.Variants.ContainsKey(LeafletVariant.EasyRead) ? urls.Leaflet(leaflet.Id, LeafletVariant.EasyRead) : null);

    private static VariantLinksJson PdfLinks(Leaflet leaflet, ApiUrls urls) => new(
        urls.Pdf(leaflet.Id, LeafletVariant.Plain),
        leaflet.Variants.ContainsKey(LeafletVariant.EasyRead) ? urls.Pdf(leaflet.Id, LeafletVariant.EasyRead) : null);
}
