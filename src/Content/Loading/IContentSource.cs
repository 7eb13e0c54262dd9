namespace Leaflets.Content.Loading;

/// <summary>Where leaflets come from: a folder on disk, or (in Azure) a blob container.</summary>
public interface IContentSource
{
    /// <summary>How problems name the root, e.g. "content" or "blob:leaflets".</summary>
    string DisplayRoot { get; }

    Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The files <see cref="ReadAllAsync"/> would read (the same paths, in ordinal order), one at a time as they are
    /// listed, without reading any: what a compiled snapshot is compared with (<see cref="Snapshot.ContentFingerprint"/>).
    /// A source holds no more of the listing than it must to keep that order: at 10,000 leaflets it is 466,666 files.
    /// </summary>
    /// <remarks>By default, from a read of everything: a source that can list without reading says so by its own.</remarks>
    async IAsyncEnumerable<ContentListing> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in await ReadAllAsync(cancellationToken))
        {
            yield return new ContentListing(file.Path, file.Bytes.Length, file.LastModified, ContentMd5: null);
        }
    }

    /// <summary>
    /// One file of the content, read with the same limits and refusals as <see cref="ReadAllAsync"/> (a file the source
    /// would refuse arrives refused, with no bytes); null when there is no such file. Nothing read is kept by the source.
    /// </summary>
    /// <remarks>By default, from a read of everything.</remarks>
    async Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken) =>
        (await ReadAllAsync(cancellationToken)).FirstOrDefault(file => file.Path == path);

    /// <summary>
    /// The compiled snapshot of this app's format (<see cref="Snapshot.SnapshotFormat"/>) kept beside the content, opened
    /// for reads by range (every one of them of this same snapshot: <see cref="Snapshot.ISnapshotFile"/>), or null when
    /// there is none; at most <see cref="Snapshot.SnapshotFormat.MaxBytes"/> (a larger one is refused with an error).
    /// </summary>
    /// <remarks>By default none: such a source is always loaded from its Markdown.</remarks>
    Task<Snapshot.ISnapshotFile?> OpenSnapshotAsync(CancellationToken cancellationToken) => Task.FromResult<Snapshot.ISnapshotFile?>(null);
}

/// <summary>
/// One file of the content as its source lists it, unread: its path (as <see cref="ContentFile.Path"/>), length, when it
/// last changed (as <see cref="ContentFile.LastModified"/>) and, where the source records one, the MD5 of its content
/// (a blob's Content-MD5, which <c>publish</c> sets), lowercase hex; null where the source has none (files).
/// </summary>
public sealed record ContentListing(string Path, long Length, DateTimeOffset LastModified, string? ContentMd5)
{
    /// <summary>Not a regular file, so never read (a FIFO, device or socket; files mode only).</summary>
    public bool NotRegular { get; init; }
}
