using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Leaflets.Content.Loading;
using Leaflets.Content.Snapshot;

namespace Leaflets.Storage.Content;

/// <summary>
/// Reads the content tree from a blob container laid out like the content folder (<c>leaflets/&lt;id&gt;/plain.md</c>, ...,
/// and <c>strings/{tag}.json</c>).
/// Each read lists the container and downloads only the blobs whose ETag changed since the previous read; the bytes of
/// unchanged blobs are reused, so a refresh of an unchanged container costs one listing. A blob the listing says is over
/// <see cref="ContentLimits.MaxFileBytes"/> is refused unread, and no download asks for more than that. Each download
/// is remembered as soon as it arrives, so a read cut short (cancelled, or timed out by the catalog) is not wasted:
/// the next one resumes where it stopped. Each file is dated by the time <c>publish</c> recorded in its metadata
/// (<see cref="DateModifiedMetadata"/>), else, for a blob put there some other way, by the blob's own last write.
/// The compiled snapshot is opened by one download of its first <paramref name="snapshotOpeningBytes"/> (see
/// <see cref="SnapshotOpeningBytes"/>, the default; a test gives fewer, to have a small snapshot read past them).
/// </summary>
public sealed class BlobContentSource(BlobContainerClient container, int snapshotOpeningBytes = BlobContentSource.SnapshotOpeningBytes) : IContentSource
{
    private readonly int _snapshotOpeningBytes = snapshotOpeningBytes > 0 ? snapshotOpeningBytes
        : throw new ArgumentOutOfRangeException(nameof(snapshotOpeningBytes), snapshotOpeningBytes, "The snapshot's opening download must read at least one byte.");

    private static readonly string[] ContentPrefixes = ["leaflets/", StringsLoader.Folder];

    /// <summary>
    /// The blob metadata in which <c>publish</c> records when it uploaded the file, that is when its content changed.
    /// Not the blob's Last-Modified, which also moves when anything (a tool, a copy, a metadata edit) rewrites the blob.
    /// </summary>
    public const string DateModifiedMetadata = "datemodified";

    public static string FormatDateModified(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// How many blobs one read downloads at once. 16: a leaflet is about 50 small blobs, so a cold instance's first read
    /// is a matter of round trips, not bandwidth; a few dozen connections is what one instance's HTTP client keeps open
    /// comfortably, and the storage account's limits are far above it.
    /// </summary>
    public const int ParallelDownloads = 16;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, DownloadedBlob> _downloaded = new(StringComparer.Ordinal);
    private int _downloads;

    public string DisplayRoot => "blob:" + container.Name;

    /// <summary>How many blobs have been downloaded since this source was made (unchanged blobs are not downloaded again).</summary>
    public int BlobsDownloaded => Volatile.Read(ref _downloads);

    public async Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var files = new List<ContentFile>();
            var listed = new HashSet<string>(StringComparer.Ordinal);
            // Up to ParallelDownloads blobs at once, as the listing names them: one at a time, a cold instance waited for
            // 50 round trips per leaflet in turn. Every shared collection below is touched under its lock; the result is
            // sorted by path at the end, so the order downloads finish in never shows.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelDownloads, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(ListAsync(cancellationToken), parallel, async (item, token) =>
            {
                if (item.Name.EndsWith('/'))
                {
                    return; // a folder marker (hierarchical namespace accounts) holds no content
                }
                lock (listed)
                {
                    listed.Add(item.Name);
                }
                DownloadedBlob? known;
                lock (_downloaded)
                {
                    _downloaded.TryGetValue(item.Name, out known);
                }
                var dated = DateModifiedOf(item);
                ContentFile? file = null;
                if (item.Properties.ContentLength > ContentLimits.MaxFileBytes)
                {
                    file = SourceRefusals.TooLarge(item.Name, item.Properties.ContentLength.Value);
                }
                else if (item.Properties.ContentLength == 0)
                {
                    file = new ContentFile(item.Name, []); // nothing to download, and a ranged request for it is refused (416)
                }
                else if (known is not null && item.Properties.ETag is { } etag && known.ETag == etag)
                {
                    file = known.File;
                }
                else if (await DownloadAsync(item, token) is { } fresh)
                {
                    lock (_downloaded)
                    {
                        _downloaded[item.Name] = fresh; // remembered at once: a read cut short resumes from here
                    }
                    file = fresh.File;
                }
                if (file is not null)
                {
                    lock (files)
                    {
                        files.Add(file with { LastModified = dated });
                    }
                }
            });
            foreach (var gone in _downloaded.Keys.Where(name => !listed.Contains(name)).ToList())
            {
                _downloaded.Remove(gone);
            }
            return files.OrderBy(file => file.Path, StringComparer.Ordinal).ToList();
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

