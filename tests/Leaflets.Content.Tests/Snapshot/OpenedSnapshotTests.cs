using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Snapshot;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Leaflets.Content.Tests.Snapshot;

/// <summary>
/// A compiled snapshot answers one leaflet once its head and that leaflet's chunk are read (issue 12), never a leaflet
/// of a damaged chunk, and the whole library once every chunk is.
/// </summary>
public sealed class OpenedSnapshotTests
{
    // Three chunks: 256, 256 and 88 leaflets.
    private const int LeafletCount = (2 * 256) + 88;

    private static readonly Lazy<(IReadOnlyList<ContentFile> Files, ContentSnapshot Snapshot)> Library = new(() =>
    {
        var files = Enumerable.Range(0, LeafletCount)
            .Select(i => new ContentFile($"leaflets/{Id(i)}/plain.md", [.. Encoding.UTF8.GetBytes(SampleLeaflets.Markdown($"Leaflet {i}", version: 1))]))
            .ToList();
        var content = LeafletLoader.Load("memory", files);
        using var listing = new ContentFingerprint();
        foreach (var file in files)
        {
            listing.Add(new ContentListing(file.Path, file.Bytes.Length, file.LastModified, ContentMd5: null));
        }
        var fingerprint = listing.Finish();
        return (files, ContentSnapshot.Of("memory", content, files, fingerprint, checks: null));
    });

    private static string Id(int i) => $"leaflet-{i:0000}";

    [Fact]
    public async Task A_leaflet_is_found_with_only_its_own_chunk_read_and_parsed()
    {
        var (opened, _) = await ContentSnapshot.OpenAsync(new MemorySnapshotFile(Library.Value.Snapshot.ToBytes()), toRoot: null, CancellationToken.None);

        var found = await opened!.FindAsync(Id(300), CancellationToken.None);

        Assert.Equal(1, opened.ChunksParsed);
        Assert.Equal("Leaflet 300", found!.Shell.Plain.Metadata.Title);
        Assert.Equal(Library.Value.Snapshot.Leaflets[Id(300)].MarkdownHashes, found.MarkdownHashes);
        Assert.Null(await opened.FindAsync("leaflet-none", CancellationToken.None));
        Assert.Equal(1, opened.ChunksParsed); // an unknown id is answered by the directory, parsing nothing
    }

    [Fact]
    public async Task Reading_all_gives_every_leaflet_once_whatever_was_found_before_and_parses_each_chunk_once()
    {
        var (opened, _) = await ContentSnapshot.OpenAsync(new MemorySnapshotFile(Library.Value.Snapshot.ToBytes()), toRoot: null, CancellationToken.None);
        var first = await opened!.FindAsync(Id(5), CancellationToken.None);

        var all = await opened.ReadAllAsync(parallelism: 2, CancellationToken.None);

        Assert.Equal(Library.Value.Snapshot.Leaflets.Keys, all.Leaflets.Keys);
        Assert.Same(first, all.Leaflets[Id(5)]);
        Assert.Equal(3, opened.ChunksParsed);
        Assert.NotNull(all.IndexSection);
    }

    [Fact]
    public async Task A_snapshot_opened_for_another_root_names_the_files_of_the_leaflets_it_parses_by_that_root()
    {
        var (opened, _) = await ContentSnapshot.OpenAsync(new MemorySnapshotFile(Library.Value.Snapshot.ToBytes()), toRoot: "/srv/content/", CancellationToken.None);

        var found = await opened!.FindAsync(Id(7), CancellationToken.None);

        Assert.Equal($"/srv/content/leaflets/{Id(7)}/plain.md", found!.Shell.Plain.SourcePath);
        Assert.Equal("/srv/content", opened.Head.DisplayRoot);
    }

