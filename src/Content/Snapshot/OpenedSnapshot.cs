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
    // Each chunk's parse, set by whoever starts it first (a request, or a thread of ReadAllAsync) and shared by every asker.
    private readonly Task<SnapshotLeaflet[]>?[] _chunks;
    private int _parsed;

    internal OpenedSnapshot(ISnapshotFile file, ContentSnapshot head, SnapshotDirectory directory, SnapshotSection chunks, SnapshotSection index, string toRoot)
    {
        (_file, _chunksOffset, _indexSection, _fromRoot, _toRoot) = (file, chunks.Offset, index, head.DisplayRoot, toRoot);
        Head = head.ForRoot(toRoot);
        Directory = directory;
        _chunks = new Task<SnapshotLeaflet[]>?[directory.ChunkCount];
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
        var leaflets = await Chunk(at / SnapshotCodec.LeafletsPerChunk, onThisThread: false).WaitAsync(cancellationToken);
        return leaflets[at % SnapshotCodec.LeafletsPerChunk];
    }

    /// <summary>
    /// The whole snapshot: every chunk not parsed yet, on <paramref name="parallelism"/> threads of its own, then its
    /// leaflets in one sorted dictionary. The first damaged chunk is thrown as itself (not an <see cref="AggregateException"/>).
    /// </summary>
    /// <remarks>
    /// Threads of its own, not the thread pool's: a start on 2 cores has a pool of about 2 threads, and a parse holding
    /// them (3 s at 10,000 leaflets under load) held back the very request it was meant to answer early, whose every
    /// continuation needs a pool thread.
    /// </remarks>
    public async Task<ContentSnapshot> ReadAllAsync(int parallelism, CancellationToken cancellationToken)
    {
        var next = -1;
        var failed = false;
        void Parse()
        {
            for (var chunk = Interlocked.Increment(ref next); chunk < _chunks.Length && !failed && !cancellationToken.IsCancellationRequested;
                 chunk = Interlocked.Increment(ref next))
            {
                failed |= Chunk(chunk, onThisThread: true).IsFaulted;
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, parallelism)).Select(_ =>
            Task.Factory.StartNew(Parse, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        cancellationToken.ThrowIfCancellationRequested();
        // A chunk a request started is awaited here; the first fault in chunk order is the reason given.
        foreach (var chunk in _chunks)
        {
            if (chunk is { IsFaulted: true })
            {
                await chunk;
            }
        }
        var leaflets = ImmutableSortedDictionary.CreateBuilder<string, SnapshotLeaflet>(StringComparer.Ordinal);
        foreach (var chunk in _chunks)
        {
            foreach (var leaflet in await chunk!.WaitAsync(cancellationToken))
            {
                leaflets.Add(leaflet.Shell.Id, leaflet);
            }
        }
        return Head with { Leaflets = leaflets.ToImmutable(), IndexSection = _indexSection };
    }

    /// <summary>
    /// The parse of <paramref name="chunk"/>, started now unless it was already: on this thread, blocking it
    /// (<paramref name="onThisThread"/>: a thread of <see cref="ReadAllAsync"/>), else read asynchronously and parsed on
    /// the thread the read completes on (a request's: one chunk). Never cancelled: a chunk is parsed once for every asker,
    /// so one asker's cancellation must not fail it for the rest.
    /// </summary>
    private Task<SnapshotLeaflet[]> Chunk(int chunk, bool onThisThread)
    {
        if (Volatile.Read(ref _chunks[chunk]) is { } started)
        {
            return started;
        }
        var parse = new TaskCompletionSource<SnapshotLeaflet[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _chunks[chunk], parse.Task, null) is { } other)
        {
            return other;
        }
        var where = Directory[chunk];
        var read = _file.ReadAsync(_chunksOffset + where.Offset, where.Length, CancellationToken.None);
        if (onThisThread)
        {
            Complete(parse, chunk, read);
        }
        else
        {
            _ = read.ContinueWith(done => Complete(parse, chunk, done), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
        return parse.Task;
    }

    private void Complete(TaskCompletionSource<SnapshotLeaflet[]> parse, int chunk, Task<byte[]> read)
    {
        try
        {
            parse.SetResult(Parse(chunk, read.GetAwaiter().GetResult()));
        }
        catch (Exception error)
        {
            parse.SetException(error);
        }
    }

    private SnapshotLeaflet[] Parse(int chunk, byte[] bytes)
    {
        if (Sha256Digest.FromBytes(SHA256.HashData(bytes)) != Directory[chunk].Sha256)
        {
            throw new InvalidDataException($"the checksum of its leaflet chunk {chunk} does not match its content (the file is damaged)");
        }
        SnapshotLeaflet[] leaflets;
        try
        {
            leaflets = SnapshotCodec.ReadChunk(bytes, Directory.IdsOf(chunk), _shared);
        }
        catch (Exception error) when (error is EndOfStreamException or IOException or InvalidDataException or ArgumentException or FormatException)
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
