using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

[Collection(ServerCollection.Name)]
public sealed class HealthTests(FixtureServer fixture)
{
    [Fact]
    public async Task Health_reports_the_broken_leaflet_with_its_errors_while_the_others_are_served()
    {
        var response = await fixture.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await ApiJson.ReadAsync(response);
        Assert.Equal("degraded", (string)health["status"]!);
        Assert.Equal(2, (int)health["totals"]!["loaded"]!);
        Assert.Equal(1, (int)health["totals"]!["rejected"]!);
        var loaded = await ApiJson.HealthLeafletsAsync(fixture.Client);
        Assert.Equal(["blood-test", "bone-scan"], loaded.Select(l => (string)l!["id"]!));
        Assert.Equal(["plain", "easy-read"], loaded[1]!["variants"]!.AsArray().Select(v => (string)v!));
        var rejected = health["leaflets"]!["rejected"]!.AsArray().Single()!;
        Assert.Equal("broken-leaflet", (string)rejected["id"]!);
        Assert.False((bool)rejected["servingLastGood"]!);
        Assert.All(loaded, l => Assert.False((bool)l!["servingLastGood"]!));
        var errors = rejected["errors"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, error => Assert.Matches(@"^.*leaflets/broken-leaflet/plain\.md:\d+: [^:]+: .+$", error));
        Assert.True(DateTimeOffset.TryParse((string)health["loadedAt"]!, out _));

        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync("/api/leaflets/blood-test")).StatusCode);
    }

    [Fact]
    public async Task Health_is_ok_when_every_leaflet_loads()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var content = sandbox.ContentRoot;
        Directory.Delete(Path.Combine(content, "leaflets", "broken-leaflet"), recursive: true);
        await using var server = await RunningServer.StartAsync(content);

        var health = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/health"));

        Assert.Equal("ok", (string)health["status"]!);
        Assert.Empty(health["leaflets"]!["rejected"]!.AsArray());
    }

    [Fact]
    public async Task Health_totals_follow_the_catalog_when_leaflets_are_removed_after_health_was_asked()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var before = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/health"));
        Assert.Equal((2, 1), ((int)before["totals"]!["loaded"]!, (int)before["totals"]!["rejected"]!));

        // The loaded and rejected leaflets are kept per content: a reload with one of each gone must not answer the old ones.
        Directory.Delete(Path.Combine(sandbox.ContentRoot, "leaflets", "bone-scan"), recursive: true);
        Directory.Delete(Path.Combine(sandbox.ContentRoot, "leaflets", "broken-leaflet"), recursive: true);
        await server.Services.GetRequiredService<LeafletCatalog>().ReloadAsync(CancellationToken.None);

        var after = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/health"));
        Assert.Equal((1, 0), ((int)after["totals"]!["loaded"]!, (int)after["totals"]!["rejected"]!));
        Assert.Empty(after["leaflets"]!["rejected"]!.AsArray());
        Assert.Equal(["blood-test"], (await ApiJson.HealthLeafletsAsync(server.Client)).Select(l => (string)l!["id"]!));
    }

    [Fact]
    public async Task Health_lists_a_leaflets_languages_and_a_new_translation_is_linked_from_its_main_language_whose_text_is_unchanged()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var folder = Path.Combine(sandbox.ContentRoot, "leaflets", "blood-test");
        var before = await server.Client.GetAsync("/api/leaflets/blood-test");
        // A synthetic translation for the loader: the main file with its language changed, not a Welsh text.
        var translation = (await File.ReadAllTextAsync(Path.Combine(folder, "plain.md"))).Replace("language: en-GB", "language: cy", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "plain.cy.md"), translation);
        await server.Services.GetRequiredService<LeafletCatalog>().ReloadAsync(CancellationToken.None);

        var loaded = await ApiJson.HealthLeafletsAsync(server.Client);
        var after = await server.Client.GetAsync("/api/leaflets/blood-test");

        Assert.Equal(["en-GB", "cy"], loaded.Single(l => (string)l!["id"]! == "blood-test")!["languages"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["en-GB", "cy"], loaded.Single(l => (string)l!["id"]! == "bone-scan")!["languages"]!.AsArray().Select(l => (string)l!));
        // The main language's JSON now lists and links the translation, so it is a new version; its text is the same.
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        var (old, now) = (await ApiJson.ReadAsync(before), await ApiJson.ReadAsync(after));
        Assert.Equal(["en-GB", "cy"], now["languages"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(old["blocks"]!.ToJsonString(), now["blocks"]!.ToJsonString());
        Assert.Equal(old["contentHash"]!.ToJsonString(), now["contentHash"]!.ToJsonString());
    }

    [Fact]
    public async Task A_leaflet_whose_new_version_fails_validation_is_marked_as_served_from_its_last_good_version_and_degrades_the_status()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        Directory.Delete(Path.Combine(sandbox.ContentRoot, "leaflets", "broken-leaflet"), recursive: true);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var plain = Path.Combine(sandbox.ContentRoot, "leaflets", "blood-test", "plain.md");
        var goodTitle = (string)(await ApiJson.ReadAsync(await server.Client.GetAsync("/api/leaflets/blood-test")))["title"]!;
        await File.AppendAllTextAsync(plain, "\n# A second title is not allowed\n");
        await server.Services.GetRequiredService<LeafletCatalog>().ReloadAsync(CancellationToken.None);

        var response = await server.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await ApiJson.ReadAsync(response);
        Assert.Equal("degraded", (string)health["status"]!);
        Assert.Equal(1, (int)health["totals"]!["servingLastGood"]!);
        var failing = health["leaflets"]!["failing"]!.AsArray().Single()!;
        Assert.Equal("blood-test", (string)failing["id"]!);
        Assert.True((bool)failing["servingLastGood"]!);
        var loaded = await ApiJson.HealthLeafletsAsync(server.Client);
        Assert.Equal(["blood-test", "bone-scan"], loaded.Select(l => (string)l!["id"]!));
        Assert.True((bool)loaded[0]!["servingLastGood"]!);
        Assert.False((bool)loaded[1]!["servingLastGood"]!);
        var rejected = health["leaflets"]!["rejected"]!.AsArray().Single()!;
        Assert.Equal("blood-test", (string)rejected["id"]!);
        Assert.True((bool)rejected["servingLastGood"]!);
        Assert.Contains(rejected["errors"]!.AsArray(), e => ((string)e!).Contains("leaflets/blood-test/plain.md:"));
        Assert.Equal(goodTitle, (string)(await ApiJson.ReadAsync(await server.Client.GetAsync("/api/leaflets/blood-test")))["title"]!);
    }

    [Fact]
    public async Task The_health_leaflets_pages_list_every_leaflet_uncached_and_refuse_a_page_that_is_not_a_whole_number_or_past_the_last()
    {
        var first = await fixture.Client.GetAsync("/api/health/leaflets");
        var same = await fixture.Client.GetAsync("/api/health/leaflets?page=1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("no-store", first.Headers.CacheControl!.ToString());
        var page = await ApiJson.ReadAsync(first);
        Assert.Equal((1, 1, 100, 2), ((int)page["page"]!, (int)page["pageCount"]!, (int)page["pageSize"]!, (int)page["total"]!));
        Assert.Equal(["blood-test", "bone-scan"], page["items"]!.AsArray().Select(l => (string)l!["id"]!));
        Assert.Equal(page.ToJsonString(), (await ApiJson.ReadAsync(same)).ToJsonString());
        foreach (var notAPage in new[] { "0", "-1", "two", "1.5", "", "99999999999" })
        {
            var problem = await ApiJson.AssertProblemAsync(await fixture.Client.GetAsync($"/api/health/leaflets?page={notAPage}"), HttpStatusCode.BadRequest);
            Assert.Contains("page must be a whole number from 1 upwards", (string)problem["detail"]!, StringComparison.Ordinal);
        }
        var past = await ApiJson.AssertProblemAsync(await fixture.Client.GetAsync("/api/health/leaflets?page=2"), HttpStatusCode.NotFound);
        Assert.Equal("There is no page 2: the list has 1 page.", (string)past["detail"]!);
        await ApiJson.AssertProblemAsync(await fixture.Client.GetAsync("/api/health/leaflets?pageSize=5"), HttpStatusCode.BadRequest);
    }
}
