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

        var first = searches.Search(Words("bone", "cement"));
        var again = searches.Search(Words("bone", "cement"));

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
            searches.Search(query);
            searches.Search(query);
        }

        Assert.Equal(queries.Length, _index.Searches);
    }

    [Fact]
    public void A_page_larger_than_the_bound_is_not_remembered_so_memory_never_grows_past_it()
    {
        var searches = new RememberedSearches(_index, maxBytes: 64);

        searches.Search(Words("pain"));
        searches.Search(Words("pain"));

        Assert.Equal(2, _index.Searches);
    }

    [Fact]
    public async Task Many_requests_missing_the_same_query_at_once_search_it_once_and_share_the_page()
    {
        using var release = new ManualResetEventSlim();
        var index = new CountingIndex(LuceneLeafletIndex.Build(SearchLeaflets.Library), release);
        var searches = new RememberedSearches(index);

        var waiting = Enumerable.Range(0, 8).Select(_ => Task.Run(() => searches.Search(Words("bone", "cement")))).ToList();
        // Every request has had time to miss and wait before the one search is let finish.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        release.Set();
        var pages = await Task.WhenAll(waiting);

        Assert.Equal(1, index.Searches);
        Assert.All(pages, page => Assert.Same(pages[0], page));
        // Remembered now, so a later miss of another query searches again, and only that one.
        searches.Search(Words("pain"));
        Assert.Equal(2, index.Searches);
    }

    private sealed class CountingIndex(ILeafletSearchIndex inner, ManualResetEventSlim? release = null) : ILeafletSearchIndex
    {
        private int _searches;

        public int Searches => Volatile.Read(ref _searches);

        public SearchPage Search(LeafletQuery query)
        {
            Interlocked.Increment(ref _searches);
            release?.Wait(TimeSpan.FromSeconds(30));
            return inner.Search(query);
        }
    }
}