    // Explicit: the private ListAsync below is the blob listing this one and ReadAllAsync share. Sorted here rather than
    // trusted to come in ordinal order: the service documents its order as alphabetical, not as the ordinal order of
    // .NET strings; so this one holds its listing, as the folder source no longer does.
    async IAsyncEnumerable<ContentListing> IContentSource.ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var listed = new List<ContentListing>();
        try
        {
            await foreach (var item in ListAsync(cancellationToken))
            {
                if (!item.Name.EndsWith('/'))
                {
                    var md5 = item.Properties.ContentHash is { Length: > 0 } hash ? Convert.ToHexStringLower(hash) : null;
                    listed.Add(new ContentListing(item.Name, item.Properties.ContentLength ?? 0, DateModifiedOf(item), md5));
                }
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            throw new InvalidOperationException(
                $"The blob container '{container.Name}' does not exist in {container.AccountName}: publish the content to it first ('leaflets publish').", e);
        }
        listed.Sort(static (one, other) => string.CompareOrdinal(one.Path, other.Path));
        foreach (var file in listed)
        {
            yield return file;
        }
    }

    public async Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!ContentPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return null;
        }
        try
        {
            var blob = container.GetBlobClient(path);
            var capped = new BlobDownloadOptions { Range = new HttpRange(0, ContentLimits.MaxFileBytes + 1) };
            var response = await blob.DownloadContentAsync(capped, cancellationToken);
            Interlocked.Increment(ref _downloads);
            var bytes = response.Value.Content.ToArray();
            var details = response.Value.Details;
            var dated = details.Metadata is { } metadata && metadata.TryGetValue(DateModifiedMetadata, out var recorded)
                && DateTimeOffset.TryParse(recorded, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var published)
                    ? published
                    : details.LastModified;
            return bytes.Length > ContentLimits.MaxFileBytes
                ? SourceRefusals.TooLarge(path, bytes.Length) with { LastModified = dated }
                : new ContentFile(path, ImmutableCollectionsMarshal.AsImmutableArray(bytes)) { LastModified = dated };
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound || e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            // An empty blob: a ranged request for it is refused.
            return new ContentFile(path, []);
        }
    }

    /// <summary>
    /// How much of the snapshot blob its opening download reads: the 160-byte header and the head of up to about 25,000
    /// leaflets (the head of 10,000 is 197 KiB), so a cold instance learns the blob's length and ETag and reads both in
    /// one round trip, where a properties request, a header read and a head read were three, each a first request's cost
    /// on a cold instance (the servable time in blob mode was 3.5 times files mode's, bench/README.md). Half a MiB more
    /// than that is a few milliseconds on the wire; a larger head is read past it by one more request.
    /// </summary>
    public const int SnapshotOpeningBytes = 512 * 1024;

    public async Task<ISnapshotFile?> OpenSnapshotAsync(CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(SnapshotFormat.BlobName);
        try
        {
            var opening = (await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(0, _snapshotOpeningBytes) }, cancellationToken)).Value;
            var bytes = opening.Content.ToArray();
            var length = BlobLength(opening.Details.ContentRange) ?? bytes.Length; // no range in the answer: the whole blob
            return length > SnapshotFormat.MaxBytes
                ? throw new InvalidDataException($"The snapshot {SnapshotFormat.BlobName} is larger than {SnapshotFormat.MaxBytes} bytes.")
                : new BlobSnapshotFile(blob, opening.Details.ETag, length, bytes);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound || e.ErrorCode == BlobErrorCode.ContainerNotFound || e.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            // An empty blob: a ranged request for it is refused. Nothing is ever read of it (it has no header).
            return new BlobSnapshotFile(blob, default, 0, []);
        }
    }

    /// <summary>The whole blob's length from a ranged answer's Content-Range ("bytes 0-524287/151388750"), or null without one.</summary>
    private static long? BlobLength(string? contentRange) =>
        contentRange is null ? null
            : contentRange.LastIndexOf('/') is var slash and >= 0 && long.TryParse(contentRange.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                ? length
                : throw new InvalidDataException($"The snapshot {SnapshotFormat.BlobName} was answered with a Content-Range of no length ('{contentRange}').");

    /// <summary>The blobs of the content: the leaflets, then the strings files (a container need not have any).</summary>
    private async IAsyncEnumerable<BlobItem> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var prefix in ContentPrefixes)
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken))
            {
                yield return item;
            }
        }
    }

    private static DateTimeOffset DateModifiedOf(BlobItem item) =>
        item.Metadata is { } metadata && metadata.TryGetValue(DateModifiedMetadata, out var recorded)
            && DateTimeOffset.TryParse(recorded, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var published)
                ? published
                : item.Properties.LastModified ?? DateTimeOffset.MinValue;

    private async Task<DownloadedBlob?> DownloadAsync(BlobItem item, CancellationToken cancellationToken)
    {
        try
        {
            // One byte past the limit, so a blob that grew since the listing shows as too large rather than cut short.
            var capped = new BlobDownloadOptions { Range = new HttpRange(0, ContentLimits.MaxFileBytes + 1) };
            var response = await container.GetBlobClient(item.Name).DownloadContentAsync(capped, cancellationToken);
            Interlocked.Increment(ref _downloads);
            var bytes = response.Value.Content.ToArray();
            // Keep the listing's ETag, the one the next listing is compared with (Azurite's download ETag never compared equal to it).
            // Should the blob change between listing and download, the next listing simply downloads it once more.
            var file = bytes.Length > ContentLimits.MaxFileBytes
                ? SourceRefusals.TooLarge(item.Name, bytes.Length)
                : new ContentFile(item.Name, ImmutableCollectionsMarshal.AsImmutableArray(bytes));
            return new DownloadedBlob(item.Properties.ETag, file);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            // Deleted between the listing and the download: it is simply no longer part of the content.
            return null;
        }
    }

    private sealed record DownloadedBlob(ETag? ETag, ContentFile File);
}

