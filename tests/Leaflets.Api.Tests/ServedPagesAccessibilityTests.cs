using System.Text.Json;
using System.Text.Json.Nodes;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Tests;
using Leaflets.Content.Catalog;
using Leaflets.Content.Model;
using Leaflets.Content.Search;
using Microsoft.Extensions.DependencyInjection;
using Leaflets.Content.Tests.Html;

namespace Leaflets.Api.Tests;

/// <summary>
/// The pages as <c>leaflets serve</c> serves them, over the real content: axe-core (WCAG 2.2 A and AA) in Debian's
/// headless Chromium over every leaflet and variant the API lists, failing on any violation. A missing node,
/// node_modules or browser fails with the fix in the message.
/// </summary>
public sealed class ServedPagesAccessibilityTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(TestPaths.RepositoryContent);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_served_leaflet_page_in_every_variant_and_every_site_page_type_has_no_axe_violations()
    {
        var pages = (await PageUrlsAsync()).Concat(await SitePageUrlsAsync()).ToList();
        Assert.NotEmpty(pages);
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium), as scripts/test.sh does.");
        }

        // Node runs while this thread waits, so the server answers Chromium from the thread pool.
        var result = await Task.Run(() => NodeScripts.Run("axe.mjs", pages, TimeSpan.FromMinutes(5)));

        Assert.True(result.ExitCode is 0 or 1, $"axe.mjs could not check the served pages (exit {result.ExitCode}): {result.Error}");
        using var report = JsonDocument.Parse(result.Output);
        var checkedPages = report.RootElement.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(pages.Count, checkedPages.Count);
        Assert.All(checkedPages, page => Assert.True(page.GetProperty("rulesRun").GetInt32() > 20, "axe ran suspiciously few rules"));
        var violations = checkedPages.SelectMany(page => page.GetProperty("violations").EnumerateArray().Select(v =>
            $"{page.GetProperty("page").GetString()}: {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at " +
            string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("target").GetString())))).ToList();
        Assert.True(violations.Count == 0, "axe-core found WCAG violations in served pages:\n" + string.Join('\n', violations));
        var blocked = checkedPages.SelectMany(page => page.GetProperty("blockedByContentSecurityPolicy").EnumerateArray()
            .Select(message => $"{page.GetProperty("page").GetString()}: {message.GetString()}")).ToList();
        Assert.True(blocked.Count == 0, "The pages' own Content-Security-Policy blocked something of theirs:\n" + string.Join('\n', blocked));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Every_served_page_and_json_ld_description_parses_and_is_in_british_english()
    {
        foreach (var url in await PageUrlsAsync())
        {
            var page = HtmlPage.Parse(await _server.Client.GetStringAsync(url));
            Assert.Equal("en-GB", page.Root!.Attr("lang"));
            Assert.Single(page.All("h1"));

            using var request = new HttpRequestMessage(HttpMethod.Get, url.Replace("/html?", "?", StringComparison.Ordinal));
            request.Headers.Add("Accept", "application/ld+json");
            var response = await _server.Client.SendAsync(request);
            Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
            var description = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("MedicalWebPage", (string)description["@type"]!);
            Assert.Equal("en-GB", (string)description["inLanguage"]!);
            Assert.Equal(url, (string)description["url"]!);
        }
    }

    /// <summary>
    /// The website: home, search with results, without and with no words, every topic, every leaflet in every variant
    /// and language, the site's own pages in Welsh too, and the 404 and 400 pages (written <c>404@url</c> for axe.mjs,
    /// which then expects that status).
    /// </summary>
    private async Task<List<string>> SitePageUrlsAsync()
    {
        var list = await ApiJson.ReadAsync(await _server.Client.GetAsync("/api/leaflets?pageSize=100"));
        var items = list["items"]!.AsArray();
        var snapshot = await _server.Services.GetRequiredService<LeafletCatalog>().GetSnapshotAsync(CancellationToken.None);
        var topics = Topics.Of(snapshot.Content.Leaflets.Values).Select(topic => topic.Slug);
        var site = _server.Address.ToString();
        return
        [
            site, $"{site}search?q=bone+cement", $"{site}search?q=zebra", $"{site}search",
            .. topics.Select(slug => $"{site}topics/{Uri.EscapeDataString(slug)}"),
            .. items.SelectMany(item => item!["variants"]!.AsArray().Select(variant => (string)variant! == "plain"
                ? $"{site}leaflets/{(string)item["id"]!}"
                : $"{site}leaflets/{(string)item["id"]!}?variant={(string)variant!}")),
            $"404@{site}no/such/page", $"400@{site}search?q=bone&page=0",
            // The site's own pages in Welsh, and the 404 page that lists the languages a page is in.
            $"{site}?lang=cy", $"{site}search?q=bone+cement&lang=cy", $"{site}search?q=zebra&lang=cy", $"{site}search?lang=cy",
            .. topics.Select(slug => $"{site}topics/{Uri.EscapeDataString(slug)}?lang=cy"),
            $"404@{site}no/such/page?lang=cy", $"404@{site}?lang=fr",
            .. snapshot.Content.Leaflets.Values.SelectMany(leaflet => leaflet.Translations.SelectMany(translation => translation.Value.Keys.Select(variant =>
                $"{site}leaflets/{leaflet.Id}?variant={variant.Slug()}&lang={Uri.EscapeDataString(translation.Key)}"))),
        ];
    }

    /// <summary>Every leaflet and variant, discovered from the list the API serves, as HTML page URLs.</summary>
    private async Task<List<string>> PageUrlsAsync()
    {
        var list = await ApiJson.ReadAsync(await _server.Client.GetAsync("/api/leaflets?pageSize=100"));
        Assert.Equal((int)list["total"]!, list["items"]!.AsArray().Count);
        return [.. list["items"]!.AsArray().SelectMany(item => item!["variants"]!.AsArray().Select(variant =>
            $"{_server.Address}api/leaflets/{(string)item["id"]!}/html?variant={(string)variant!}"))];
    }
}
