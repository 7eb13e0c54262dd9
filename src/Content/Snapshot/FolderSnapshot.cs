using Leaflets.Content.Checking;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Snapshot;

/// <summary>
/// Writes the compiled snapshot of a content folder (files mode) to its <see cref="SnapshotFormat.FilesFolder"/>, where
/// <c>leaflets serve</c> over that folder reads it at start. Used by <c>leaflets check --save-results</c> (with the
/// results it just computed) and <c>leaflets snapshot</c> (with whatever results are saved: no rendering).
/// </summary>
public static class FolderSnapshot
{
    /// <summary>
    /// Loads the folder's Markdown and writes its snapshot with <paramref name="checks"/>; the written file's path and the
    /// snapshot. The folder is listed before and after the read: if anything changed meanwhile nothing is written
    /// (<see cref="IOException"/>), as the snapshot would name a fingerprint its leaflets were not read from.
    /// </summary>
    public static async Task<(string Path, ContentSnapshot Snapshot)> WriteAsync(string contentRoot, CheckResultSet? checks, CancellationToken cancellationToken)
    {
        var source = new FileContentSource(contentRoot);
        var (before, _) = await ContentFingerprint.OfAsync(source.ListAsync(cancellationToken), cancellationToken);
        var files = await source.ReadAllAsync(cancellationToken);
        var content = LeafletLoader.Load(source.DisplayRoot, files);
        if ((await ContentFingerprint.OfAsync(source.ListAsync(cancellationToken), cancellationToken)).Fingerprint != before)
        {
            throw new IOException($"The content in {source.DisplayRoot} changed while its snapshot was being made; nothing was written. Run the command again.");
        }
        var snapshot = ContentSnapshot.Of(source.DisplayRoot, content, files, before, checks);
        var path = FileContentSource.SnapshotPath(source.Root);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside and moved into place, so a server starting meanwhile reads the old file or the new, never half of one.
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, snapshot.ToBytes(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return (path, snapshot);
    }
}
