using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Search;
using Leaflets.Content.Snapshot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Leaflets.Api.Tests;

/// <summary>
/// A start's background work (opening the search index, comparing the listing with the compiled snapshot, the checks)
/// waits for the first answer to have gone (<see cref="FirstAnswer"/>), so that on two cores the first request does not
/// share the CPU with it; a search that comes first is not kept waiting for it, and answers from the snapshot's own index.
/// </summary>
public sealed class FirstAnswerTests
{
    /// <summary>In the body of bone-scan alone ("if you might be pregnant"), in no title, summary or topic.</summary>
    private static readonly LeafletQuery BodyWord = LeafletQuery.Default with { Words = ["pregnant"] };

    /// <summary>A catalog of <paramref name="sandbox"/>'s content read through <paramref name="source"/>, with a compiled snapshot written beside it first.</summary>
    private static async Task<LeafletCatalog> CatalogOfCompiledSnapshotAsync(ContentSandbox sandbox, IContentSource source, FirstAnswer firstAnswer)
    {
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, null, CancellationToken.None);
        return new LeafletCatalog(source, TimeProvider.System, NullLogger<LeafletCatalog>.Instance, Options.Create(new ContentOptions()), firstAnswer);
    }

    [Fact]
    public async Task A_catalog_served_from_its_compiled_snapshot_opens_no_index_and_lists_no_source_until_the_first_answer_has_gone()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var source = new ListingCountingSource(sandbox.ContentRoot);
        var firstAnswer = new FirstAnswer();
        using var catalog = await CatalogOfCompiledSnapshotAsync(sandbox, source, firstAnswer);

        var snapshot = await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.GetStateAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();
        var listingsBefore = source.Listings;
        var indexBuiltBefore = snapshot.SearchIsBuilt;

        firstAnswer.Sent();
        await Until(() => source.Listings > 0 && snapshot.SearchIsBuilt);

        Assert.NotNull(snapshot.Compiled);
        Assert.Equal(0, listingsBefore);
        Assert.False(indexBuiltBefore);
        Assert.Equal(1, source.Listings);
        Assert.Same(snapshot, (await catalog.GetStateAsync(CancellationToken.None)).Snapshot);
    }

    [Fact]
    public async Task A_search_that_comes_before_the_first_answer_opens_the_index_itself_and_finds_the_snapshots_leaflet()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var firstAnswer = new FirstAnswer();
        using var catalog = await CatalogOfCompiledSnapshotAsync(sandbox, new FileContentSource(sandbox.ContentRoot), firstAnswer);
        var snapshot = await catalog.GetSnapshotAsync(CancellationToken.None);

        // Well within the limit after which the background work would open the index without an answer.
        var page = await snapshot.SearchAsync(BodyWord, CancellationToken.None).AsTask().WaitAsync(FirstAnswer.Limit / 2);

        Assert.False(firstAnswer.IsSent);
        Assert.Equal("bone-scan", Assert.Single(page.Items).Id);
        Assert.Contains(page.Snippets["bone-scan"].Parts, part => part.IsMatch && part.Text == "pregnant");
    }

    [Fact]
    public async Task Serve_says_when_its_first_answer_has_gone_and_the_snapshots_index_is_opened_after_it()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, null, CancellationToken.None);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var firstAnswer = server.Services.GetRequiredService<FirstAnswer>();
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        var sentBefore = firstAnswer.IsSent;

        using var response = await server.Client.GetAsync("/api/leaflets/bone-scan");
        await Until(() => firstAnswer.IsSent);
        var snapshot = await catalog.GetSnapshotAsync(CancellationToken.None);
        await Until(() => snapshot.SearchIsBuilt);

        Assert.False(sentBefore);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(snapshot.Compiled);
    }

    [Fact]
    public async Task With_no_request_the_background_work_starts_after_the_limit_all_the_same()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var firstAnswer = new FirstAnswer();
        using var catalog = await CatalogOfCompiledSnapshotAsync(sandbox, new FileContentSource(sandbox.ContentRoot), firstAnswer);

        var snapshot = await catalog.GetSnapshotAsync(CancellationToken.None);
        await firstAnswer.Gone.WaitAsync(FirstAnswer.Limit * 6);
        await Until(() => snapshot.SearchIsBuilt);

        Assert.False(firstAnswer.IsSent);
    }

    /// <summary>Waits for background work, within a bound far beyond what it takes, so a test that fails ends.</summary>
    private static async Task Until(Func<bool> done)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!done())
        {
            await Task.Delay(20, bound.Token);
        }
    }

    /// <summary>The folder source, counting the listings asked of it (the comparison with a compiled snapshot).</summary>
    private sealed class ListingCountingSource(string root) : IContentSource
    {
        private readonly FileContentSource _inner = new(root);
        private int _listings;

        public int Listings => Volatile.Read(ref _listings);

        public string DisplayRoot => _inner.DisplayRoot;

        public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken) => _inner.ReadAllAsync(cancellationToken);

        public async IAsyncEnumerable<ContentListing> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _listings);
            await foreach (var file in _inner.ListAsync(cancellationToken))
            {
                yield return file;
            }
        }

        public Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken) => _inner.ReadFileAsync(path, cancellationToken);

        public Task<ISnapshotFile?> OpenSnapshotAsync(CancellationToken cancellationToken) => _inner.OpenSnapshotAsync(cancellationToken);
    }
}
