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

    public SearchPage Search(LeafletQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var key = query.Key;
        if (_pages.TryGet(key, out var remembered))
        {
            return remembered;
        }
        // One search per query in flight: when many requests miss the same query at once (every clinic's box after an
        // edit made a new snapshot), the others wait for the first's page instead of ranking it again each.
        var running = _inFlight.GetOrAdd(key, _ => new Lazy<SearchPage>(() => index.Search(query), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            var page = running.Value;
            return _pages.GetOrAdd(key, page, BytesOf(key, page));
        }
        finally
        {
            // Gone once answered (or failed: the next request searches again), so it holds only what is running now.
            _inFlight.TryRemove(KeyValuePair.Create(key, running));
        }
    }

    private readonly ConcurrentDictionary<string, Lazy<SearchPage>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>What a remembered page adds to memory: its key, a reference per item and its snippets' text (UTF-16).</summary>
    private static long BytesOf(string key, SearchPage page)
        => 2L * key.Length + 8L * page.Items.Length
            + page.Snippets.Sum(snippet => 2L * (snippet.Key.Length + snippet.Value.Parts.Sum(part => part.Text.Length)) + 64);
}