/// <summary>
/// The snapshot blob, read by ranges each pinned to the ETag it had when opened (If-Match): a blob replaced since (a new
/// publish) answers 412, and that is <see cref="SnapshotChangedException"/>, never a range of the new one read as the old's.
/// The opening download's bytes (<see cref="BlobContentSource.SnapshotOpeningBytes"/>, of that same ETag) answer the reads
/// that lie within them, the header's and the head's, until the first read that does not (a chunk's, after the head):
/// then they are let go, so the file holds no more than a reader asked for. Reading them again would only cost a request.
/// </summary>
internal sealed class BlobSnapshotFile(BlobClient blob, ETag etag, long length, byte[] opening) : ISnapshotFile
{
    private byte[]? _opening = opening;

    public long Length => length;

    public async Task<byte[]> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        if (offset < 0 || count < 0 || offset + count > length)
        {
            throw new InvalidDataException($"a section ({count} bytes at {offset}) runs past the end of the blob ({length} bytes)");
        }
        if (count == 0)
        {
            return [];
        }
        if (Volatile.Read(ref _opening) is { } first)
        {
            if (offset + count <= first.Length)
            {
                return first.AsSpan((int)offset, count).ToArray();
            }
            Volatile.Write(ref _opening, null);
        }
        try
        {
            var options = new BlobDownloadOptions { Range = new HttpRange(offset, count), Conditions = new BlobRequestConditions { IfMatch = etag } };
            var bytes = (await blob.DownloadContentAsync(options, cancellationToken)).Value.Content.ToArray();
            return bytes.Length == count ? bytes
                : throw new InvalidDataException($"the blob ends at {offset + bytes.Length} bytes, before its section does (cut short)");
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new SnapshotChangedException($"The snapshot {SnapshotFormat.BlobName} was replaced or removed since it was opened.", e);
        }
    }

    public void Dispose()
    {
    }
}
