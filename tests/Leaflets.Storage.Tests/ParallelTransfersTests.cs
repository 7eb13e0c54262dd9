using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Snapshot;
using Leaflets.Storage.Content;
using Leaflets.Storage.Publishing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leaflets.Storage.Tests;

/// <summary>
/// Publish uploads, and a blob-mode read downloads, many blobs at once but never more than their bound, and the result
/// is what one at a time gave: the same files in the same order, images uploaded before any text.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ParallelTransfersTests(Azurite azurite)
{
    private static readonly string RepositoryContent = Path.Combine(RepositoryPaths.Root, "content");

    [Fact]
    public async Task Publish_uploads_files_many_at_once_within_its_bound_and_every_image_before_any_text()
    {
        var recorder = new InFlightRecorder("PUT");
        var container = ContainerSeenBy(recorder, "parallel-up");

        var summary = await new ContentPublisher(container).PublishAsync(RepositoryContent, prune: false, CancellationToken.None);

        Assert.False(summary.Refused, string.Join("\n", summary.Check.Problems));
        var text = summary.Uploaded.Where(IsMarkdown).ToList();
        var images = summary.Uploaded.Where(path => !IsMarkdown(path)).ToList();
        Assert.True(images.Count > ContentPublisher.ParallelUploads, $"only {images.Count} images: too few to need the bound");
        Assert.NotEmpty(text);
        // The summary lists the uploads in the order they were made: images, then text, each by path.
        Assert.Equal(string.Join("\n", [.. images.Order(StringComparer.Ordinal), .. text.Order(StringComparer.Ordinal)]), string.Join("\n", summary.Uploaded));
        Assert.InRange(recorder.MostAtOnce, 2, ContentPublisher.ParallelUploads);
        var events = recorder.Events.ToList();
        var lastImageDone = events.FindLastIndex(e => !e.Started && !IsMarkdown(e.Path));
        var firstTextStarted = events.FindIndex(e => e.Started && IsMarkdown(e.Path));
        Assert.True(lastImageDone < firstTextStarted, "a Markdown file began uploading before every image was there");
    }

    [Fact]
    public async Task A_read_downloads_blobs_many_at_once_within_its_bound_and_gives_what_the_folder_gives()
    {
        var recorder = new InFlightRecorder("GET");
        var container = ContainerSeenBy(recorder, "parallel-down");
        var summary = await new ContentPublisher(container).PublishAsync(RepositoryContent, prune: false, CancellationToken.None);
        Assert.False(summary.Refused, string.Join("\n", summary.Check.Problems));
        var source = new BlobContentSource(container);

        var fromBlobs = await source.ReadAllAsync(CancellationToken.None);
        var downloaded = source.BlobsDownloaded;
        var again = await source.ReadAllAsync(CancellationToken.None);

        var fromDisk = await new FileContentSource(RepositoryContent).ReadAllAsync(CancellationToken.None);
        Assert.Equal(fromDisk.Select(file => file.Path), fromBlobs.Select(file => file.Path));
        Assert.All(fromDisk.Zip(fromBlobs), pair => Assert.True(pair.First.Bytes.AsSpan().SequenceEqual(pair.Second.Bytes.AsSpan()), pair.First.Path));
        // Every file but an empty one (the folder's .gitkeep), which has nothing to download.
        Assert.Equal(fromDisk.Count(file => file.Bytes.Length > 0), downloaded);
        Assert.InRange(recorder.MostAtOnce, 2, BlobContentSource.ParallelDownloads);
        // Nothing changed, so the second read downloads nothing and gives the same files in the same order.
        Assert.Equal(downloaded, source.BlobsDownloaded);
        Assert.Equal(fromBlobs.Select(file => (file.Path, file.LastModified)), again.Select(file => (file.Path, file.LastModified)));
    }

    [Fact]
    public async Task A_leaflet_served_from_the_published_snapshot_reads_its_files_many_at_once_within_their_bound()
    {
        var publishing = azurite.NewContainer("parallel-leaflet");
        var summary = await new ContentPublisher(publishing).PublishAsync(RepositoryContent, prune: false, CancellationToken.None);
        Assert.False(summary.Refused, string.Join("\n", summary.Check.Problems));
        var recorder = new InFlightRecorder("GET");
        var options = new BlobClientOptions();
        options.AddPolicy(recorder, HttpPipelinePosition.PerCall);
        var container = new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient(publishing.Name);
        using var catalog = new LeafletCatalog(new BlobContentSource(container), TimeProvider.System, NullLogger<LeafletCatalog>.Instance);

        var (snapshot, shell) = await catalog.FindAsync("cementoplasty", CancellationToken.None);
        var loaded = await snapshot.LoadInFullAsync(shell!, CancellationToken.None);

        var fromDisk = LeafletLoader.Load("content", await new FileContentSource(RepositoryContent).ReadAllAsync(CancellationToken.None)).Leaflets["cementoplasty"];
        Assert.True(loaded.Images.Count > LoadedLeaflets.ReadsAtOnce, $"only {loaded.Images.Count} images: too few to need the bound");
        // Every image the Markdown load has, with its bytes, each read once, in no more than the bound at once.
        Assert.Equal(fromDisk.Images.Keys, loaded.Images.Keys);
        Assert.All(fromDisk.Images, image => Assert.True(image.Value.Bytes.AsSpan().SequenceEqual(loaded.Images[image.Key].Bytes.AsSpan()), image.Key));
        var reads = recorder.Events.Where(e => e.Started).Select(e => e.Path).ToList();
        Assert.Equal(reads.Distinct().Count(), reads.Count);
        Assert.InRange(recorder.MostAtOnce, 2, LoadedLeaflets.ReadsAtOnce);
    }

    private static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.Ordinal);

    private BlobContainerClient ContainerSeenBy(InFlightRecorder recorder, string purpose)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(recorder, HttpPipelinePosition.PerCall);
        return new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient(azurite.NewContainer(purpose).Name);
    }

    /// <summary>
    /// Sees every request of one method for a file of a leaflet (not the listings, not the check results) as it starts
    /// and ends, and the most in flight at once.
    /// </summary>
    private sealed class InFlightRecorder(string method) : HttpPipelinePolicy
    {
        private int _inFlight;
        private int _most;

        public ConcurrentQueue<(bool Started, string Path)> Events { get; } = new();

        public int MostAtOnce => Volatile.Read(ref _most);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var path = LeafletFileOf(message);
            if (path is null)
            {
                await ProcessNextAsync(message, pipeline);
                return;
            }
            Started(path);
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
                Events.Enqueue((false, path));
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var path = LeafletFileOf(message);
            if (path is null)
            {
                ProcessNext(message, pipeline);
                return;
            }
            Started(path);
            try
            {
                ProcessNext(message, pipeline);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
                Events.Enqueue((false, path));
            }
        }

        private void Started(string path)
        {
            Events.Enqueue((true, path));
            var now = Interlocked.Increment(ref _inFlight);
            for (var most = Volatile.Read(ref _most); now > most; most = Volatile.Read(ref _most))
            {
                if (Interlocked.CompareExchange(ref _most, now, most) == most)
                {
                    break;
                }
            }
        }

        private string? LeafletFileOf(HttpMessage message)
        {
            var path = Uri.UnescapeDataString(message.Request.Uri.Path);
            var at = path.IndexOf("/leaflets/", StringComparison.Ordinal);
            return message.Request.Method.Method == method && at >= 0 ? path[(at + 1)..] : null;
        }
    }
}
