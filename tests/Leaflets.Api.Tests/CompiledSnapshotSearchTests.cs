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
/// a body has the result's Markdown read for its snippet, never its images, and the read is awaited, so a search
/// waiting on the source holds no thread (at 64 connections on two cores, waiting ones starved every route).
/// </summary>
public sealed class CompiledSnapshotSearchTests
{
    /// <summary>In the body of bone-scan alone ("if you might be pregnant"), in no title, summary or topic.</summary>
    private static readonly LeafletQuery BodyWord = LeafletQuery.Default with { Words = ["pregnant"] };

    [Fact]
    public async Task A_search_matching_a_body_reads_the_results_markdown_and_no_image_and_cuts_its_snippet_from_it()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, null, CancellationToken.None);
        var source = new GatedSource(sandbox.ContentRoot);
        using var catalog = new LeafletCatalog(source, TimeProvider.System, NullLogger<LeafletCatalog>.Instance);
        var snapshot = await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();

        var page = await snapshot.SearchAsync(BodyWord, CancellationToken.None);

        Assert.NotNull(snapshot.Compiled);
        Assert.Equal("bone-scan", Assert.Single(page.Items).Id);
        Assert.Contains(page.Snippets["bone-scan"].Parts, part => part.IsMatch && part.Text == "pregnant");
        Assert.Contains("leaflets/bone-scan/plain.md", source.FilesRead);
        Assert.All(source.FilesRead, path => Assert.StartsWith("leaflets/bone-scan/", path, StringComparison.Ordinal));
        Assert.DoesNotContain(source.FilesRead, path => path.Contains("/images/", StringComparison.Ordinal));
        Assert.Equal(1, catalog.Loaded.Loads);
    }

    [Fact]
    public async Task A_search_whose_body_read_completes_later_returns_at_once_and_answers_when_the_read_does()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, null, CancellationToken.None);
        var source = new GatedSource(sandbox.ContentRoot);
        using var catalog = new LeafletCatalog(source, TimeProvider.System, NullLogger<LeafletCatalog>.Instance);
        var snapshot = await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();
        source.Hold();

        // Called on a thread the test can give up on: a search that waited for the read there would never return the task.
        var calling = Task.Factory.StartNew(() => snapshot.SearchAsync(BodyWord, CancellationToken.None).AsTask(),
            CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
        var searching = await calling.WaitAsync(TimeSpan.FromSeconds(30));
        await source.Asked.WaitAsync(TimeSpan.FromSeconds(30));
        var unansweredWhileReading = !searching.IsCompleted;
        source.Release();
        var page = await searching.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(unansweredWhileReading);
        Assert.Equal("bone-scan", Assert.Single(page.Items).Id);
        Assert.Contains(page.Snippets["bone-scan"].Parts, part => part.IsMatch && part.Text == "pregnant");
    }

    /// <summary>The folder source, recording each file read one by one; once held, such a read completes only when released.</summary>
    private sealed class GatedSource(string root) : IContentSource
    {
        private readonly FileContentSource _inner = new(root);
        private readonly ConcurrentQueue<string> _files = new();
        private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _gate;

        public IReadOnlyList<string> FilesRead => [.. _files];

        /// <summary>Completes when a file is first asked for after <see cref="Hold"/>.</summary>
        public Task Asked => _asked.Task;

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate?.SetResult();

        public string DisplayRoot => _inner.DisplayRoot;

        public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken) => _inner.ReadAllAsync(cancellationToken);

        public IAsyncEnumerable<ContentListing> ListAsync(CancellationToken cancellationToken) => _inner.ListAsync(cancellationToken);

        public async Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken)
        {
            _files.Enqueue(path);
            if (_gate is { } gate)
            {
                _asked.TrySetResult();
                await gate.Task;
            }
            return await _inner.ReadFileAsync(path, cancellationToken);
        }

        public Task<ISnapshotFile?> OpenSnapshotAsync(CancellationToken cancellationToken) => _inner.OpenSnapshotAsync(cancellationToken);
    }
}