    [Fact]
    public async Task A_damaged_chunk_gives_no_leaflet_and_refuses_the_whole_snapshot_while_the_other_chunks_still_read()
    {
        var bytes = Library.Value.Snapshot.ToBytes();
        var chunks = SectionOf(bytes, 1);
        bytes[chunks.Offset + chunks.Length - 10] ^= 0x20; // in the last chunk

        var (opened, _) = await ContentSnapshot.OpenAsync(new MemorySnapshotFile(bytes), toRoot: null, CancellationToken.None);
        var damaged = await Assert.ThrowsAsync<InvalidDataException>(() => opened!.FindAsync(Id(LeafletCount - 1), CancellationToken.None));
        var good = await opened!.FindAsync(Id(0), CancellationToken.None);
        var (whole, reason) = await ContentSnapshot.ReadAsync(new MemorySnapshotFile(bytes), CancellationToken.None);

        Assert.Contains("checksum of its leaflet chunk 2", damaged.Message, StringComparison.Ordinal);
        Assert.Equal("Leaflet 0", good!.Shell.Plain.Metadata.Title);
        Assert.Null(whole);
        Assert.Contains("checksum of its leaflet chunk 2", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_content_writes_the_same_head_and_chunks_byte_for_byte()
    {
        var (files, written) = Library.Value;
        var again = ContentSnapshot.Of("memory", LeafletLoader.Load("memory", files), files, written.Fingerprint, checks: null);

        // The search index section stamps its segments with the time they were written: all before it is compared.
        var first = written.ToBytes();
        var second = again.ToBytes();
        var indexAt = (int)SectionOf(first, 2).Offset;

        Assert.Equal(indexAt, (int)SectionOf(second, 2).Offset);
        Assert.Equal(first.AsSpan(0, 16 + (2 * 48)).ToArray(), second.AsSpan(0, 16 + (2 * 48)).ToArray()); // the table of the head and chunks
        Assert.Equal(first.AsSpan(SnapshotFormat.HeaderLength, indexAt - SnapshotFormat.HeaderLength).ToArray(),
            second.AsSpan(SnapshotFormat.HeaderLength, indexAt - SnapshotFormat.HeaderLength).ToArray());
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task A_snapshot_of_an_earlier_format_version_is_refused_with_its_version(int version)
    {
        var bytes = Library.Value.Snapshot.ToBytes();
        BitConverter.GetBytes(version).CopyTo(bytes, 8);

        var (opened, reason) = await ContentSnapshot.OpenAsync(new MemorySnapshotFile(bytes), toRoot: null, CancellationToken.None);

        Assert.Null(opened);
        Assert.Equal($"it is of format version {version}, and this app reads version {SnapshotFormat.Version}", reason);
    }

    [Fact]
    public async Task A_cold_catalog_answers_one_leaflet_from_its_chunk_while_the_other_chunks_are_not_yet_read_and_lists_all_once_they_are()
    {
        var bytes = Library.Value.Snapshot.ToBytes();
        var chunks = SectionOf(bytes, 1);
        // The first chunk's read is held back: the library cannot be whole until it is released.
        var file = new HeldSnapshotFile(bytes, holds: offset => offset == chunks.Offset);
        using var catalog = Catalog(new SnapshotSource(Library.Value.Files, file), readThreads: 1);

        var (early, leaflet) = await catalog.FindAsync(Id(LeafletCount - 1), CancellationToken.None);
        var body = await early.LoadBodiesAsync(leaflet!, CancellationToken.None);
        var whole = catalog.GetSnapshotAsync(CancellationToken.None).AsTask();
        var wholeBeforeRelease = whole.IsCompleted;
        file.Release();

        Assert.Equal("Leaflet 599", leaflet!.Plain.Metadata.Title);
        Assert.True(body.AreBodiesLoaded);
        Assert.Empty(early.Content.Leaflets); // nothing lists from the early answer's snapshot
        Assert.False(wholeBeforeRelease); // the whole library waits for the first chunk, held back
        Assert.Equal(LeafletCount, (await whole).Content.Leaflets.Count);
        Assert.NotNull((await whole).Compiled);
    }

    [Fact]
    public async Task A_cold_catalog_asked_for_a_leaflet_of_a_damaged_chunk_answers_not_loaded_and_then_serves_the_markdown()
    {
        var bytes = Library.Value.Snapshot.ToBytes();
        var chunks = SectionOf(bytes, 1);
        bytes[chunks.Offset + chunks.Length - 10] ^= 0x20; // in the last chunk
        var file = new HeldSnapshotFile(bytes, holds: offset => offset == chunks.Offset);
        using var catalog = Catalog(new SnapshotSource(Library.Value.Files, file), readThreads: 1);

        var refused = await Assert.ThrowsAsync<ContentNotLoadedException>(() => catalog.FindAsync(Id(LeafletCount - 1), CancellationToken.None).AsTask());
        file.Release();
        var served = await CatalogWaits.WhenServedAsync(catalog, snapshot => snapshot.Compiled is null);
        var (_, fromMarkdown) = await catalog.FindAsync(Id(LeafletCount - 1), CancellationToken.None);

        Assert.Contains("checksum of its leaflet chunk 2", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.Null(served.Compiled);
        Assert.Equal(LeafletCount, served.Content.Leaflets.Count);
        Assert.True(fromMarkdown!.AreBodiesLoaded); // read from the Markdown, not a shell of the damaged file
    }

    [Fact]
    public async Task A_cold_catalog_reads_no_chunk_but_the_asked_leaflets_until_its_first_answer_has_gone_and_then_every_one()
    {
        var bytes = Library.Value.Snapshot.ToBytes();
        var file = new HeldSnapshotFile(bytes, holds: _ => false);
        var chunks = SectionOf(bytes, 1);
        var firstAnswer = new FirstAnswer();
        using var catalog = Catalog(new SnapshotSource(Library.Value.Files, file), readThreads: 1, firstAnswer);

        var (early, leaflet) = await catalog.FindAsync(Id(300), CancellationToken.None);
        await early.LoadBodiesAsync(leaflet!, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // room for a parse that must not begin (FirstAnswer.Limit is 5 s)
        var chunksReadBefore = file.ReadsFrom(chunks.Offset, chunks.Length);
        firstAnswer.Sent();
        var whole = await catalog.WhenLoadedAsync(CancellationToken.None);

        Assert.Equal(1, chunksReadBefore); // leaflet 300's, the second
        Assert.Equal(3, file.ReadsFrom(chunks.Offset, chunks.Length)); // each chunk once: the second is not read again
        Assert.Equal(LeafletCount, whole.Snapshot.Content.Leaflets.Count);
    }

    [Fact]
    public async Task A_request_for_the_whole_library_before_the_first_answer_has_every_chunk_parsed_at_once()
    {
        var firstAnswer = new FirstAnswer();
        using var catalog = Catalog(new SnapshotSource(Library.Value.Files, new MemorySnapshotFile(Library.Value.Snapshot.ToBytes())), readThreads: 1, firstAnswer);

        var (early, _) = await catalog.FindAsync(Id(5), CancellationToken.None);
        // A list, a search or health: not kept waiting for an answer that has not gone, nor for the limit after which it is not awaited.
        var whole = await catalog.GetSnapshotAsync(CancellationToken.None).AsTask().WaitAsync(FirstAnswer.Limit / 2);

        Assert.Empty(early.Content.Leaflets);
        Assert.False(firstAnswer.IsSent);
        Assert.Equal(LeafletCount, whole.Content.Leaflets.Count);
    }

    private static LeafletCatalog Catalog(IContentSource source, int readThreads, FirstAnswer? firstAnswer = null) =>
        new(source, TimeProvider.System, NullLogger<LeafletCatalog>.Instance, Options.Create(new ContentOptions { SnapshotReadThreads = readThreads }), firstAnswer);

    /// <summary>Section <paramref name="number"/> of a snapshot file, as its header's table lists it (offset and length).</summary>
    private static (int Offset, int Length) SectionOf(byte[] snapshot, int number)
    {
        var row = 16 + (number * 48);
        return ((int)BitConverter.ToInt64(snapshot, row), (int)BitConverter.ToInt64(snapshot, row + 8));
    }

    /// <summary>A content source in memory with a compiled snapshot.</summary>
    private sealed class SnapshotSource(IReadOnlyList<ContentFile> files, ISnapshotFile snapshot) : IContentSource
    {
        public string DisplayRoot => "memory";

        public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken) => Task.FromResult(files);

        public Task<ISnapshotFile?> OpenSnapshotAsync(CancellationToken cancellationToken) => Task.FromResult<ISnapshotFile?>(snapshot);
    }

    /// <summary>A snapshot in memory whose reads at the offsets <paramref name="holds"/> picks wait until <see cref="Release"/>, and which counts its reads.</summary>
    private sealed class HeldSnapshotFile(byte[] bytes, Func<long, bool> holds) : ISnapshotFile
    {
        private readonly MemorySnapshotFile _file = new(bytes);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<long> _reads = new();

        public long Length => _file.Length;

        public void Release() => _released.TrySetResult();

        /// <summary>How many reads began within the <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
        public int ReadsFrom(long offset, long length) => _reads.Count(at => at >= offset && at < offset + length);

        public async Task<byte[]> ReadAsync(long offset, int length, CancellationToken cancellationToken)
        {
            _reads.Enqueue(offset);
            if (holds(offset))
            {
                await _released.Task.WaitAsync(cancellationToken);
            }
            return await _file.ReadAsync(offset, length, cancellationToken);
        }

        public void Dispose()
        {
        }
    }
}
