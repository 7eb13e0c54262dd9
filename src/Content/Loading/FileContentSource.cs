using System.Collections.Immutable;
using System.IO.Enumeration;
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
        var startedAt = DateTime.UtcNow;
        var known = _known;
        var remembered = new Dictionary<string, KnownFile>(StringComparer.Ordinal);
        var files = new List<ContentFile>();
        foreach (var (path, relative) in ContentPaths())
        {
            cancellationToken.ThrowIfCancellationRequested();
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

    public IAsyncEnumerable<ContentListing> ListAsync(CancellationToken cancellationToken) => List(cancellationToken).ToAsyncEnumerable();

    /// <summary>
    /// The listing, one file at a time as the walk meets it (<see cref="ContentPaths"/>): the catalog lists a served library
    /// every minute, and at 10,000 leaflets (466,666 files) a listing held whole was some 80 MB more in memory (issue 12).
    /// </summary>
    private IEnumerable<ContentListing> List(CancellationToken cancellationToken)
    {
        foreach (var (path, relative) in ContentPaths())
        {
            cancellationToken.ThrowIfCancellationRequested();
            EntryFacts facts;
            try
            {
                facts = RegularFile.Probe(path);
            }
            catch (FileNotFoundException)
            {
                continue; // deleted since its directory was listed
            }
            // The exact last write, not the second a ContentFile is dated by: an edit within the same second still
            // changes the fingerprint (FileContentSource reads a file again on any change of these facts too).
            yield return new ContentListing(relative, facts.Length, new DateTimeOffset(facts.LastWriteUtc, TimeSpan.Zero), ContentMd5: null)
            {
                NotRegular = facts.Kind != EntryKind.Regular,
            };
        }
    }

    public Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var full = FullPathOf(path);
        if (full is null)
        {
            return Task.FromResult<ContentFile?>(null);
        }
        try
        {
            var facts = RegularFile.Probe(full);
            if (Refusal(path, facts) is { } refused)
            {
                return Task.FromResult<ContentFile?>(refused);
            }
            var bytes = RegularFile.Read(full, facts, ContentLimits.MaxFileBytes);
            Interlocked.Increment(ref _reads);
            return Task.FromResult<ContentFile?>(bytes.Length > ContentLimits.MaxFileBytes
                ? SourceRefusals.TooLarge(path, bytes.Length)
                : new ContentFile(path, ImmutableCollectionsMarshal.AsImmutableArray(bytes)) { LastModified = facts.LastWriteUtc });
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<ContentFile?>(null);
        }
    }

    public Task<Snapshot.ISnapshotFile?> OpenSnapshotAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, Snapshot.SnapshotFormat.FilesFolder, Snapshot.SnapshotFormat.FileName);
        try
        {
            var facts = RegularFile.Probe(path);
            if (facts.Kind != EntryKind.Regular || facts.Length > Snapshot.SnapshotFormat.MaxBytes)
            {
                throw new InvalidDataException($"{path} is not a regular file of at most {Snapshot.SnapshotFormat.MaxBytes} bytes.");
            }
            return Task.FromResult<Snapshot.ISnapshotFile?>(new Snapshot.HandleSnapshotFile(RegularFile.Open(path, facts), facts.Length));
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Snapshot.ISnapshotFile?>(null);
        }
    }

    /// <summary>Where a snapshot of this format is kept in the content folder <paramref name="root"/>.</summary>
    public static string SnapshotPath(string root) => Path.Combine(root, Snapshot.SnapshotFormat.FilesFolder, Snapshot.SnapshotFormat.FileName);

    /// <summary>
    /// Every file below leaflets/ and strings/ (no symbolic link followed), with its path relative to the root, in ordinal
    /// order of that path; throws at once when leaflets/ is missing. Walked one directory at a time, each one's entries
    /// sorted by name with a directory's name followed by '/': then a depth-first walk meets the paths in ordinal order
    /// ("hip-x/plain.md" before "hip/plain.md", as '-' sorts before '/'), and holds one directory's names per level, not the whole tree.
    /// </summary>
    private IEnumerable<(string Path, string Relative)> ContentPaths()
    {
        var leaflets = Path.Combine(Root, "leaflets");
        if (!Directory.Exists(leaflets))
        {
            throw new DirectoryNotFoundException($"The content folder '{DisplayRoot}' has no 'leaflets' folder (looked in {leaflets}).");
        }
        // strings/ is optional: a content root need not change any word of the service's own. "leaflets/" sorts before it.
        var strings = Path.Combine(Root, StringsLoader.Folder.TrimEnd('/'));
        var walked = Walk(leaflets, "leaflets/", top: true);
        return Directory.Exists(strings) ? walked.Concat(Walk(strings, StringsLoader.Folder, top: true)) : walked;
    }

    private static readonly EnumerationOptions OneDirectory = new() { AttributesToSkip = FileAttributes.ReparsePoint };

    private static IEnumerable<(string Path, string Relative)> Walk(string directory, string relative, bool top)
    {
        List<(string Name, bool IsDirectory)> entries;
        try
        {
            entries = [.. new FileSystemEnumerable<(string, bool)>(directory, static (ref FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory), OneDirectory)];
        }
        catch (Exception error) when (!top && error is DirectoryNotFoundException or UnauthorizedAccessException)
        {
            yield break; // deleted since its parent was listed, or not ours to read: as a recursive enumeration skips it
        }
        entries.Sort(static (one, other) => CompareAsInPaths(one, other));
        foreach (var (name, isDirectory) in entries)
        {
            if (isDirectory)
            {
                foreach (var below in Walk(Path.Join(directory, name), relative + name + "/", top: false))
                {
                    yield return below;
                }
            }
            else
            {
                yield return (Path.Join(directory, name), relative + name);
            }
        }
    }

    /// <summary>Ordinal order of the names as they stand in a path: a directory's followed by '/'.</summary>
    private static int CompareAsInPaths((string Name, bool IsDirectory) one, (string Name, bool IsDirectory) other)
    {
        var common = Math.Min(one.Name.Length, other.Name.Length);
        var compared = string.CompareOrdinal(one.Name, 0, other.Name, 0, common);
        if (compared != 0 || one.Name.Length == other.Name.Length)
        {
            return compared;
        }
        // One name is a prefix of the other: the shorter one's next character is '/' for a directory, or nothing for a
        // file (which sorts first); the longer one's is its own next character.
        var (shorter, longer, sign) = one.Name.Length < other.Name.Length ? (one, other, 1) : (other, one, -1);
        return sign * (shorter.IsDirectory ? '/'.CompareTo(longer.Name[common]) : -1);
    }

    /// <summary>
    /// The file a content path names, or null for a path that is not one <see cref="ContentPaths"/> could list (outside
    /// leaflets/ and strings/, climbing out with "..", or through a symbolic link).
    /// </summary>
    private string? FullPathOf(string relative)
    {
        var segments = relative.Split('/');
        if (segments.Length < 2 || segments.Any(segment => segment is "" or "." or "..")
            || !(segments[0] == "leaflets" || relative.StartsWith(StringsLoader.Folder, StringComparison.Ordinal)))
        {
            return null;
        }
        var full = Path.Combine([Root, .. segments]);
        // No symbolic link on the way (the listing skips them), so a path read is always one the listing could name.
        for (var at = Path.GetDirectoryName(full); at is not null && at.Length > Root.Length; at = Path.GetDirectoryName(at))
        {
            if (new DirectoryInfo(at).LinkTarget is not null)
            {
                return null;
            }
        }
        return new FileInfo(full).LinkTarget is not null ? null : full;
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
