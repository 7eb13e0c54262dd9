using Leaflets.Content.Search;

namespace Leaflets.Content.Tests.Search;

internal static class InMemorySearch
{
    /// <summary>
    /// The page of an index whose leaflets are all in memory (built from the Markdown), which has nothing to read and so
    /// answers at once: a search of one that did not would be waiting on something it should not.
    /// </summary>
    public static SearchPage SearchNow(this ILeafletSearchIndex index, LeafletQuery query)
    {
        var answer = index.SearchAsync(query, CancellationToken.None);
        Assert.True(answer.IsCompletedSuccessfully, "A search of leaflets held in memory did not answer at once.");
        return answer.Result;
    }
}
