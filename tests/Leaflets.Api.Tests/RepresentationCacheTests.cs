using System.IO.Compression;
using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Catalog;
using Leaflets.Content.Rendering;
using Leaflets.Content.Search;
using Leaflets.Functions.Http;
using Leaflets.Functions.Site;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Leaflets.Api.Tests;

/// <summary>
/// Rendered JSON, JSON-LD, HTML, braille and EPUBs (and their codings), and the codings of PDFs, kept in memory by version: the same bytes,
/// bounded, never stale.
/// </summary>
public sealed class RepresentationCacheTests
{
    [Theory]
    [InlineData("/api/leaflets/bone-scan", null)]
    [InlineData("/api/leaflets/bone-scan", "br")]
    [InlineData("/api/leaflets/bone-scan", "gzip")]
    [InlineData("/api/leaflets/bone-scan/html?variant=easy-read", "br")]
    [InlineData("/leaflets/bone-scan", null)]
    [InlineData("/", "br")]
    [InlineData("/api/leaflets", null)]
    [InlineData("/api/leaflets?q=bone%20scan", "br")]
    [InlineData("/api/leaflets?topic=imaging&page=1&pageSize=5", "gzip")]
    [InlineData("/search?q=bone", "br")]
    [InlineData("/topics/bone-health", null)]
    [InlineData("/api/leaflets/bone-scan/pdf", "br")]
    [InlineData("/api/leaflets/bone-scan/braille?lang=cy", null)]
    [InlineData("/api/leaflets/bone-scan/braille?grade=1", "br")]
    [InlineData("/api/leaflets/bone-scan/epub", null)]
    public async Task A_second_request_is_answered_from_memory_with_the_same_bytes_and_etag_without_rendering_again(string route, string? coding)
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var cache = server.Services.GetRequiredService<RepresentationCache>();

