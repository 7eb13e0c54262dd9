using System.Net;
using System.Text.Json.Nodes;
using Leaflets.Storage.Content;
using Leaflets.Storage.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace Leaflets.Storage.Tests;

/// <summary>
/// In blob mode a leaflet's dateModified is when <c>publish</c> uploaded its changed files, as a partner polling
/// <c>/api/manifest</c> on a server over the container sees it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishedDateModifiedTests(Azurite azurite) : IDisposable
{
    private static readonly TimeSpan OneRefresh = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset FirstPublish = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly ContentFolder _content = new ContentFolder().WithLeaflet("wound-care").WithLeaflet("hand-washing", title: "Washing your hands");
    private readonly FakeTimeProvider _serverTime = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeTimeProvider _publishTime = new(FirstPublish);

    [Fact]
    public async Task A_published_change_moves_exactly_that_leaflets_date_and_hash_republishing_unchanged_moves_nothing_and_a_pruned_leaflet_is_gone()
    {
        var leaflets = azurite.NewContainer("dated");
        var publisher = new ContentPublisher(leaflets, _publishTime);
        await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        await using var server = await BlobServer.StartAsync(azurite.ConnectionString, leaflets, azurite.NewContainer("dated-pdf"), _serverTime);
        var first = await server.Client.GetAsync("/api/manifest");
        var published = Versions(await ReadAsync(first));
        Assert.Equal(
            ["hand-washing/plain 2026-03-02T09:30:00Z", "wound-care/plain 2026-03-02T09:30:00Z"],
            published.Select(entry => $"{entry.Key} {entry.Value.DateModified}"));

        _publishTime.Advance(TimeSpan.FromDays(1));
        var unchanged = await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        await OneRefreshLaterAsync(server);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/manifest");
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);

        Assert.Empty(unchanged.Uploaded);
        Assert.Equal(HttpStatusCode.NotModified, (await server.Client.SendAsync(revalidate)).StatusCode);

        _publishTime.Advance(TimeSpan.FromDays(1));
        _content.WithLeaflet("wound-care", version: 2, title: "Caring for your wound");
        await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        await OneRefreshLaterAsync(server);
        var changed = Versions(await ReadAsync(await server.Client.GetAsync("/api/manifest")));

        Assert.Equal(published["hand-washing/plain"], changed["hand-washing/plain"]);
        Assert.Equal("2026-03-04T09:30:00Z", changed["wound-care/plain"].DateModified);
        Assert.NotEqual(published["wound-care/plain"].ContentHash, changed["wound-care/plain"].ContentHash);

        _content.Remove("hand-washing");
        await publisher.PublishAsync(_content.Root, prune: true, CancellationToken.None);
        await OneRefreshLaterAsync(server);
        var pruned = Versions(await ReadAsync(await server.Client.GetAsync("/api/manifest")));

        Assert.Equal(["wound-care/plain"], pruned.Keys);
        Assert.Equal(changed["wound-care/plain"], pruned["wound-care/plain"]);
    }

    [Fact]
    public async Task Publish_records_its_time_in_each_uploaded_blobs_metadata_and_a_blob_without_it_is_dated_by_its_last_write()
    {
        var leaflets = azurite.NewContainer("metadata");
        await new ContentPublisher(leaflets, _publishTime).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        var uploadedElsewhere = leaflets.GetBlobClient("leaflets/hand-washing/plain.md");
        await uploadedElsewhere.UploadAsync(BinaryData.FromString(ContentFolder.Leaflet("Washing your hands", 3)), overwrite: true);
        var lastWrite = (await uploadedElsewhere.GetPropertiesAsync()).Value.LastModified;

        var files = await new BlobContentSource(leaflets).ReadAllAsync(CancellationToken.None);

        var recorded = (await leaflets.GetBlobClient("leaflets/wound-care/plain.md").GetPropertiesAsync()).Value.Metadata;
        Assert.Equal(FirstPublish, DateTimeOffset.Parse(recorded[BlobContentSource.DateModifiedMetadata], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(FirstPublish, files.Single(f => f.Path == "leaflets/wound-care/plain.md").LastModified);
        var truncated = new DateTimeOffset(lastWrite.UtcTicks - lastWrite.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        Assert.Equal(truncated, files.Single(f => f.Path == "leaflets/hand-washing/plain.md").LastModified);
    }

    private async Task OneRefreshLaterAsync(BlobServer server)
    {
        _serverTime.Advance(OneRefresh);
        (await server.Client.GetAsync("/api/health")).EnsureSuccessStatusCode();
        await server.Catalog.WhenRefreshedAsync();
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>"id/variant" → its content hash and dateModified, in id order.</summary>
    private static SortedDictionary<string, (string ContentHash, string DateModified)> Versions(JsonNode manifest) =>
        new(manifest["leaflets"]!.AsArray()
            .SelectMany(leaflet => leaflet!["variants"]!.AsArray().Select(variant => KeyValuePair.Create(
                $"{leaflet["id"]}/{variant!["variant"]}", ((string)variant["contentHash"]!, (string)variant["dateModified"]!))))
            .ToDictionary(), StringComparer.Ordinal);

    public void Dispose() => _content.Dispose();
}
