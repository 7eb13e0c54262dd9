using System.Collections.Concurrent;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Search;
using Leaflets.Content.Snapshot;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leaflets.Api.Tests;

/// <summary>
/// A search of a catalog served from its compiled snapshot, whose leaflets hold no bodies until loaded: a word matched in
/// a body has its snippet cut from the texts the index stores, so a search reads nothing from the source. Loading a
/// page's 25 bodies from their Markdown was most of what a search not yet remembered cost at 10,000 leaflets, and a
/// search waiting on the source held connections while the pool starved (bench/README, "Snippets from the index").
/// </summary>
public sealed class CompiledSnapshotSearchTests
{
    /// <summary>In the body of bone-scan alone ("if you might be pregnant"), in no title, summary or topic.</summary>
    private static readonly LeafletQuery BodyWord = LeafletQuery.Default with { Words = ["pregnant"] };

    [Fact]
    public async Task A_search_matching_a_body_cuts_its_snippet_from_the_index_and_answers_while_every_read_of_the_source_is_held()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, null, CancellationToken.None);
        var source = new GatedSource(sandbox.ContentRoot);
        using var catalog = new LeafletCatalog(source, TimeProvider.System, NullLogger<LeafletCatalog>.Instance);
        var snapshot = await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();
        source.Hold();

        var page = await snapshot.SearchAsync(BodyWord, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(snapshot.Compiled);
        Assert.Equal("bone-scan", Assert.Single(page.Items).Id);
        Assert.Contains(page.Snippets["bone-scan"].Parts, part => part.IsMatch && part.Text == "pregnant");
        Assert.Empty(source.FilesRead);
        Assert.Equal(0, catalog.Loaded.Loads);
    }

    /// <summary>The folder source, recording each file read one by one; once held, such a read never completes.</summary>
    private sealed class GatedSource(string root) : IContentSource
    {
        private readonly FileContentSource _inner = new(root);
        private readonly ConcurrentQueue<string> _files = new();
        private TaskCompletionSource? _gate;

        public IReadOnlyList<string> FilesRead => [.. _files];

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public string DisplayRoot => _inner.DisplayRoot;

        public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken) => _inner.ReadAllAsync(cancellationToken);

        public IAsyncEnumerable<ContentListing> ListAsync(CancellationToken cancellationToken) => _inner.ListAsync(cancellationToken);

        public async Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken)
        {
            _files.Enqueue(path);
            if (_gate is { } gate)
            {
                await gate.Task;
            }
            return await _inner.ReadFileAsync(path, cancellationToken);
        }

        public Task<ISnapshotFile?> OpenSnapshotAsync(CancellationToken cancellationToken) => _inner.OpenSnapshotAsync(cancellationToken);
    }
}