        var first = await GetAsync(server, route, coding);
        var rendersAfterFirst = cache.Renders;
        var second = await GetAsync(server, route, coding);

        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Response.Headers.ETag, second.Response.Headers.ETag);
        Assert.Equal(coding, second.Response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Equal(1, rendersAfterFirst);
        Assert.Equal(1, cache.Renders);
        if (coding == "br")
        {
            // What is kept is the encoding of what a request without Accept-Encoding gets.
            var identity = await GetAsync(server, route, null);
            Assert.Equal(identity.Body, Decode(second.Body));
        }
    }

    [Fact]
    public async Task An_edited_leaflet_is_rendered_again_under_its_new_etag_never_served_stale_from_memory()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var before = await GetAsync(server, "/api/leaflets/bone-scan", "br");
        var plain = Path.Combine(sandbox.ContentRoot, "leaflets", "bone-scan", "plain.md");
        await File.WriteAllTextAsync(plain, (await File.ReadAllTextAsync(plain)).Replace("title: Having a bone scan", "title: Having your bone scan", StringComparison.Ordinal));
        await server.Services.GetRequiredService<LeafletCatalog>().ReloadAsync(CancellationToken.None);

        var after = await GetAsync(server, "/api/leaflets/bone-scan", "br");

        Assert.NotEqual(before.Response.Headers.ETag, after.Response.Headers.ETag);
        Assert.Contains("Having your bone scan", System.Text.Encoding.UTF8.GetString(Decode(after.Body)), StringComparison.Ordinal);
        Assert.Equal(2, server.Services.GetRequiredService<RepresentationCache>().Renders);
    }

    [Theory]
    [InlineData("/api/leaflets")]
    [InlineData("/api/leaflets?q=bone")]
    [InlineData("/search?q=bone")]
    [InlineData("/topics/bone-health")]
    [InlineData("/")]
    public async Task A_page_of_a_list_after_a_refresh_shows_the_new_snapshot_never_the_page_kept_from_the_old_one(string route)
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var before = await GetAsync(server, route, null);
        var plain = Path.Combine(sandbox.ContentRoot, "leaflets", "bone-scan", "plain.md");
        await File.WriteAllTextAsync(plain, (await File.ReadAllTextAsync(plain)).Replace("title: Having a bone scan", "title: Having your bone scan", StringComparison.Ordinal));
        await server.Services.GetRequiredService<LeafletCatalog>().ReloadAsync(CancellationToken.None);

        var after = await GetAsync(server, route, null);
        var again = await GetAsync(server, route, null);

        Assert.Contains("Having a bone scan", System.Text.Encoding.UTF8.GetString(before.Body), StringComparison.Ordinal);
        Assert.Contains("Having your bone scan", System.Text.Encoding.UTF8.GetString(after.Body), StringComparison.Ordinal);
        Assert.NotEqual(before.Response.Headers.ETag, after.Response.Headers.ETag);
        // The tag is taken over the bytes, so the page kept for the new snapshot answers with the same bytes and tag.
        Assert.Equal(after.Body, again.Body);
        Assert.Equal(after.Response.Headers.ETag, again.Response.Headers.ETag);
        Assert.Equal(RepresentationVersions.OfBytes(after.Body), after.Response.Headers.ETag!.Tag.Trim('"'));
    }

    [Fact]
    public void The_cache_holds_no_more_bytes_than_its_bound_codings_included_and_evicts_the_least_recently_used_first()
    {
        var cache = new RepresentationCache(Options.Create(new RepresentationCacheOptions { MaxBytes = 10_000 }));
        var bodies = Enumerable.Range(0, 4).Select(i => Enumerable.Repeat((byte)('a' + i), 4_000).ToArray()).ToList();

        cache.GetOrRender("a", () => bodies[0]);
        cache.GetOrRender("b", () => bodies[1]);
        cache.GetOrRender("a", () => throw new InvalidOperationException("a is kept"));
        cache.GetOrRender("c", () => bodies[2]);

        Assert.Equal(2, cache.Count);
        Assert.Equal(8_000, cache.TotalBytes);
        Assert.Equal(bodies[0], Kept(cache, "a"));
        Assert.Equal(3, cache.Renders);
        cache.GetOrRender("b", () => bodies[1]);
        Assert.Equal(4, cache.Renders);

        // A coding counts against the bound as soon as it is made.
        var brotli = cache.GetOrRender("b", () => bodies[1]).In(ContentCoding.Brotli);
        Assert.Equal(8_000 + brotli.Length, cache.TotalBytes);
        Assert.True(cache.TotalBytes <= 10_000);

        // A body larger than the whole bound is served, not kept.
        Assert.Equal(10_001, cache.GetOrRender("huge", () => new byte[10_001]).Identity.Length);
        Assert.Equal(2, cache.Count);
        Assert.True(cache.TotalBytes <= 10_000);
    }

    [Fact]
    public async Task A_kept_body_is_answered_without_reading_what_it_was_rendered_from_and_a_body_not_kept_reads_it_once()
    {
        var cache = new RepresentationCache(Options.Create(new RepresentationCacheOptions { MaxBytes = 10_000 }));
        var reads = 0;
        async ValueTask<byte[]> ReadThenRender()
        {
            Interlocked.Increment(ref reads);
            await Task.Yield();
            return [1, 2, 3];
        }

        var first = await cache.GetOrRenderAsync("a", ReadThenRender);
        var second = await cache.GetOrRenderAsync("a", () => throw new InvalidOperationException("a is kept: nothing is read"));

        Assert.Equal(1, reads);
        Assert.Equal(1, cache.Renders);
        Assert.Same(first, second);
        Assert.Equal([1, 2, 3], second.Identity.ToArray());
    }

    [Fact]
    public async Task List_keys_of_different_parts_differ_even_when_the_parts_joined_read_the_same_and_never_look_like_a_version()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var snapshot = await server.Services.GetRequiredService<LeafletCatalog>().GetSnapshotAsync(CancellationToken.None);
        var today = new DateOnly(2026, 12, 3);

        var key = RepresentationCache.ListKey("application/json;leaflet-list", snapshot, today, "bone\nscan", "http://a");
        var moved = RepresentationCache.ListKey("application/json;leaflet-list", snapshot, today, "bone", "scan\nhttp://a");
        var again = RepresentationCache.ListKey("application/json;leaflet-list", snapshot, today, "bone\nscan", "http://a");
        var tomorrow = RepresentationCache.ListKey("application/json;leaflet-list", snapshot, today.AddDays(1), "bone\nscan", "http://a");
        var longWords = RepresentationCache.ListKey("application/json;leaflet-list", snapshot, today, new string('x', 2000), "http://a");

        Assert.NotEqual(key, moved);
        Assert.NotEqual(key, tomorrow);
        Assert.Equal(key, again);
        Assert.Contains(new string('x', 2000), longWords, StringComparison.Ordinal);
        // Version keys (RepresentationVersions) are hexadecimal; a list key shares the cache with them.
        Assert.DoesNotMatch("^[0-9a-f]+$", key);
    }

    [Fact]
    public async Task A_kept_page_of_a_list_is_answered_without_finding_it_again_and_a_page_rendered_as_none_is_not_kept()
    {
        var cache = new RepresentationCache(Options.Create(new RepresentationCacheOptions { MaxBytes = 10_000 }));
        var finds = 0;
        ValueTask<SearchPage> Find()
        {
            Interlocked.Increment(ref finds);
            return ValueTask.FromResult(LeafletSearch.List([], LeafletQuery.Default));
        }

        var notShown = await cache.GetOrRenderPageAsync("past-the-last", Find, _ => null);
        var first = await cache.GetOrRenderPageAsync("page", Find, _ => [1, 2, 3]);
        var second = await cache.GetOrRenderPageAsync("page",
            () => throw new InvalidOperationException("the page is kept: nothing is found"), _ => throw new InvalidOperationException("nor rendered"));
        var notShownAgain = await cache.GetOrRenderPageAsync("past-the-last", Find, _ => null);

        Assert.Null(notShown);
        Assert.Null(notShownAgain);
        Assert.Equal(3, finds); // the page once; the one not shown each time, as nothing of it was kept
        Assert.Same(first, second);
        Assert.Equal(1, cache.Renders);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task A_kept_site_search_page_is_answered_without_searching_again_and_a_page_past_the_last_is_the_404_and_kept_by_no_one()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var routes = server.Services.GetRequiredService<SiteRoutes>();
        var cache = server.Services.GetRequiredService<RepresentationCache>();
        var snapshot = await routes.Catalog.GetSnapshotAsync(CancellationToken.None);
        var searches = 0;
        async Task<(int Status, string Body, string ETag)> ListPageAsync(int page)
        {
            var context = DirectCall.Request("GET", "/search", $"?q=scan&page={page}", accept: "text/html");
            var urls = routes.UrlsFor(context.Request);
            var (language, _) = await routes.ChooseSiteLanguageAsync(context.Request, urls, links => links.Search("scan", page), CancellationToken.None);
            var query = LeafletQuery.Default with { Words = ["scan"], Page = page };
            var answer = await routes.ListPageAsync(context.Request, urls, language!, routes.ListKey("text/html;test", snapshot, query, language!, urls),
                () => { Interlocked.Increment(ref searches); return snapshot.SearchAsync(query, CancellationToken.None); },
                found => $"<p>{found.Total} found</p>");
            var (status, body) = await DirectCall.ExecuteAsync(context, answer);
            return (status, body, context.Response.Headers.ETag.ToString());
        }

        var first = await ListPageAsync(1);
        var second = await ListPageAsync(1);
        var searchesForPageOne = searches;
        var keptAfterPageOne = cache.Count;
        var pastTheLast = await ListPageAsync(99);
        var pastTheLastAgain = await ListPageAsync(99);

        Assert.Equal(200, first.Status);
        Assert.Equal(first, second);
        Assert.False(string.IsNullOrEmpty(first.ETag));
        Assert.Equal(1, searchesForPageOne);
        Assert.Equal(404, pastTheLast.Status);
        Assert.Equal(404, pastTheLastAgain.Status);
        Assert.Equal(3, searches); // the page past the last searched each time, as nothing of it was kept
        Assert.Equal(keptAfterPageOne, cache.Count);
    }

    [Fact]
    public void With_a_bound_of_zero_every_request_renders()
    {
        var cache = new RepresentationCache(Options.Create(new RepresentationCacheOptions { MaxBytes = 0 }));

        cache.GetOrRender("a", () => [1, 2, 3]);
        cache.GetOrRender("a", () => [1, 2, 3]);

        Assert.Equal(2, cache.Renders);
        Assert.Equal(0, cache.Count);
    }

    private static byte[] Kept(RepresentationCache cache, string version)
        => cache.GetOrRender(version, () => throw new InvalidOperationException($"{version} is not kept")).Identity.ToArray();

    private static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(RunningServer server, string route, string? coding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Accept.ParseAdd(route.EndsWith("/pdf", StringComparison.Ordinal) ? "application/pdf"
            : route.Contains("/braille", StringComparison.Ordinal) ? "text/plain"
            : route.EndsWith("/epub", StringComparison.Ordinal) ? "application/epub+zip"
            : route.Contains("/api/leaflets/bone-scan/html", StringComparison.Ordinal) || !route.StartsWith("/api", StringComparison.Ordinal) ? "text/html"
            : "application/json");
        if (coding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(coding);
        }
        var response = await server.Client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static byte[] Decode(byte[] brotli)
    {
        using var output = new MemoryStream();
        using (var decoder = new BrotliStream(new MemoryStream(brotli), CompressionMode.Decompress))
        {
            decoder.CopyTo(output);
        }
        return output.ToArray();
    }
}
