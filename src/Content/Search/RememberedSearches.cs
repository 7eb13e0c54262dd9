using System.Collections.Concurrent;
using Leaflets.Content.Caching;

namespace Leaflets.Content.Search;

/// <summary>
/// The searches of one snapshot remembered by what was asked, so a search people repeat ("bone cement" from every
/// clinic's box) is ranked and its snippets cut once per snapshot rather than on every request. A miss costs what the
/// index costs (a few milliseconds at a thousand leaflets: bench/README, "Search"); a hit costs a lookup. Bounded by
/// the bytes its pages hold beyond the leaflets, which the snapshot holds anyway; a new snapshot starts empty, so an
/// edit is never answered from an old page.
/// </summary>
public sealed class RememberedSearches(ILeafletSearchIndex index, long maxBytes = RememberedSearches.DefaultMaxBytes) : ILeafletSearchIndex
{
    /// <summary>8 MB (<see cref="CacheBudget.RememberedSearchBytes"/>): about ten thousand pages of 25 results with their snippets.</summary>
    public const long DefaultMaxBytes = CacheBudget.RememberedSearchBytes;

    private readonly ByteBoundedLru<SearchPage> _pages = new(maxBytes);

    /// <summary>The index searched on a miss.</summary>
    internal ILeafletSearchIndex Index => index;

    public ValueTask<SearchPage> SearchAsync(LeafletQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var key = query.Key;
        if (_pages.TryGet(key, out var remembered))
        {
            return ValueTask.FromResult(remembered);
        }
        // One search per query in flight: when many requests miss the same query at once (every clinic's box after an
        // edit made a new snapshot), the others await the first's page instead of ranking it again each. Awaited, so a
        // waiting request holds no thread. The search itself is no one request's: it runs to the end (bounded: one page)
        // even if the request that started it goes away, so the others still get their page; each stops waiting on its own.
        var started = new TaskCompletionSource<SearchPage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _inFlight.GetOrAdd(key, started.Task);
        if (running == started.Task)
        {
            _ = SearchOnceAsync(query, key, started);
        }
        return new ValueTask<SearchPage>(running.WaitAsync(cancellationToken));
    }

    private readonly ConcurrentDictionary<string, Task<SearchPage>> _inFlight = new(StringComparer.Ordinal);

    private async Task SearchOnceAsync(LeafletQuery query, string key, TaskCompletionSource<SearchPage> answer)
    {
        try
        {
            var page = await index.SearchAsync(query, CancellationToken.None);
            answer.SetResult(_pages.GetOrAdd(key, page, BytesOf(key, page)));
        }
        catch (Exception error)
        {
            answer.SetException(error);
        }
        finally
        {
            // Gone once answered (or failed: the next request searches again), so it holds only what is running now.
            _inFlight.TryRemove(KeyValuePair.Create(key, answer.Task));
        }
    }

    /// <summary>What a remembered page adds to memory: its key, a reference per item and its snippets' text (UTF-16).</summary>
    private static long BytesOf(string key, SearchPage page)
        => 2L * key.Length + 8L * page.Items.Length
            + page.Snippets.Sum(snippet => 2L * (snippet.Key.Length + snippet.Value.Parts.Sum(part => part.Text.Length)) + 64);
}
