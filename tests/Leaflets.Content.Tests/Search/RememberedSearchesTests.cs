using Leaflets.Content.Search;

namespace Leaflets.Content.Tests.Search;

public sealed class RememberedSearchesTests
{
    private readonly CountingIndex _index = new(LuceneLeafletIndex.Build(SearchLeaflets.Library));

    private static LeafletQuery Words(params string[] words) => LeafletQuery.Default with { Words = [.. words] };

    [Fact]
    public void A_repeated_search_is_answered_from_memory_with_the_same_page()
    {
        var searches = new RememberedSearches(_index);

        var first = searches.SearchNow(Words("bone", "cement"));
        var again = searches.SearchNow(Words("bone", "cement"));

        Assert.Same(first, again);
        Assert.Equal(1, _index.Searches);
        Assert.Equal("cementoplasty", first.Items[0].Id);
    }

    [Fact]
    public void Searches_that_differ_in_any_part_are_each_searched()
    {
        var searches = new RememberedSearches(_index);
        LeafletQuery[] queries =
        [
            Words("pain"),
            Words("pain") with { Page = 2 },
            Words("pain") with { PageSize = 2 },
            Words("pain") with { Sort = LeafletSort.Title },
            Words("pain") with { Topic = "pain relief" },
            Words("pain") with { Language = "cy" },
            Words("pain", "diary"),
            Words("pain diary"),
        ];

        foreach (var query in queries)
        {
            searches.SearchNow(query);
            searches.SearchNow(query);
        }

        Assert.Equal(queries.Length, _index.Searches);
    }

    [Fact]
    public void A_page_larger_than_the_bound_is_not_remembered_so_memory_never_grows_past_it()
    {
        var searches = new RememberedSearches(_index, maxBytes: 64);

        searches.SearchNow(Words("pain"));
        searches.SearchNow(Words("pain"));

        Assert.Equal(2, _index.Searches);
    }

    [Fact]
    public async Task Many_requests_missing_the_same_query_at_once_search_it_once_and_share_the_page_holding_no_thread_meanwhile()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var index = new CountingIndex(LuceneLeafletIndex.Build(SearchLeaflets.Library), release.Task);
        var searches = new RememberedSearches(index);

        // Called on this thread one after another: a miss that waited for the search under way would never return.
        var waiting = Enumerable.Range(0, 8).Select(_ => searches.SearchAsync(Words("bone", "cement"), CancellationToken.None).AsTask()).ToList();
        Assert.All(waiting, request => Assert.False(request.IsCompleted));
        release.SetResult();
        var pages = await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, index.Searches);
        Assert.All(pages, page => Assert.Same(pages[0], page));
        // Remembered now, so a later miss of another query searches again, and only that one.
        await searches.SearchAsync(Words("pain"), CancellationToken.None);
        Assert.Equal(2, index.Searches);
    }

    [Fact]
    public async Task A_request_that_stops_waiting_leaves_the_search_to_answer_the_others_and_a_failed_search_is_tried_again()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var index = new CountingIndex(LuceneLeafletIndex.Build(SearchLeaflets.Library), release.Task);
        var searches = new RememberedSearches(index);
        using var goneAway = new CancellationTokenSource();

        var first = searches.SearchAsync(Words("bone", "cement"), goneAway.Token).AsTask();
        var second = searches.SearchAsync(Words("bone", "cement"), CancellationToken.None).AsTask();
        await goneAway.CancelAsync();
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("cementoplasty", (await second.WaitAsync(TimeSpan.FromSeconds(30))).Items[0].Id);
        Assert.Equal(1, index.Searches);

        var unreadable = new CountingIndex(index, Task.FromException(new IOException("The source could not be read.")));
        var failing = new RememberedSearches(unreadable);
        await Assert.ThrowsAsync<IOException>(async () => await failing.SearchAsync(Words("pain"), CancellationToken.None));
        await Assert.ThrowsAsync<IOException>(async () => await failing.SearchAsync(Words("pain"), CancellationToken.None));
        Assert.Equal(2, unreadable.Searches);
    }

    /// <summary>Counts the searches that reach the index; each waits for <c>release</c> (awaited, as a read is) first.</summary>
    private sealed class CountingIndex(ILeafletSearchIndex inner, Task? release = null) : ILeafletSearchIndex
    {
        private int _searches;

        public int Searches => Volatile.Read(ref _searches);

        public async ValueTask<SearchPage> SearchAsync(LeafletQuery query, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _searches);
            if (release is not null)
            {
                await release;
            }
            return await inner.SearchAsync(query, cancellationToken);
        }
    }
}
