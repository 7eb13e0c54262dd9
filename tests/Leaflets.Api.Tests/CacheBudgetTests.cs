using Leaflets.Content.Caching;
using Leaflets.Content.Catalog;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Search;
using Leaflets.Functions.Http;

namespace Leaflets.Api.Tests;

public sealed class CacheBudgetTests
{
    [Fact]
    public void The_caches_default_bounds_add_up_to_the_one_memory_budget()
    {
        var loadedLeaflets = new ContentOptions().LoadedLeafletsMegabytes * 1024L * 1024;
        var representations = new RepresentationCacheOptions().MaxBytes;
        var pdfs = new PdfOptions().CacheBytes;

        Assert.Equal(CacheBudget.TotalBytes, loadedLeaflets + representations + pdfs + RememberedSearches.DefaultMaxBytes);
    }

    [Fact]
    public void The_heap_limit_by_default_holds_the_caches_budget_with_room_beside_it()
    {
        var limit = new ContentOptions().HeapLimitMegabytes * 1024L * 1024;

        Assert.Equal(HeapLimit.DefaultMegabytes * 1024L * 1024, limit);
        Assert.True(limit >= CacheBudget.TotalBytes + 64 * 1024 * 1024, $"a {limit}-byte heap leaves the {CacheBudget.TotalBytes} bytes of caches no room");
    }
}
