using Azure.Storage.Blobs.Models;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Search;
using Leaflets.Content.Snapshot;
using Leaflets.Content.Tests;
using Leaflets.Storage.Content;
using Leaflets.Storage.Publishing;
using Microsoft.Extensions.Logging.Abstractions;
using static Leaflets.Content.Tests.CatalogWaits;

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
    public async Task A_published_snapshot_answers_one_leaflet_from_ranged_reads_of_its_header_its_head_and_that_leaflets_chunk()
    {
        var container = azurite.NewContainer("ranged");
        await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        var blob = (await ((IContentSource)new BlobContentSource(container)).OpenSnapshotAsync(CancellationToken.None))!;
        var file = new RecordedReads(blob);

        var (opened, reason) = await ContentSnapshot.OpenAsync(file, toRoot: null, CancellationToken.None);
        var found = await opened!.FindAsync("wound-care", CancellationToken.None);

        Assert.Null(reason);
        Assert.Equal("Looking after your wound", found!.Shell.Plain.Metadata.Title);
        Assert.Equal(3, file.Reads.Count); // the header, the head, the one chunk: not the search index
        Assert.Equal(0, file.Reads[0].Offset);
        Assert.True(file.Reads.Sum(read => (long)read.Length) < blob.Length / 2, $"{file.Reads.Sum(read => (long)read.Length)} of {blob.Length} bytes read");
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

    [Fact]
    public async Task A_snapshot_replaced_between_its_metadata_and_its_index_is_never_mixed_and_the_new_one_is_read_again()
    {
        var container = azurite.NewContainer("replaced");
        await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        // An opening download of the header alone: the head and the index are read past it, as a library's are.
        var source = new ReplacingSource(new BlobContentSource(container, snapshotOpeningBytes: 160), async () =>
        {
            _content.WithLeaflet("wound-care", version: 2, title: "Caring for your wound");
            await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        });
        using var indexes = new TemporaryFolder();
        using var catalog = new LeafletCatalog(source, TimeProvider.System, NullLogger<LeafletCatalog>.Instance,
            Microsoft.Extensions.Options.Options.Create(new ContentOptions { SearchIndexFolder = indexes.Path }));

        var first = await catalog.GetSnapshotAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ContentNotLoadedException>(() => first.SearchAsync(LeafletQuery.Default, CancellationToken.None).AsTask());
        var served = await WhenServedAsync(catalog, snapshot => snapshot != first && snapshot.SearchIsBuilt);

        Assert.Equal("Looking after your wound", first.Content.Leaflets["wound-care"].Plain.Metadata.Title);
        Assert.Contains("replaced", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(served.Compiled); // the new snapshot, read again from its start: not the Markdown
        Assert.Equal("Caring for your wound", served.Content.Leaflets["wound-care"].Plain.Metadata.Title);
        Assert.Equal(2, source.Opened);
    }

    [Fact]
    public async Task A_damaged_index_section_in_the_blob_is_never_searched_and_the_markdown_is_loaded_instead()
    {
        var container = azurite.NewContainer("damaged");
        await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        var blob = container.GetBlobClient(SnapshotFormat.BlobName);
        var bytes = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        var indexOffset = BitConverter.ToInt64(bytes, 16 + (2 * 48)); // the third row of the section table: the search index
        bytes[(int)indexOffset + 10] ^= 0x20;
        await blob.UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
        using var indexes = new TemporaryFolder();
        using var catalog = new LeafletCatalog(new BlobContentSource(container), TimeProvider.System, NullLogger<LeafletCatalog>.Instance,
            Microsoft.Extensions.Options.Options.Create(new ContentOptions { SearchIndexFolder = indexes.Path }));

        var first = await catalog.GetSnapshotAsync(CancellationToken.None);
        await Assert.ThrowsAsync<ContentNotLoadedException>(() => first.SearchAsync(LeafletQuery.Default, CancellationToken.None).AsTask());
        var served = await WhenServedAsync(catalog, snapshot => snapshot.Compiled is null);

        Assert.NotNull(first.Compiled);
        Assert.Null(served.Compiled);
        Assert.NotNull(await served.SearchAsync(LeafletQuery.Default, CancellationToken.None));
        Assert.Equal(["hand-washing", "wound-care"], served.Content.Leaflets.Keys);
    }

    /// <summary>The blob source, whose first snapshot is replaced (<paramref name="replace"/>) after its header and metadata are read.</summary>
    private sealed class ReplacingSource(BlobContentSource inner, Func<Task> replace) : IContentSource
    {
        private int _opened;

        public int Opened => Volatile.Read(ref _opened);

        public string DisplayRoot => inner.DisplayRoot;

        public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken) => ((IContentSource)inner).ReadAllAsync(cancellationToken);

        public IAsyncEnumerable<ContentListing> ListAsync(CancellationToken cancellationToken) => ((IContentSource)inner).ListAsync(cancellationToken);

        public Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken) => ((IContentSource)inner).ReadFileAsync(path, cancellationToken);

        public async Task<ISnapshotFile?> OpenSnapshotAsync(CancellationToken cancellationToken)
        {
            var file = await ((IContentSource)inner).OpenSnapshotAsync(cancellationToken);
            return Interlocked.Increment(ref _opened) == 1 && file is not null ? new ReplacedAfterMetadata(file, replace) : file;
        }
    }

    /// <summary>A snapshot file that records the range of every read.</summary>
    private sealed class RecordedReads(ISnapshotFile inner) : ISnapshotFile
    {
        public List<(long Offset, int Length)> Reads { get; } = [];

        public long Length => inner.Length;

        public Task<byte[]> ReadAsync(long offset, int length, CancellationToken cancellationToken)
        {
            lock (Reads)
            {
                Reads.Add((offset, length));
            }
            return inner.ReadAsync(offset, length, cancellationToken);
        }

        public void Dispose() => inner.Dispose();
    }

    private sealed class ReplacedAfterMetadata(ISnapshotFile inner, Func<Task> replace) : ISnapshotFile
    {
        private int _reads;

        public long Length => inner.Length;

        public async Task<byte[]> ReadAsync(long offset, int length, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _reads) == 4) // the header, the head, the one chunk of leaflets, then the index
            {
                await replace();
            }
            return await inner.ReadAsync(offset, length, cancellationToken);
        }

        public void Dispose() => inner.Dispose();
    }


    public void Dispose() => _content.Dispose();
}
