using System.Collections.Immutable;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Snapshot;
using Leaflets.Storage.Content;

namespace Leaflets.Storage.Publishing;

/// <summary>
/// Makes a blob container hold the same leaflets as a local content folder, after running the same publish gate as
/// <c>leaflets check</c> (<see cref="ContentCheck.PublishGate"/>) over it. A folder with any error uploads nothing. Only files whose MD5 differs from the blob's are uploaded.
/// A published leaflet is published whole: files removed from its folder are deleted from the container too. With
/// <c>prune</c>, leaflets that are no longer in the folder are deleted from the container as well. The strings folder
/// (<c>strings/</c>) is published whole too.
/// Each upload records the time of this publish in the blob's metadata (<see cref="BlobContentSource.DateModifiedMetadata"/>):
/// the content's dateModified in blob mode. An unchanged file is not uploaded, so republishing it keeps its date.
/// The gate's results are stored beside the content (<see cref="BlobCheckResultStore"/>, keyed by content), so serving
/// instances show them without checking anything, and the next publish checks only leaflets whose content changed.
/// The compiled snapshot of the container is uploaded last (<see cref="SnapshotFormat.BlobName"/>), so instances start without reading its Markdown.
/// </summary>
public sealed class ContentPublisher(BlobContainerClient container, ContentCheck check, TimeProvider time)
{
    public ContentPublisher(BlobContainerClient container)
        : this(container, ContentCheck.PublishGate(), TimeProvider.System)
    {
    }

    public ContentPublisher(BlobContainerClient container, TimeProvider time)
        : this(container, ContentCheck.PublishGate(), time)
    {
    }

    private const string LeafletsPrefix = "leaflets/";

    /// <summary>
    /// How many files one publish uploads at once (<see cref="BlobContentSource.ParallelDownloads"/> says why 16): the
    /// uploads of a whole library are tens of thousands of small files, so round trips, not bandwidth, decide the time.
    /// </summary>
    public const int ParallelUploads = 16;

