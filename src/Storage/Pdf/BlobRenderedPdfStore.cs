using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Leaflets.Content.Caching;

namespace Leaflets.Storage.Pdf;

/// <summary>
/// Rendered PDFs (and spoken audio) in a blob container, named by <see cref="RenderedPdfKey.StorageName"/>. A stored PDF is never
/// replaced: its key already names the exact content and options it was rendered from. Every failure but "not there"
/// and "already there" is thrown: <see cref="GuardedPdfStore"/> logs it, times out and skips a failing store.
/// </summary>
public sealed class BlobRenderedPdfStore(BlobContainerClient container) : IRenderedPdfStore
{
    public string ContainerName => container.Name;

    public async Task<byte[]?> TryGetAsync(RenderedPdfKey key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(key.StorageName).DownloadContentAsync(cancellationToken);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task PutAsync(RenderedPdfKey key, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                await UploadAsync(key, pdf, cancellationToken);
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await UploadAsync(key, pdf, cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another instance stored the same rendering first (BlobAlreadyExists).
        }
    }

    private Task UploadAsync(RenderedPdfKey key, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = key.MediaType },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            Metadata = new Dictionary<string, string>
            {
                ["leaflet"] = key.LeafletId,
                ["contenthash"] = key.ContentHash,
            },
        };
        return container.GetBlobClient(key.StorageName).UploadAsync(BinaryData.FromBytes(pdf), options, cancellationToken);
    }
}
