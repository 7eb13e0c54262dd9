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
    public void The_heap_limit_for_an_instance_served_from_a_snapshot_holds_the_caches_budget_with_room_beside_it()
    {
        var limit = HeapLimit.SnapshotServingMegabytes * 1024L * 1024;

        Assert.True(limit >= CacheBudget.TotalBytes + 64 * 1024 * 1024, $"a {limit}-byte heap leaves the {CacheBudget.TotalBytes} bytes of caches no room");
    }

    [Fact]
    public void The_heap_is_not_limited_by_default_as_an_instance_serving_from_the_markdown_holds_every_body()
    {
        Assert.Equal(0, new ContentOptions().HeapLimitMegabytes);
    }
}
