using Azure.Storage.Blobs.Models;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Search;
using Leaflets.Content.Snapshot;
using Leaflets.Storage.Content;
using Leaflets.Storage.Publishing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leaflets.Storage.Tests;

/// <summary><c>publish</c> leaves a compiled snapshot of the container beside it, uploaded after everything it names.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishedSnapshotTests(Azurite azurite) : IDisposable
{
    private readonly ContentFolder _content = new ContentFolder().WithLeaflet("wound-care").WithLeaflet("hand-washing", title: "Washing your hands");

    [Fact]
    public async Task Publish_uploads_the_snapshot_last_and_an_instance_starts_from_it_with_what_the_markdown_says()
    {
        var container = azurite.NewContainer("snapshot");
        await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);

        var blobs = new List<BlobItem>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            blobs.Add(blob);
        }
        var snapshotBlob = Assert.Single(blobs, blob => blob.Name == SnapshotFormat.BlobName);
        var source = new BlobContentSource(container);
        var markdown = LeafletLoader.Load(source.DisplayRoot, await source.ReadAllAsync(CancellationToken.None));
        using var catalog = new LeafletCatalog(new BlobContentSource(container), TimeProvider.System, NullLogger<LeafletCatalog>.Instance);
        var served = await catalog.GetSnapshotAsync(CancellationToken.None);
        var loaded = await served.LoadInFullAsync(served.Content.Leaflets["wound-care"], CancellationToken.None);
        await catalog.WhenRefreshedAsync();

        Assert.All(blobs.Where(blob => blob != snapshotBlob), blob => Assert.True(blob.Properties.LastModified <= snapshotBlob.Properties.LastModified, blob.Name));
        Assert.NotNull(served.Compiled);
        Assert.Same(served, await catalog.GetSnapshotAsync(CancellationToken.None)); // the listing matched it: still served
        Assert.Equal(
            markdown.Leaflets.Values.SelectMany(leaflet => leaflet.AllDocuments).Select(d => (d.SourcePath, d.ContentHash, d.DateModified, d.Metadata.Title)),
            served.Content.Leaflets.Values.SelectMany(leaflet => leaflet.AllDocuments).Select(d => (d.SourcePath, d.ContentHash, d.DateModified, d.Metadata.Title)));
        Assert.Equal(SearchableTexts.Of(markdown.Leaflets["wound-care"]), SearchableTexts.Of(loaded)); // every word of the body, read from its blob
        Assert.True(loaded.IsLoadedInFull);
    }

    [Fact]
    public async Task A_second_publish_replaces_the_snapshot_and_a_running_instance_takes_the_new_one_without_reading_the_markdown()
    {
        var container = azurite.NewContainer("republish");
        await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        var source = new BlobContentSource(container);
        using var catalog = new LeafletCatalog(source, TimeProvider.System, NullLogger<LeafletCatalog>.Instance,
            Microsoft.Extensions.Options.Options.Create(new ContentOptions { RefreshSeconds = 0 }));
        await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();

        _content.WithLeaflet("wound-care", version: 2, title: "Caring for your wound");
        await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        var reloaded = await catalog.ReloadAsync(CancellationToken.None);

        Assert.NotNull(reloaded.Compiled);
        Assert.Equal("Caring for your wound", reloaded.Content.Leaflets["wound-care"].Plain.Metadata.Title);
        Assert.Equal(0, source.BlobsDownloaded);
    }

    public void Dispose() => _content.Dispose();
}
