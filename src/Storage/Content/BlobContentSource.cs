using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Leaflets.Content.Loading;

namespace Leaflets.Storage.Content;

/// <summary>
/// Reads the content tree from a blob container laid out like the content folder (<c>leaflets/&lt;id&gt;/plain.md</c>, ...).
/// Each read lists the container and downloads only the blobs whose ETag changed since the previous read; the bytes of
/// unchanged blobs are reused, so a refresh of an unchanged container costs one listing.
/// </summary>
public sealed class BlobContentSource(BlobContainerClient container) : IContentSource
{
    private const string LeafletsPrefix = "leaflets/";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, DownloadedBlob> _downloaded = new(StringComparer.Ordinal);
    private int _downloads;

    public string DisplayRoot => "blob:" + container.Name;

    /// <summary>How many blobs have been downloaded since this source was made (unchanged blobs are not downloaded again).</summary>
    public int BlobsDownloaded => Volatile.Read(ref _downloads);

    public async Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = new Dictionary<string, DownloadedBlob>(StringComparer.Ordinal);
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, LeafletsPrefix, cancellationToken))
            {
                if (item.Name.EndsWith('/'))
                {
                    continue; // a folder marker (hierarchical namespace accounts) holds no content
                }
                if (_downloaded.TryGetValue(item.Name, out var known) && item.Properties.ETag is { } etag && known.ETag == etag)
                {
                    current[item.Name] = known;
                }
                else if (await DownloadAsync(item, cancellationToken) is { } fresh)
                {
                    current[item.Name] = fresh;
                }
            }
            _downloaded = current;
            return current.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new ContentFile(pair.Key, pair.Value.Bytes))
                .ToList();
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            throw new InvalidOperationException(
                $"The blob container '{container.Name}' does not exist in {container.AccountName}: publish the content to it first ('leaflets publish').", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DownloadedBlob?> DownloadAsync(BlobItem item, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
            Interlocked.Increment(ref _downloads);
            var bytes = ImmutableCollectionsMarshal.AsImmutableArray(response.Value.Content.ToArray());
            // Keep the listing's ETag, the one the next listing is compared with (Azurite's download ETag never compared equal to it).
            // Should the blob change between listing and download, the next listing simply downloads it once more.
            return new DownloadedBlob(item.Properties.ETag, bytes);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            // Deleted between the listing and the download: it is simply no longer part of the content.
            return null;
        }
    }

    private sealed record DownloadedBlob(ETag? ETag, ImmutableArray<byte> Bytes);
}
