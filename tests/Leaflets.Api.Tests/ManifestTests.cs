using System.Net;
using System.Text.Json.Nodes;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>GET /api/manifest over the fixture content (every file dated <see cref="TestTime.ContentWritten"/>).</summary>
[Collection(ServerCollection.Name)]
public sealed class ManifestTests(FixtureServer fixture)
{
    private const string Written = "2026-11-02T08:15:30Z";

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task The_manifest_lists_every_leaflet_served_with_each_variants_version_hash_dates_and_address()
    {
        var response = await Client.GetAsync("/api/manifest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var leaflets = (await ApiJson.ReadAsync(response))["leaflets"]!.AsArray();
        Assert.Equal(["blood-test", "bone-scan"], leaflets.Select(l => (string)l!["id"]!)); // broken-leaflet is not served
        var boneScan = leaflets[1]!;
        Assert.Equal(["en-GB", "cy"], boneScan["languages"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(Written, (string)boneScan["dateModified"]!);
        var variants = boneScan["variants"]!.AsArray();
        Assert.Equal(["plain", "easy-read"], variants.Select(v => (string)v!["variant"]!));
        foreach (var variant in variants)
        {
            var self = (string)variant!["self"]!;
            var leaflet = await ApiJson.ReadAsync(await Client.GetAsync(self));
            Assert.Equal((string)leaflet["variant"]!, (string)variant["variant"]!);
            Assert.Equal((string)leaflet["contentHash"]!, (string)variant["contentHash"]!);
            Assert.Equal((int)leaflet["version"]!, (int)variant["version"]!);
            Assert.Equal((string)leaflet["language"]!, (string)variant["language"]!);
            Assert.Equal((string)leaflet["lastReviewed"]!, (string)variant["lastReviewed"]!);
            Assert.Equal((string)leaflet["nextReview"]!, (string)variant["nextReview"]!);
            Assert.Equal(Written, (string)leaflet["dateModified"]!);
            Assert.Equal(Written, (string)variant["dateModified"]!);
        }
    }

    [Fact]
    public async Task Each_variant_in_the_manifest_lists_where_each_of_its_formats_is_served_and_each_answers_in_its_format()
    {
        var leaflets = (await ApiJson.ReadAsync(await Client.GetAsync("/api/manifest")))["leaflets"]!.AsArray();
        var mediaTypes = new Dictionary<string, string>
        {
            ["html"] = "text/html",
            ["pdf"] = "application/pdf",
            ["braille"] = "text/plain",
            ["epub"] = "application/epub+zip",
            ["audio"] = "audio/ogg",
            ["ssml"] = "application/ssml+xml",
        };

        foreach (var variant in leaflets.SelectMany(leaflet => leaflet!["variants"]!.AsArray()))
        {
            var formats = variant!["formats"]!.AsObject();
            Assert.Equal(mediaTypes.Keys.Order(), formats.Select(format => format.Key).Order());
            var links = (await ApiJson.ReadAsync(await Client.GetAsync((string)variant["self"]!)))["links"]!;
            foreach (var (format, link) in formats)
            {
                // The same address the leaflet's own JSON gives.
                Assert.Equal((string)links[format]![(string)variant["variant"]!]!, (string)link!);
                if (format is "pdf" or "audio")
                {
                    continue; // PdfRouteTests and AudioRouteTests make those; a HEAD here would make one per variant for nothing.
                }
                using var request = new HttpRequestMessage(HttpMethod.Head, (string)link!);
                var response = await Client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(mediaTypes[format], response.Content.Headers.ContentType!.MediaType);
                Assert.Equal((string)variant["language"]!, Assert.Single(response.Content.Headers.ContentLanguage));
            }
        }
    }

    [Fact]
    public async Task The_manifest_has_a_strong_etag_over_the_whole_body_the_lists_cache_control_no_last_modified_and_a_304_on_if_none_match()
    {
        var first = await Client.GetAsync("/api/manifest");
        var tag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/manifest");
        again.Headers.TryAddWithoutValidation("If-None-Match", tag.Tag);
        var revalidated = await Client.SendAsync(again);

        Assert.False(tag.IsWeak);
        Assert.Equal("public, max-age=300", first.Headers.CacheControl!.ToString());
        Assert.Null(first.Content.Headers.LastModified); // the newest date cannot show a removal, so none is offered to validate by
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, revalidated.Headers.ETag);
        Assert.NotEqual(tag, (await Client.GetAsync("/api/manifest?modifiedSince=2026-11-02T08:15:31Z")).Headers.ETag);
    }

    [Theory]
    [InlineData("2026-11-02T08:15:30Z", 2)]
    [InlineData("2026-11-02T09:15:30%2B01:00", 2)]
    [InlineData("2026-11-02T08:15:29.5Z", 2)]
    [InlineData("2026-11-02T08:15:31Z", 0)]
    [InlineData("2026-11-02t08:15:31z", 0)]
    public async Task Modified_since_keeps_the_leaflets_changed_at_or_after_that_instant(string since, int expected)
    {
        var response = await Client.GetAsync($"/api/manifest?modifiedSince={since}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await ApiJson.ReadAsync(response))["leaflets"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-11-02")]
    [InlineData("2026-11-02T08:15:30")]
    [InlineData("02/11/2026 08:15:30 %2B00:00")]
    [InlineData("")]
    public async Task A_modified_since_that_is_not_an_rfc_3339_date_time_with_a_zone_is_a_400_problem_naming_it(string since)
    {
        var response = await Client.GetAsync($"/api/manifest?modifiedSince={since}");

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("modifiedSince", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_one_leaflet_moves_exactly_its_date_and_hash_and_deleting_one_leaves_it_out()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot,
            services => services.Configure<ContentOptions>(options => options.RefreshSeconds = 0));
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        var before = await server.Client.GetAsync("/api/manifest");
        var beforeBody = await ApiJson.ReadAsync(before);
        await catalog.WhenRefreshedAsync();

        var easyRead = Path.Combine(sandbox.ContentRoot, "leaflets", "bone-scan", "easy-read.md");
        await File.AppendAllTextAsync(easyRead, "\nAsk us if you have questions.\n");
        var edited = new DateTimeOffset(2026, 11, 27, 16, 0, 5, TimeSpan.Zero);
        File.SetLastWriteTimeUtc(easyRead, edited.UtcDateTime);
        await server.Client.GetAsync("/api/health");
        await catalog.WhenRefreshedAsync();
        var after = await server.Client.GetAsync("/api/manifest");
        var afterBody = await ApiJson.ReadAsync(after);

        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        var changed = Changes(beforeBody, afterBody);
        Assert.Equal(
            ["bone-scan dateModified 2026-11-27T16:00:05Z", "bone-scan/easy-read contentHash", "bone-scan/easy-read dateModified 2026-11-27T16:00:05Z"],
            changed);
        var since = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/manifest?modifiedSince=2026-11-27T16:00:05Z"));
        Assert.Equal(["bone-scan"], since["leaflets"]!.AsArray().Select(l => (string)l!["id"]!));

        Directory.Delete(Path.Combine(sandbox.ContentRoot, "leaflets", "blood-test"), recursive: true);
        await server.Client.GetAsync("/api/health");
        await catalog.WhenRefreshedAsync();
        var deleted = await server.Client.GetAsync("/api/manifest");

        Assert.NotEqual(after.Headers.ETag, deleted.Headers.ETag);
        Assert.Equal(["bone-scan"], (await ApiJson.ReadAsync(deleted))["leaflets"]!.AsArray().Select(l => (string)l!["id"]!));
    }

    [Fact]
    public async Task Last_modified_is_the_day_the_review_status_began_when_that_is_later_than_the_content_change()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var longBefore = new DateTime(2025, 2, 3, 10, 0, 0, DateTimeKind.Utc);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(sandbox.ContentRoot, "leaflets", "bone-scan"), "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, longBefore);
        }
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);

