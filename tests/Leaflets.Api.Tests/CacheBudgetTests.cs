using System.Text.Json;
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

    [Theory]
    [InlineData("leaflets.runtimeconfig.json")]
    [InlineData("Leaflets.Functions.runtimeconfig.json")]
    public void Neither_host_limits_its_heap_as_an_instance_serving_from_the_markdown_holds_every_body(string runtimeConfig)
    {
        // A 256 MB limit set as the runtime starts kept RSS within 400 MB at 10,000 leaflets served from a snapshot,
        // but a library of 1,000 served from the Markdown answered every request with OutOfMemoryException under it
        // (bench/README.md, "GC settings from the environment"): it is the operator's DOTNET_GCHeapHardLimit, never a
        // default the build writes. The CLI's runtimeconfig binds `leaflets snapshot` too (4 GB at its peak).
        var path = Path.Combine(AppContext.BaseDirectory, runtimeConfig);
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.TryGetProperty("System.GC.HeapHardLimit", out _), $"{runtimeConfig} limits the heap");
        Assert.False(properties.TryGetProperty("System.GC.HeapHardLimitPercent", out _), $"{runtimeConfig} limits the heap");
    }
}
