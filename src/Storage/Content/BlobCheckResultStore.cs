using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Leaflets.Content.Checking;

namespace Leaflets.Storage.Content;

/// <summary>
/// The check results <c>publish</c> stores beside the content it uploads: the blob <c>checks.json</c> at the root of the
/// content container, outside the <c>leaflets/</c> prefix the content is read from. An instance serving the container
/// reads it (once per new snapshot, and only when its ETag moved), so it shows the publish gate's results without
/// rendering a leaflet.
/// </summary>
public sealed class BlobCheckResultStore(BlobContainerClient container) : ICheckResultStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (ETag Tag, CheckResultSet? Results)? _last;

    private BlobClient Blob => container.GetBlobClient(CheckResultSet.FileName);

    public async Task<CheckResultSet?> ReadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            BlobProperties properties;
            try
            {
                properties = (await Blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            }
            catch (RequestFailedException missing) when (missing.Status == 404)
            {
                return null;
            }
            if (_last is { } last && last.Tag == properties.ETag)
            {
                return last.Results;
            }
            if (properties.ContentLength > CheckResultSet.MaxBytes)
            {
                throw new InvalidDataException($"The blob {CheckResultSet.FileName} is larger than {CheckResultSet.MaxBytes} bytes.");
            }
            var download = await Blob.DownloadContentAsync(
                new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } }, cancellationToken);
            var results = CheckResultSet.FromJson(download.Value.Content.ToMemory().Span, out var reason)
                ?? throw new InvalidDataException($"The blob {CheckResultSet.FileName} was not read: {reason}.");
            _last = (properties.ETag, results);
            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task WriteAsync(CheckResultSet results, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } };
        await Blob.UploadAsync(BinaryData.FromBytes(results.ToJson()), options, cancellationToken);
    }
}
