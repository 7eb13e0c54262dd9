using System.Collections.Immutable;
using System.Security.Cryptography;

namespace Leaflets.Content.Snapshot;

/// <summary>Where one chunk of leaflets lies in the chunks section, and the SHA-256 its bytes must have.</summary>
public readonly record struct SnapshotChunk(long Offset, int Length, Sha256Digest Sha256);

/// <summary>
/// The directory of a snapshot's leaflets, read with its head: every leaflet id in ascending ordinal order, and the
/// chunks holding them, <see cref="SnapshotCodec.LeafletsPerChunk"/> ids to a chunk in that order.
/// </summary>
public sealed class SnapshotDirectory(string[] ids, SnapshotChunk[] chunks)
{
    public int Count => ids.Length;

    public int ChunkCount => chunks.Length;

    internal SnapshotChunk this[int chunk] => chunks[chunk];

    /// <summary>Where leaflet <paramref name="id"/> is among all (in order), or a negative number when the snapshot has no such leaflet.</summary>
    public int IndexOf(string id) => Array.BinarySearch(ids, id, StringComparer.Ordinal);

    /// <summary>The ids of the leaflets in <paramref name="chunk"/>, in order.</summary>
    internal ReadOnlySpan<string> IdsOf(int chunk) =>
        ids.AsSpan(chunk * SnapshotCodec.LeafletsPerChunk, Math.Min(SnapshotCodec.LeafletsPerChunk, ids.Length - (chunk * SnapshotCodec.LeafletsPerChunk)));
}

/// <summary>
/// A compiled snapshot opened for serving: its header and head section read and checked (<see cref="Head"/>: the app
/// version, fingerprint, strings, problems and check results, with no leaflets yet, and the <see cref="Directory"/>),
/// its leaflets read a chunk at a time as they are asked for (<see cref="FindAsync"/>), each chunk read by range,
/// checked against the SHA-256 the directory gives it, parsed and moved to the serving root once, whoever asks first;
/// and all of them by <see cref="ReadAllAsync"/>, which gives the whole snapshot. A chunk that fails its checksum or
/// does not parse is <see cref="InvalidDataException"/> for every asker, and never gives a leaflet.
/// See src/Content/Snapshot/README.md ("Answered before it is all parsed").
/// </summary>
public sealed class OpenedSnapshot
{
    private readonly ISnapshotFile _file;
    private readonly long _chunksOffset;
    private readonly string _fromRoot;
    private readonly string _toRoot;
    private readonly SnapshotSection _indexSection;
    // One set for the whole read: a value shared by leaflets of two chunks is one string, as when all were parsed at once.
    private readonly SharedStrings _shared = new();
    private readonly Lazy<Task<SnapshotLeaflet[]>>[] _chunks;
    private int _parsed;

    internal OpenedSnapshot(ISnapshotFile file, ContentSnapshot head, SnapshotDirectory directory, SnapshotSection chunks, SnapshotSection index, string toRoot)
    {
        (_file, _chunksOffset, _indexSection, _fromRoot, _toRoot) = (file, chunks.Offset, index, head.DisplayRoot, toRoot);
        Head = head.ForRoot(toRoot);
        Directory = directory;
        _chunks = [.. Enumerable.Range(0, directory.ChunkCount).Select(chunk =>
            new Lazy<Task<SnapshotLeaflet[]>>(() => ParseAsync(chunk), LazyThreadSafetyMode.ExecutionAndPublication))];
    }

    /// <summary>The snapshot's head, moved to the serving root: everything but its leaflets and search index.</summary>
    public ContentSnapshot Head { get; }

    public SnapshotDirectory Directory { get; }

    /// <summary>How many chunks have been parsed so far (for tests: a leaflet answered before the rest were).</summary>
    public int ChunksParsed => Volatile.Read(ref _parsed);

    /// <summary>
    /// Leaflet <paramref name="id"/> as recorded, or null when the snapshot has none: its chunk only is read and parsed,
    /// unless that is done or under way already (then that is awaited).
    /// </summary>
    /// <exception cref="InvalidDataException">Its chunk is damaged (checksum) or does not parse.</exception>
    /// <exception cref="SnapshotChangedException">The snapshot was replaced since it was opened (blob mode).</exception>
    public async Task<SnapshotLeaflet?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var at = Directory.IndexOf(id);
        if (at < 0)
        {
            return null;
        }
        var leaflets = await _chunks[at / SnapshotCodec.LeafletsPerChunk].Value.WaitAsync(cancellationToken);
        return leaflets[at % SnapshotCodec.LeafletsPerChunk];
    }

    /// <summary>
    /// The whole snapshot: every chunk not parsed yet, <paramref name="parallelism"/> at a time, then its leaflets in one
    /// sorted dictionary. The first damaged chunk is thrown as itself (not an <see cref="AggregateException"/>).
    /// </summary>
    public async Task<ContentSnapshot> ReadAllAsync(int parallelism, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, _chunks.Length), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (chunk, token) => await _chunks[chunk].Value.WaitAsync(token));
        var leaflets = ImmutableSortedDictionary.CreateBuilder<string, SnapshotLeaflet>(StringComparer.Ordinal);
        foreach (var chunk in _chunks)
        {
            foreach (var leaflet in await chunk.Value)
            {
                leaflets.Add(leaflet.Shell.Id, leaflet);
            }
        }
        return Head with { Leaflets = leaflets.ToImmutable(), IndexSection = _indexSection };
    }

    // Never cancelled: a chunk is parsed once for every asker, so one asker's cancellation must not fail it for the rest.
    private async Task<SnapshotLeaflet[]> ParseAsync(int chunk)
    {
        var where = Directory[chunk];
        var bytes = await _file.ReadAsync(_chunksOffset + where.Offset, where.Length, CancellationToken.None).ConfigureAwait(false);
        if (Sha256Digest.FromBytes(SHA256.HashData(bytes)) != where.Sha256)
        {
            throw new InvalidDataException($"the checksum of its leaflet chunk {chunk} does not match its content (the file is damaged)");
        }
        SnapshotLeaflet[] leaflets;
        try
        {
            leaflets = SnapshotCodec.ReadChunk(bytes, Directory.IdsOf(chunk), _shared);
        }
        catch (Exception error) when (error is EndOfStreamException or IOException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"its leaflet chunk {chunk} does not parse ({error.Message})", error);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"its leaflet chunk {chunk} does not parse ({error.Message})", error);
        }
        if (_fromRoot != _toRoot)
        {
            for (var i = 0; i < leaflets.Length; i++)
            {
                leaflets[i] = leaflets[i].ForRoot(_fromRoot, _toRoot);
            }
        }
        Interlocked.Increment(ref _parsed);
        return leaflets;
    }
}
