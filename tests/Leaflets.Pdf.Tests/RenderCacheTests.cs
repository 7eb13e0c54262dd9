using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.Options;

namespace Leaflets.Pdf.Tests;

public class RenderCacheTests
{
    [Fact]
    public void A_second_request_for_the_same_leaflet_and_options_is_served_from_memory()
    {
        var renderer = new CountingRenderer(size: 100);
        var cache = new PdfRenderCache(renderer, Options.Create(new PdfOptions()));
        var first = cache.GetOrRender(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions());
        var second = cache.GetOrRender(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions());
        Assert.Same(first, second);
        Assert.Equal(1, renderer.Calls);
        cache.GetOrRender(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions(20));
        cache.GetOrRender(TestLeaflets.Sample(), LeafletVariant.EasyRead, new PdfRenderOptions());
        Assert.Equal(3, renderer.Calls);
    }

    [Fact]
    public void Concurrent_requests_for_the_same_key_render_once()
    {
        var renderer = new CountingRenderer(size: 100, delay: TimeSpan.FromMilliseconds(200));
        var cache = new PdfRenderCache(renderer, Options.Create(new PdfOptions()));
        var leaflet = TestLeaflets.Sample();
        var results = new byte[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = cache.GetOrRender(leaflet, LeafletVariant.Plain, new PdfRenderOptions()));
        Assert.Equal(1, renderer.Calls);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void The_least_recently_used_PDF_is_evicted_to_stay_within_the_byte_limit()
    {
        var renderer = new CountingRenderer(size: 400);
        var cache = new PdfRenderCache(renderer, Options.Create(new PdfOptions { CacheBytes = 1000 }));
        var leaflet = TestLeaflets.Sample();
        cache.GetOrRender(leaflet, LeafletVariant.Plain, new PdfRenderOptions(16));
        cache.GetOrRender(leaflet, LeafletVariant.Plain, new PdfRenderOptions(18));
        cache.GetOrRender(leaflet, LeafletVariant.Plain, new PdfRenderOptions(16)); // 16 is now the most recent
        cache.GetOrRender(leaflet, LeafletVariant.Plain, new PdfRenderOptions(20)); // evicts 18
        Assert.Equal(3, renderer.Calls);
        Assert.True(cache.TotalBytes <= 1000);
        Assert.Equal(2, cache.Count);
        cache.GetOrRender(leaflet, LeafletVariant.Plain, new PdfRenderOptions(16));
        Assert.Equal(3, renderer.Calls);
        cache.GetOrRender(leaflet, LeafletVariant.Plain, new PdfRenderOptions(18));
        Assert.Equal(4, renderer.Calls);
    }

    [Fact]
    public void A_changed_leaflet_is_rendered_again_because_its_content_hash_changed()
    {
        var renderer = new CountingRenderer(size: 10);
        var cache = new PdfRenderCache(renderer, Options.Create(new PdfOptions()));
        var leaflet = TestLeaflets.Sample();
        cache.GetOrRender(leaflet, LeafletVariant.Plain, new PdfRenderOptions());
        var edited = leaflet with { Variants = leaflet.Variants.SetItem(LeafletVariant.Plain, leaflet.Plain with { ContentHash = "changed" }) };
        cache.GetOrRender(edited, LeafletVariant.Plain, new PdfRenderOptions());
        Assert.Equal(2, renderer.Calls);
    }

    [Fact]
    public void A_PDF_larger_than_the_whole_cache_is_returned_but_not_kept()
    {
        var renderer = new CountingRenderer(size: 5000);
        var cache = new PdfRenderCache(renderer, Options.Create(new PdfOptions { CacheBytes = 1000 }));
        Assert.Equal(5000, cache.GetOrRender(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions()).Length);
        Assert.Equal(0, cache.TotalBytes);
    }

    [Fact]
    public void A_failed_render_is_not_cached_and_can_be_retried()
    {
        var renderer = new CountingRenderer(size: 10) { FailNext = true };
        var cache = new PdfRenderCache(renderer, Options.Create(new PdfOptions()));
        Assert.Throws<InvalidOperationException>(() => cache.GetOrRender(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions()));
        Assert.Equal(10, cache.GetOrRender(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions()).Length);
    }

    private sealed class CountingRenderer(int size, TimeSpan delay = default) : ILeafletPdfRenderer
    {
        private int _calls;

        public int Calls => _calls;

        public bool FailNext { get; set; }

        public byte[] Render(Leaflet leaflet, LeafletVariant variant, PdfRenderOptions options)
        {
            Interlocked.Increment(ref _calls);
            Thread.Sleep(delay);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("render failed");
            }
            return new byte[size];
        }
    }
}
