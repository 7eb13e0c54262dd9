using System.Net;
using System.Text.Json;
using Leaflets.Storage.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace Leaflets.Storage.Tests;

/// <summary>Servers over one Azurite account, as several Functions instances would run over one storage account.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScaledOutServerTests(Azurite azurite) : IDisposable
{
    private static readonly TimeSpan OneRefresh = TimeSpan.FromSeconds(60);

    private readonly ContentFolder _content = new ContentFolder().WithLeaflet("wound-care").WithLeaflet("hand-washing", title: "Washing your hands");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_pdf_rendered_by_one_server_is_served_by_another_without_rendering_again()
    {
        var (leaflets, pdfCache) = await PublishedAsync("shared");
        await using var first = await BlobServer.StartAsync(azurite.ConnectionString, leaflets, pdfCache, _time);
        await using var second = await BlobServer.StartAsync(azurite.ConnectionString, leaflets, pdfCache, _time);

        var fromFirst = await first.PdfAsync("wound-care");
        await first.Pdfs.Store!.WritesSettledAsync();
        var fromSecond = await second.PdfAsync("wound-care");
        await second.PdfAsync("wound-care");

        Assert.Equal(fromFirst, fromSecond);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(fromSecond, 0, 5), StringComparison.Ordinal);
        Assert.Equal((1, 0), (first.Pdfs.Renders, first.Pdfs.StoreHits));
        Assert.Equal((0, 1), (second.Pdfs.Renders, second.Pdfs.StoreHits));
        Assert.Single(await PublishingTests.BlobNamesAsync(pdfCache));
    }

    [Fact]
    public async Task Concurrent_requests_for_an_uncached_pdf_render_it_once_on_an_instance()
    {
        var (leaflets, pdfCache) = await PublishedAsync("concurrent");
        await using var server = await BlobServer.StartAsync(azurite.ConnectionString, leaflets, pdfCache, _time);

        var pdfs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => server.PdfAsync("wound-care"))));

        Assert.Single(pdfs.Select(Convert.ToBase64String).Distinct());
        Assert.Equal((1, 0), (server.Pdfs.Renders, server.Pdfs.StoreHits));
    }

    [Fact]
    public async Task A_published_change_reaches_the_json_and_the_pdf_within_one_refresh()
    {
        var (leaflets, pdfCache) = await PublishedAsync("update");
        await using var server = await BlobServer.StartAsync(azurite.ConnectionString, leaflets, pdfCache, _time);
        var oldPdf = await server.PdfAsync("wound-care");
        Assert.Equal("Looking after your wound", await TitleAsync(server));

        _content.WithLeaflet("wound-care", version: 2, title: "Caring for your wound");
        await new ContentPublisher(leaflets).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        await OneRefreshLaterAsync(server);

        Assert.Equal("Caring for your wound", await TitleAsync(server));
        var newPdf = await server.PdfAsync("wound-care");
        Assert.NotEqual(oldPdf, newPdf);
        Assert.Equal(2, server.Pdfs.Renders);
        await server.Pdfs.Store!.WritesSettledAsync();
        Assert.Equal(2, (await PublishingTests.BlobNamesAsync(pdfCache)).Count);
    }

    [Fact]
    public async Task A_broken_upload_keeps_the_last_good_version_online_and_health_marks_it_as_served_from_the_last_good_version()
    {
        var (leaflets, pdfCache) = await PublishedAsync("broken");
        await using var server = await BlobServer.StartAsync(azurite.ConnectionString, leaflets, pdfCache, _time);
        Assert.Equal("Looking after your wound", await TitleAsync(server));

        await leaflets.GetBlobClient("leaflets/wound-care/plain.md").UploadAsync(BinaryData.FromString(ContentFolder.BrokenLeaflet()), overwrite: true);
        await OneRefreshLaterAsync(server);

        Assert.Equal("Looking after your wound", await TitleAsync(server));
        using var health = JsonDocument.Parse(await server.Client.GetStringAsync("/api/health"));
        Assert.Equal("degraded", health.RootElement.GetProperty("status").GetString());
        var rejected = Assert.Single(health.RootElement.GetProperty("leaflets").GetProperty("rejected").EnumerateArray());
        Assert.Equal("wound-care", rejected.GetProperty("id").GetString());
        Assert.True(rejected.GetProperty("servingLastGood").GetBoolean());
        using var page = JsonDocument.Parse(await server.Client.GetStringAsync("/api/health/leaflets"));
        var loaded = page.RootElement.GetProperty("items").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("servingLastGood").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["hand-washing"] = false, ["wound-care"] = true }, loaded);
        Assert.Contains(rejected.GetProperty("errors").EnumerateArray(), e => e.GetString()!.StartsWith($"blob:{leaflets.Name}/leaflets/wound-care/plain.md:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_leaflet_pruned_from_the_container_is_404_after_one_refresh()
    {
        var (leaflets, pdfCache) = await PublishedAsync("pruned");
        await using var server = await BlobServer.StartAsync(azurite.ConnectionString, leaflets, pdfCache, _time);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/leaflets/hand-washing")).StatusCode);

        _content.Remove("hand-washing");
        await new ContentPublisher(leaflets).PublishAsync(_content.Root, prune: true, CancellationToken.None);
        await OneRefreshLaterAsync(server);

        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/api/leaflets/hand-washing")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/leaflets/wound-care")).StatusCode);
    }

    /// <summary>One refresh interval later: the first request finds the snapshot due and starts a background refresh, which is let finish.</summary>
    private async Task OneRefreshLaterAsync(BlobServer server)
    {
        // Moving the clock on would also fire the time limit of a PDF store call still under way: let those finish first.
        await server.Pdfs.Store!.WritesSettledAsync();
        _time.Advance(OneRefresh);
        (await server.Client.GetAsync("/api/leaflets")).EnsureSuccessStatusCode();
        await server.Catalog.WhenRefreshedAsync();
    }

    private static async Task<string?> TitleAsync(BlobServer server)
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/api/leaflets/wound-care"));
        return json.RootElement.GetProperty("title").GetString();
    }

    private async Task<(Azure.Storage.Blobs.BlobContainerClient Leaflets, Azure.Storage.Blobs.BlobContainerClient PdfCache)> PublishedAsync(string purpose)
    {
        var leaflets = azurite.NewContainer(purpose);
        var summary = await new ContentPublisher(leaflets).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        Assert.False(summary.Refused, string.Join("\n", summary.Check.Problems));
        return (leaflets, azurite.NewContainer(purpose + "-pdf"));
    }

    public void Dispose() => _content.Dispose();
}
