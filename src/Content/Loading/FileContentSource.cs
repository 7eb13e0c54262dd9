using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Leaflets.Content.Loading;

/// <summary>
/// Reads the content tree from a folder: its <c>leaflets/</c> and, when it has one, its <c>strings/</c>. Only regular files below the root are ever opened (a FIFO, device or
/// socket is refused unopened, a symbolic link skipped), and none over <see cref="ContentLimits.MaxFileBytes"/>
/// is read. A file whose length and last write are unchanged since the previous read is not read again, so a
/// refresh of an unchanged tree costs one directory walk and one status call per file.
/// </summary>
public sealed class FileContentSource(string root) : IContentSource
{
    /// <summary>
    /// A file written this recently may be written again within the same timestamp tick (file systems stamp
    /// coarsely), so its bytes are not trusted to stand for its timestamp and it is read again next time.
    /// </summary>
    private static readonly TimeSpan StillSettling = TimeSpan.FromSeconds(2);

    private volatile Dictionary<string, KnownFile> _known = new(StringComparer.Ordinal);
    private int _reads;

    public string Root { get; } = Path.GetFullPath(root);

    public string DisplayRoot { get; } = root.TrimEnd('/', '\\');

    /// <summary>How many files have been opened and read since this source was made (unchanged files are not read again).</summary>
    public int FilesRead => Volatile.Read(ref _reads);

    public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var leaflets = Path.Combine(Root, "leaflets");
        if (!Directory.Exists(leaflets))
        {
            throw new DirectoryNotFoundException($"The content folder '{DisplayRoot}' has no 'leaflets' folder (looked in {leaflets}).");
        }

        var startedAt = DateTime.UtcNow;
        var known = _known;
        var remembered = new Dictionary<string, KnownFile>(StringComparer.Ordinal);
        var files = new List<ContentFile>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        // strings/ is optional: a content root need not change any word of the service's own.
        var strings = Path.Combine(Root, StringsLoader.Folder.TrimEnd('/'));
        var paths = Directory.EnumerateFiles(leaflets, "*", options)
            .Concat(Directory.Exists(strings) ? Directory.EnumerateFiles(strings, "*", options) : []);
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
            if (ReadOne(path, relative, known.GetValueOrDefault(relative)) is not { } read)
            {
                continue; // deleted since the directory was listed: it is simply no longer part of the content
            }
            if (read.Remembered is { } file && file.Facts.LastWriteUtc < startedAt - StillSettling)
            {
                remembered[relative] = file;
            }
            files.Add(read.File);
        }
        _known = remembered;
        return Task.FromResult<IReadOnlyList<ContentFile>>(files);
    }

    /// <summary>The file as the loader gets it and, for a regular file within the limit, what to remember of it; null when it is gone.</summary>
    private (ContentFile File, KnownFile? Remembered)? ReadOne(string path, string relative, KnownFile? known)
    {
        try
        {
            var facts = RegularFile.Probe(path);
            if (Refusal(relative, facts) is { } refused)
            {
                return (refused, null);
            }
            if (known is null || known.Facts != facts)
            {
                known = new KnownFile(facts, ImmutableCollectionsMarshal.AsImmutableArray(RegularFile.Read(path, facts, ContentLimits.MaxFileBytes)));
                Interlocked.Increment(ref _reads);
            }
            return known.Bytes.Length > ContentLimits.MaxFileBytes
                ? (SourceRefusals.TooLarge(relative, known.Bytes.Length), null) // it grew past the limit after the probe
                : (new ContentFile(relative, known.Bytes) { LastModified = known.Facts.LastWriteUtc }, known);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static ContentFile? Refusal(string relative, EntryFacts facts) => facts.Kind switch
    {
        EntryKind.Regular when facts.Length > ContentLimits.MaxFileBytes => SourceRefusals.TooLarge(relative, facts.Length),
        EntryKind.Regular => null,
        var kind => SourceRefusals.NotRegular(relative, Describe(kind)),
    };

    private static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Fifo => "a FIFO (named pipe)",
        EntryKind.CharacterDevice => "a character device",
        EntryKind.BlockDevice => "a block device",
        EntryKind.Socket => "a socket",
        _ => "a special file",
    };

    /// <summary>A file as last read; the same path with the same facts (kind, length, last write, inode) holds the same bytes.</summary>
    private sealed record KnownFile(EntryFacts Facts, ImmutableArray<byte> Bytes);
}