        var json = await server.Client.GetAsync("/api/leaflets/bone-scan");
        var jsonLd = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/bone-scan");
        jsonLd.Headers.Accept.ParseAdd("application/ld+json");
        var description = await server.Client.SendAsync(jsonLd);

        var body = await ApiJson.ReadAsync(json);
        Assert.Equal("due-soon", (string)body["reviewStatus"]!);
        Assert.Equal("2025-02-03T10:00:00Z", (string)body["dateModified"]!);
        var dueSoonSince = DateOnly.Parse((string)body["nextReview"]!, System.Globalization.CultureInfo.InvariantCulture).AddDays(-90);
        Assert.Equal(new DateTimeOffset(dueSoonSince, TimeOnly.MinValue, TimeSpan.Zero), json.Content.Headers.LastModified);
        // The description shows no status, so it is dated by its content alone.
        Assert.Equal(new DateTimeOffset(longBefore), description.Content.Headers.LastModified);
    }

    /// <summary>What moved between two manifests, one line per changed field: "id field value" or "id/variant field".</summary>
    internal static List<string> Changes(JsonNode before, JsonNode after)
    {
        var changes = new List<string>();
        var old = before["leaflets"]!.AsArray().ToDictionary(l => (string)l!["id"]!);
        foreach (var leaflet in after["leaflets"]!.AsArray())
        {
            var id = (string)leaflet!["id"]!;
            if (!old.TryGetValue(id, out var previous))
            {
                changes.Add($"{id} added");
                continue;
            }
            if ((string)previous!["dateModified"]! != (string)leaflet["dateModified"]!)
            {
                changes.Add($"{id} dateModified {leaflet["dateModified"]}");
            }
            var oldVariants = previous["variants"]!.AsArray().ToDictionary(v => (string)v!["variant"]!);
            foreach (var variant in leaflet["variants"]!.AsArray())
            {
                var name = (string)variant!["variant"]!;
                var was = oldVariants[name]!;
                if ((string)was["contentHash"]! != (string)variant["contentHash"]!)
                {
                    changes.Add($"{id}/{name} contentHash");
                }
                if ((string)was["dateModified"]! != (string)variant["dateModified"]!)
                {
                    changes.Add($"{id}/{name} dateModified {variant["dateModified"]}");
                }
            }
        }
        changes.AddRange(old.Keys.Where(id => after["leaflets"]!.AsArray().All(l => (string)l!["id"]! != id)).Select(id => $"{id} removed"));
        return changes;
    }
}
