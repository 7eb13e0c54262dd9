using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Leaflets.Content.Loading;
using Leaflets.Content.Snapshot;
using Leaflets.Storage.Content;
using Leaflets.Storage.Publishing;

namespace Leaflets.Storage.Tests;

/// <summary>
/// A cold instance's first requests to the snapshot blob: its opening download answers its length, its ETag, its header
/// and its head at once, where a properties request, a header read and a head read were three round trips.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobSnapshotFileTests(Azurite azurite)
{
    [Fact]
    public async Task Opening_a_published_snapshot_and_finding_a_leaflet_in_it_is_one_request_to_the_snapshot_blob()
    {
        var (container, requests) = Counted("one-request");
        var content = new ContentFolder().WithLeaflet("wound-care").WithLeaflet("hand-washing", title: "Washing your hands");
        await new ContentPublisher(container).PublishAsync(content.Root, prune: false, CancellationToken.None);
        requests.Clear();

        using var file = (await ((IContentSource)new BlobContentSource(container)).OpenSnapshotAsync(CancellationToken.None))!;
        var (opened, reason) = await ContentSnapshot.OpenAsync(file, toRoot: null, CancellationToken.None);
        var found = await opened!.FindAsync("wound-care", CancellationToken.None);

        Assert.Null(reason);
        Assert.Equal("Looking after your wound", found!.Shell.Plain.Metadata.Title);
        // A snapshot this small lies wholly in the opening download: the header, the head and the chunk come from it.
        Assert.Equal(new[] { $"GET {SnapshotFormat.BlobName}" }, requests);
    }

    [Fact]
    public async Task Reads_past_the_opening_download_fetch_exactly_their_range_of_the_blob_as_opened()
    {
        var (container, requests) = Counted("past-opening");
        await container.CreateAsync();
        var bytes = new byte[BlobContentSource.SnapshotOpeningBytes + 300_000];
        new Random(12).NextBytes(bytes);
        await container.GetBlobClient(SnapshotFormat.BlobName).UploadAsync(BinaryData.FromBytes(bytes));
        requests.Clear();

        using var file = (await ((IContentSource)new BlobContentSource(container)).OpenSnapshotAsync(CancellationToken.None))!;
        var header = await file.ReadAsync(0, 160, CancellationToken.None);
        var across = await file.ReadAsync(BlobContentSource.SnapshotOpeningBytes - 100, 200, CancellationToken.None);
        var beyond = await file.ReadAsync(bytes.Length - 1000, 1000, CancellationToken.None);
        var early = await file.ReadAsync(5000, 10, CancellationToken.None); // after a read past it: downloaded, no longer kept

        Assert.Equal(bytes.Length, file.Length);
        Assert.Equal(bytes[..160], header);
        Assert.Equal(bytes[(BlobContentSource.SnapshotOpeningBytes - 100)..(BlobContentSource.SnapshotOpeningBytes + 100)], across);
        Assert.Equal(bytes[^1000..], beyond);
        Assert.Equal(bytes[5000..5010], early);
        Assert.Equal(4, requests.Count); // the opening, then each read that was not wholly within it
    }

    [Fact]
    public async Task A_snapshot_replaced_after_its_opening_download_is_never_read_as_the_one_opened()
    {
        var (container, _) = Counted("replaced");
        await container.CreateAsync();
        var blob = container.GetBlobClient(SnapshotFormat.BlobName);
        await blob.UploadAsync(BinaryData.FromBytes(new byte[BlobContentSource.SnapshotOpeningBytes * 2]));

        using var file = (await ((IContentSource)new BlobContentSource(container)).OpenSnapshotAsync(CancellationToken.None))!;
        await blob.UploadAsync(BinaryData.FromBytes(new byte[BlobContentSource.SnapshotOpeningBytes * 2]), overwrite: true);

        await Assert.ThrowsAsync<SnapshotChangedException>(() => file.ReadAsync(BlobContentSource.SnapshotOpeningBytes + 10, 10, CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_snapshot_blob_is_opened_as_a_file_of_no_bytes_and_refused_for_having_no_header()
    {
        var (container, _) = Counted("empty");
        await container.CreateAsync();
        await container.GetBlobClient(SnapshotFormat.BlobName).UploadAsync(BinaryData.FromBytes([]));

        using var file = (await ((IContentSource)new BlobContentSource(container)).OpenSnapshotAsync(CancellationToken.None))!;
        var (opened, reason) = await ContentSnapshot.OpenAsync(file, toRoot: null, CancellationToken.None);

        Assert.Equal(0, file.Length);
        Assert.Null(opened);
        Assert.Equal("it is not a leaflet snapshot (no header)", reason);
    }

    [Fact]
    public async Task A_container_without_a_snapshot_opens_none()
    {
        var (container, _) = Counted("none");
        await container.CreateAsync();

        Assert.Null(await ((IContentSource)new BlobContentSource(container)).OpenSnapshotAsync(CancellationToken.None));
    }

    [Fact]
    public void A_snapshot_opening_download_of_no_bytes_is_refused_with_the_setting_named()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new BlobContentSource(azurite.NewContainer("no-opening"), snapshotOpeningBytes: 0));

        Assert.Equal("snapshotOpeningBytes", refused.ParamName);
    }

    /// <summary>A new container whose client records each request to the snapshot blob, as "METHOD name".</summary>
    private (BlobContainerClient Container, ConcurrentQueue<string> Requests) Counted(string purpose)
    {
        var requests = new ConcurrentQueue<string>();
        var options = new BlobClientOptions();
        options.AddPolicy(new SnapshotRequests(requests), HttpPipelinePosition.PerCall);
        var container = new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient(azurite.NewContainer(purpose).Name);
        return (container, requests);
    }

    private sealed class SnapshotRequests(ConcurrentQueue<string> requests) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            var path = Uri.UnescapeDataString(message.Request.Uri.Path);
            if (path.EndsWith("/" + SnapshotFormat.BlobName, StringComparison.Ordinal))
            {
                requests.Enqueue($"{message.Request.Method.Method} {SnapshotFormat.BlobName}");
            }
        }
    }
}