    public async Task<PublishSummary> PublishAsync(string contentRoot, bool prune, CancellationToken cancellationToken)
    {
        var source = new FileContentSource(contentRoot);
        var files = await source.ReadAllAsync(cancellationToken);
        var results = new BlobCheckResultStore(container);
        var storedResults = await StoredResultsAsync(results, cancellationToken);
        var report = check.Run(LeafletLoader.Load(source.DisplayRoot, files), storedResults);
        if (!report.Passed)
        {
            return PublishSummary.RefusedBecauseOf(report);
        }

        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var existing = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        foreach (var prefix in new[] { LeafletsPrefix, StringsLoader.Folder })
        {
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
            {
                existing[blob.Name] = blob.Properties.ContentHash;
            }
        }

        var localPaths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var localLeaflets = files.Select(f => LeafletIdOf(f.Path)).ToHashSet(StringComparer.Ordinal);
        // Before the content: a result is keyed by content, so one for content not uploaded yet is harmless, while an
        // instance that saw new content before its result would check it itself. Kept: results of leaflets this folder
        // does not have, which stay in the container unless pruned.
        await results.WriteAsync(
            (storedResults ?? CheckResultSet.Empty).With(report.Results.Results, (_, result) => !prune && !localLeaflets.Contains(result.LeafletId)),
            cancellationToken);

        // One time for the whole publish: the files of one change are dated alike.
        var publishedAt = BlobContentSource.FormatDateModified(time.GetUtcNow());
        var uploaded = ImmutableArray.CreateBuilder<string>();
        var unchanged = ImmutableArray.CreateBuilder<string>();
        var changed = new List<(ContentFile File, byte[] Md5)>();
        foreach (var file in files.OrderBy(f => IsMarkdown(f.Path)).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            var md5 = MD5.HashData(file.Bytes.AsSpan());
            if (existing.TryGetValue(file.Path, out var stored) && stored is not null && stored.AsSpan().SequenceEqual(md5))
            {
                unchanged.Add(file.Path);
            }
            else
            {
                changed.Add((file, md5));
            }
        }
        // Images before text: an app refreshing mid-publish then never sees a leaflet that names an image not yet there.
        // So in two rounds, the second started only when every upload of the first has finished; within a round up to
        // ParallelUploads at once, since one at a time a whole library waited for tens of thousands of round trips.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads, CancellationToken = cancellationToken };
        foreach (var round in changed.GroupBy(change => IsMarkdown(change.File.Path)).OrderBy(round => round.Key))
        {
            await Parallel.ForEachAsync(round, parallel, async (change, token) =>
            {
                var options = new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentHash = change.Md5, ContentType = ContentTypeOf(change.File.Path) },
                    Metadata = new Dictionary<string, string> { [BlobContentSource.DateModifiedMetadata] = publishedAt },
                };
                await container.GetBlobClient(change.File.Path).UploadAsync(BinaryData.FromBytes(change.File.Bytes.AsMemory()), options, token);
            });
            uploaded.AddRange(round.Select(change => change.File.Path));
        }

        var deleted = ImmutableArray.CreateBuilder<string>();
        foreach (var name in existing.Keys.Where(n => !localPaths.Contains(n)).Order(StringComparer.Ordinal))
        {
            // The strings folder is published whole, like a leaflet's: a file removed from it is removed from the container.
            if (prune || StringsLoader.Owns(name) || localLeaflets.Contains(LeafletIdOf(name)))
            {
                await DeleteIfExistsAsync(name, cancellationToken);
                deleted.Add(name);
            }
        }
        await WriteSnapshotAsync(files, (storedResults ?? CheckResultSet.Empty).With(report.Results.Results, (_, result) => !prune && !localLeaflets.Contains(result.LeafletId)),
            cancellationToken);
        return new PublishSummary(report, uploaded.ToImmutable(), unchanged.ToImmutable(), deleted.ToImmutable());
    }

    /// <summary>
    /// Last, after every blob it names: the compiled snapshot of the container as it now is (<see cref="SnapshotFormat.BlobName"/>),
    /// so no instance ever reads a snapshot naming a blob not uploaded yet. It is made from the container's listing (its
    /// fingerprint, and the dates publish recorded, which the documents are dated by), the local files for the blobs
    /// they match and, for leaflets of the container this folder lacks (kept without <c>prune</c>), the blobs themselves.
    /// </summary>
    private async Task WriteSnapshotAsync(IReadOnlyList<ContentFile> localFiles, CheckResultSet checks, CancellationToken cancellationToken)
    {
        IContentSource blobs = new BlobContentSource(container);
        var local = localFiles.ToDictionary(file => file.Path, StringComparer.Ordinal);
        var files = new List<ContentFile>();
        using var fingerprint = new ContentFingerprint();
        await foreach (var listed in blobs.ListAsync(cancellationToken))
        {
            fingerprint.Add(listed);
            if (local.TryGetValue(listed.Path, out var file) && file.Bytes.Length == listed.Length && listed.ContentMd5 is { } md5
                && md5 == Convert.ToHexStringLower(MD5.HashData(file.Bytes.AsSpan())))
            {
                files.Add(file with { LastModified = listed.LastModified });
            }
            else if (await blobs.ReadFileAsync(listed.Path, cancellationToken) is { } downloaded)
            {
                files.Add(downloaded);
            }
        }
        var snapshot = ContentSnapshot.Of(blobs.DisplayRoot, LeafletLoader.Load(blobs.DisplayRoot, files), files, fingerprint.Finish(), checks);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" } };
        await container.GetBlobClient(SnapshotFormat.BlobName).UploadAsync(BinaryData.FromBytes(snapshot.ToBytes()), options, cancellationToken);
    }

    /// <summary>The results the last publish stored, or none when there are none or they cannot be read: then every leaflet is checked.</summary>
    private static async Task<CheckResultSet?> StoredResultsAsync(BlobCheckResultStore results, CancellationToken cancellationToken)
    {
        try
        {
            return await results.ReadAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private async Task DeleteIfExistsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: the container matches the folder, which is the point.
        }
    }

    /// <summary>The leaflet folder a path belongs to ("" for anything outside <c>leaflets/&lt;id&gt;/</c>).</summary>
    private static string LeafletIdOf(string path)
    {
        var slash = path.StartsWith(LeafletsPrefix, StringComparison.Ordinal) ? path.IndexOf('/', LeafletsPrefix.Length) : -1;
        return slash > LeafletsPrefix.Length ? path[LeafletsPrefix.Length..slash] : "";
    }

    private static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" => "text/markdown; charset=utf-8",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".svg" => "image/svg+xml",
        ".json" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };
}
