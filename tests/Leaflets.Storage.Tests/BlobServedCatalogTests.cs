using Azure.Storage.Blobs;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Text;
using Leaflets.Storage.Content;
using Leaflets.Storage.Publishing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Leaflets.Storage.Tests;

/// <summary>The catalog served from a container that an editor keeps publishing to, one refresh (60 s) at a time.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobServedCatalogTests(Azurite azurite) : IDisposable
{
    private static readonly TimeSpan OneRefresh = TimeSpan.FromSeconds(60);

    private readonly ContentFolder _content = new ContentFolder().WithLeaflet("wound-care").WithLeaflet("hand-washing", title: "Washing your hands");
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Published_leaflets_are_served_from_the_container()
    {
        var (_, source, catalog) = await PublishedAsync("serve");

        var snapshot = await catalog.GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(["hand-washing", "wound-care"], snapshot.Content.Leaflets.Keys);
        Assert.Empty(snapshot.Content.Problems.Where(p => p.Severity == ProblemSeverity.Error));
        Assert.StartsWith("blob:serve-", source.DisplayRoot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_leaflet_is_served_within_one_refresh_and_only_its_blob_is_downloaded_again()
    {
        var (container, source, catalog) = await PublishedAsync("change");
        // Without the compiled snapshot (PublishedSnapshotTests has it), so the catalog refreshes from the Markdown blobs.
        await container.GetBlobClient(Leaflets.Content.Snapshot.SnapshotFormat.BlobName).DeleteAsync();
        await catalog.GetSnapshotAsync(CancellationToken.None);
        var downloadsBefore = source.BlobsDownloaded;

        _content.WithLeaflet("wound-care", version: 2, title: "Caring for your wound");
        await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        var beforeRefresh = await catalog.GetSnapshotAsync(CancellationToken.None);
        var afterRefresh = await OneRefreshLaterAsync(catalog);

        Assert.Equal(1, beforeRefresh.Content.Leaflets["wound-care"].Plain.Metadata.Version);
        Assert.Equal(2, afterRefresh.Content.Leaflets["wound-care"].Plain.Metadata.Version);
        Assert.Equal("Caring for your wound", afterRefresh.Content.Leaflets["wound-care"].Plain.Metadata.Title);
        Assert.Equal(1, source.BlobsDownloaded - downloadsBefore);
    }

    [Fact]
    public async Task A_broken_new_version_leaves_the_last_good_version_served_and_the_error_reported()
    {
        var (container, _, catalog) = await PublishedAsync("broken");
        var good = (await catalog.GetSnapshotAsync(CancellationToken.None)).Content.Leaflets["wound-care"];

        // An editor bypasses publish (which would refuse it) and uploads a broken file straight to the container.
        await container.GetBlobClient("leaflets/wound-care/plain.md").UploadAsync(BinaryData.FromString(ContentFolder.BrokenLeaflet()), overwrite: true);
        var snapshot = await OneRefreshLaterAsync(catalog);

        Assert.Same(good, snapshot.Content.Leaflets["wound-care"]);
        Assert.Equal(["wound-care"], snapshot.ServingLastGood);
        Assert.Contains(snapshot.Content.Problems, p => p.Severity == ProblemSeverity.Error && p.Path.EndsWith("wound-care/plain.md", StringComparison.Ordinal));
        Assert.True(snapshot.Content.Leaflets.ContainsKey("hand-washing"));
    }

    [Fact]
    public async Task A_leaflet_deleted_from_the_container_is_no_longer_served_after_one_refresh()
    {
        var (container, _, catalog) = await PublishedAsync("delete");
        await catalog.GetSnapshotAsync(CancellationToken.None);

        _content.Remove("hand-washing");
        await new ContentPublisher(container).PublishAsync(_content.Root, prune: true, CancellationToken.None);
        var snapshot = await OneRefreshLaterAsync(catalog);

        Assert.Equal(["wound-care"], snapshot.Content.Leaflets.Keys);
    }

    [Fact]
    public async Task An_unchanged_container_is_not_downloaded_again_on_refresh_and_keeps_the_same_snapshot()
    {
        var (_, source, catalog) = await PublishedAsync("steady");
        await catalog.GetStateAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync(); // the compiled snapshot's check against the listing, started with the first load
        var first = await catalog.GetStateAsync(CancellationToken.None);
        var downloads = source.BlobsDownloaded;

        await OneRefreshLaterAsync(catalog);
        var second = await catalog.GetStateAsync(CancellationToken.None);

        Assert.Equal(downloads, source.BlobsDownloaded);
        Assert.Equal(first.LoadedAt + OneRefresh, second.LoadedAt);
        Assert.Same(first.Snapshot, second.Snapshot);
    }

    [Fact]
    public async Task The_repository_content_loads_from_blobs_exactly_as_from_disk()
    {
        var root = Path.Combine(RepositoryPaths.Root, "content");
        var container = azurite.NewContainer("repo");
        var summary = await new ContentPublisher(container).PublishAsync(root, prune: false, CancellationToken.None);
        Assert.False(summary.Refused, string.Join("\n", summary.Check.Problems));
        Assert.Contains(summary.Uploaded, path => path.EndsWith(".png", StringComparison.Ordinal));

        var fromDisk = LeafletLoader.Load("content", await new FileContentSource(root).ReadAllAsync(CancellationToken.None));
        var fromBlobs = LeafletLoader.Load("blob", await new BlobContentSource(container).ReadAllAsync(CancellationToken.None));

        Assert.NotEmpty(fromDisk.Leaflets);
        Assert.Equal(
            fromDisk.Leaflets.Values.SelectMany(l => l.Variants.Values).Select(d => (d.LeafletId, d.Variant, d.ContentHash)),
            fromBlobs.Leaflets.Values.SelectMany(l => l.Variants.Values).Select(d => (d.LeafletId, d.Variant, d.ContentHash)));
    }

    [Fact]
    public async Task While_the_container_cannot_be_read_the_leaflets_stay_served_loadedAt_stays_and_the_failure_is_reported()
    {
        var (container, _, catalog) = await PublishedAsync("outage");
        var loaded = await catalog.GetStateAsync(CancellationToken.None);

        await container.DeleteAsync();
        await OneRefreshLaterAsync(catalog);
        var during = await catalog.GetStateAsync(CancellationToken.None);

        Assert.Same(loaded.Snapshot, during.Snapshot);
        Assert.Equal(loaded.LoadedAt, during.LoadedAt);
        Assert.Equal(loaded.LoadedAt + OneRefresh, during.LastFailure?.At);
        Assert.Contains("does not exist", during.LastFailure?.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_over_the_size_cap_is_refused_from_the_listing_and_never_downloaded()
    {
        var (container, source, _) = await PublishedAsync("huge");
        await source.ReadAllAsync(CancellationToken.None);
        var downloads = source.BlobsDownloaded;
        await container.GetBlobClient("leaflets/huge/plain.md").UploadAsync(new BinaryData(new byte[ContentLimits.MaxFileBytes + 1]));

        var files = await source.ReadAllAsync(CancellationToken.None);

        var huge = Assert.Single(files, f => f.Path == "leaflets/huge/plain.md");
        Assert.Equal(ContentRules.FileTooLarge, huge.Refusal?.Rule);
        Assert.Empty(huge.Bytes);
        Assert.Equal(downloads, source.BlobsDownloaded);
    }

    [Fact]
    public async Task A_missing_container_is_reported_by_name()
    {
        var source = new BlobContentSource(azurite.NewContainer("missing"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => source.ReadAllAsync(CancellationToken.None));

        Assert.Contains("'missing-", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_strings_file_changes_the_words_served_and_one_removed_from_the_folder_is_removed_from_the_container()
    {
        // Test data: one Welsh word written for the test.
        var strings = Path.Combine(_content.Root, "strings");
        Directory.CreateDirectory(strings);
        await File.WriteAllTextAsync(Path.Combine(strings, "cy.json"), """{"leaflet": {"version": "Rhifyn prawf"}}""");
        var (container, _, catalog) = await PublishedAsync("strings");

        var published = await catalog.GetSnapshotAsync(CancellationToken.None);
        Assert.Equal("Rhifyn prawf", published.Content.Strings.For("cy").Leaflet.Version);
        Assert.Empty(published.Content.Problems);

        File.Delete(Path.Combine(strings, "cy.json"));
        await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        var removed = await OneRefreshLaterAsync(catalog);

        Assert.False((await container.GetBlobClient("strings/cy.json").ExistsAsync()).Value);
        Assert.Same(StringsLibrary.Embedded, removed.Content.Strings);
        Assert.Equal(["hand-washing", "wound-care"], removed.Content.Leaflets.Keys);
    }

    /// <summary>One refresh interval later, the request that finds the snapshot due and the background refresh it starts.</summary>
    private async Task<CatalogSnapshot> OneRefreshLaterAsync(LeafletCatalog catalog)
    {
        _time.Advance(OneRefresh);
        await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();
        return await catalog.GetSnapshotAsync(CancellationToken.None);
    }

    private async Task<(BlobContainerClient Container, BlobContentSource Source, LeafletCatalog Catalog)> PublishedAsync(string purpose)
    {
        var container = azurite.NewContainer(purpose);
        var summary = await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        Assert.False(summary.Refused, string.Join("\n", summary.Check.Problems));
        var source = new BlobContentSource(container);
        var options = Options.Create(new ContentOptions { RefreshSeconds = (int)OneRefresh.TotalSeconds });
        return (container, source, new LeafletCatalog(source, _time, NullLogger<LeafletCatalog>.Instance, options));
    }

    public void Dispose() => _content.Dispose();
}
