using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Model;
using Leaflets.Content.Search;
using Lucene.Net.Store;
using Directory = System.IO.Directory;

namespace Leaflets.Content.Snapshot;

/// <summary>
/// A compiled snapshot's search index, read after serving has begun: its section read from the snapshot file (the
/// one the metadata came from, <see cref="ISnapshotFile"/>), checked against its own SHA-256, written as files to a local
/// folder named by that SHA-256 (written beside it and renamed into place, so a folder of that name is always whole) and
/// opened as an <see cref="MMapDirectory"/>: the index lives in the page cache, out of the managed heap. The snapshot
/// file is let go once read. See src/Content/Snapshot/README.md.
/// </summary>
public sealed class SearchIndexFiles
{
    /// <summary>What is read and written at a time: the section is never held whole.</summary>
    private const int ChunkBytes = 4 * 1024 * 1024;

    /// <summary>A folder other than the one in use older than this is a stale index (of an earlier snapshot) and removed.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private readonly ISnapshotFile _file;
    private readonly SnapshotSection _section;
    private readonly string _folder;
    private readonly Lazy<Task<string>> _written;

    /// <param name="file">The snapshot file, owned from here: disposed once the section is read.</param>
    /// <param name="folder">Where index folders are kept (<see cref="Catalog.ContentOptions.SearchIndexFolder"/>).</param>
    public SearchIndexFiles(ISnapshotFile file, SnapshotSection section, string folder)
    {
        (_file, _section, _folder) = (file, section, folder);
        _written = new(() => Task.Run(() => WriteAsync(CancellationToken.None)));
    }

    /// <summary>The folder this index is opened from: the section's SHA-256, under the folder of index folders.</summary>
    public string Folder => Path.Combine(_folder, _section.Sha256);

    /// <summary>Reads, checks and writes the index out (once, whoever asks first); what <see cref="Open"/> waits for.</summary>
    public Task WriteOutAsync() => _written.Value;

    /// <summary>
    /// The index, opened for <paramref name="leaflets"/> (the snapshot's shells), once written out.
    /// </summary>
    /// <exception cref="InvalidDataException">The section is damaged: its checksum does not match, or it does not parse.</exception>
    /// <exception cref="SnapshotChangedException">The snapshot was replaced since its metadata was read (blob mode).</exception>
    public LuceneLeafletIndex Open(IEnumerable<Leaflet> leaflets)
    {
        var folder = _written.Value.GetAwaiter().GetResult();
        return LuceneLeafletIndex.Open(OpenDirectory(folder), leaflets, ownsDirectory: true);
    }

    /// <summary>The stored fields' files (<c>.fdt</c> holds the data, <c>.fdx</c> where each document's starts).</summary>
    private static readonly HashSet<string> StoredFieldFiles = new(StringComparer.Ordinal) { "fdt", "fdx" };

    /// <summary>
    /// The index folder as Lucene reads it: mapped, except the stored fields, which are read into a buffer. A body
    /// snippet decompresses its leaflet's stored texts (LZ4), and Lucene.NET's decompressor reads its input a byte at a
    /// time: from a mapped file each byte is a call through <c>UnmanagedMemoryAccessor</c>, from a buffer an array read.
    /// Read this way, the stored texts of search50's pages took 2 to 2.9 times less (bench/README, "search13"). The
    /// term dictionary, postings and doc values, read at random in small pieces, stay mapped: all of the index through
    /// a buffer made Lucene's search slower.
    /// </summary>
    private static Lucene.Net.Store.Directory OpenDirectory(string folder)
    {
        var at = new DirectoryInfo(folder);
        return new FileSwitchDirectory(StoredFieldFiles, new NIOFSDirectory(at), new MMapDirectory(at), doClose: true);
    }

    private async Task<string> WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            var final = Folder;
            if (!Directory.Exists(final))
            {
                Directory.CreateDirectory(_folder);
                var beside = $"{final}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
                try
                {
                    await WriteSectionAsync(beside, cancellationToken);
                    Directory.Move(beside, final);
                }
                catch (IOException) when (Directory.Exists(final))
                {
                    // Another instance on this machine wrote the same index first: the same bytes, by its name.
                }
                finally
                {
                    if (Directory.Exists(beside))
                    {
                        Directory.Delete(beside, recursive: true);
                    }
                }
            }
            else
            {
                // Marked in use, so an instance serving another snapshot does not take it for a stale one.
                Directory.SetLastWriteTimeUtc(final, DateTime.UtcNow);
            }
            RemoveStale(final);
            return final;
        }
        finally
        {
            _file.Dispose();
        }
    }

    /// <summary>
    /// The section to <paramref name="folder"/>: its bytes copied to one file while hashed, chunk by chunk, then, once
    /// the hash is the recorded one, split into the Lucene files it holds.
    /// </summary>
    private async Task WriteSectionAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var whole = Path.Combine(folder, ".section");
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            await using (var output = new FileStream(whole, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                for (var at = 0L; at < _section.Length; at += ChunkBytes)
                {
                    var chunk = await _file.ReadAsync(_section.Offset + at, (int)Math.Min(ChunkBytes, _section.Length - at), cancellationToken);
                    hash.AppendData(chunk);
                    await output.WriteAsync(chunk, cancellationToken);
                }
            }
            if (!_section.Matches(hash.GetHashAndReset()))
            {
                throw new InvalidDataException("The checksum of the snapshot's search index section does not match its content (the file is damaged).");
            }
        }
        try
        {
            using var reader = new BinaryReader(new FileStream(whole, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes), Encoding.UTF8);
            SnapshotCodec.ReadIndex(reader, (name, length, from) =>
            {
                using var output = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
                var buffer = new byte[Math.Min(length, ChunkBytes)];
                for (var left = length; left > 0;)
                {
                    var read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                    if (read == 0)
                    {
                        throw new EndOfStreamException();
                    }
                    output.Write(buffer, 0, read);
                    left -= read;
                }
            });
        }
        catch (Exception error) when (error is EndOfStreamException or IOException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"The snapshot's search index section does not parse ({error.Message}).", error);
        }
        File.Delete(whole);
    }

    /// <summary>
    /// Index folders of other snapshots, once they are old enough not to be one another instance on this machine is
    /// writing or opening now (an instance already serving one keeps its mapped files: removing them does not unmap them).
    /// </summary>
    private void RemoveStale(string inUse)
    {
        foreach (var other in new DirectoryInfo(_folder).EnumerateDirectories())
        {
            if (other.FullName != Path.GetFullPath(inUse) && DateTime.UtcNow - other.LastWriteTimeUtc > StaleAfter)
            {
                try
                {
                    other.Delete(recursive: true);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    // In use where that stops its removal (Windows): removed by a later start.
                }
            }
        }
    }
}
