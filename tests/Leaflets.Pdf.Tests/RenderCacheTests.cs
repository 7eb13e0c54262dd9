using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Leaflets.Pdf.Tests;

public class RenderCacheTests
{
    private static PdfRenderCache Cache(ILeafletPdfRenderer renderer, PdfOptions? options = null, TimeProvider? time = null) =>
        new(renderer, Options.Create(options ?? new PdfOptions()), time);

    [Fact]
    public async Task A_second_request_for_the_same_leaflet_and_options_is_served_from_memory()
    {
        var renderer = new CountingRenderer(size: 100);
        var cache = Cache(renderer);
        var first = await cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions());
        var second = await cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions());
        Assert.Same(first, second);
        Assert.Equal(1, renderer.Calls);
        await cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions(20));
        await cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.EasyRead, new PdfRenderOptions());
        Assert.Equal(3, renderer.Calls);
    }

    [Fact]
    public async Task Concurrent_requests_for_the_same_key_render_once()
    {
        var renderer = new CountingRenderer(size: 100, delay: TimeSpan.FromMilliseconds(200));
        var cache = Cache(renderer);
        var leaflet = TestLeaflets.Sample();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions()))));
        Assert.Equal(1, renderer.Calls);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task The_least_recently_used_PDF_is_evicted_to_stay_within_the_byte_limit()
    {
        var renderer = new CountingRenderer(size: 400);
        var cache = Cache(renderer, new PdfOptions { CacheBytes = 1000 });
        var leaflet = TestLeaflets.Sample();
        await cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions(16));
        await cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions(18));
        await cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions(16)); // 16 is now the most recent
        await cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions(20)); // evicts 18
        Assert.Equal(3, renderer.Calls);
        Assert.True(cache.TotalBytes <= 1000);
        Assert.Equal(2, cache.Count);
        await cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions(16));
        Assert.Equal(3, renderer.Calls);
        await cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions(18));
        Assert.Equal(4, renderer.Calls);
    }

    [Fact]
    public async Task A_changed_leaflet_is_rendered_again_because_its_content_hash_changed()
    {
        var renderer = new CountingRenderer(size: 10);
        var cache = Cache(renderer);
        var leaflet = TestLeaflets.Sample();
        await cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions());
        var edited = leaflet with { Variants = leaflet.Variants.SetItem(LeafletVariant.Plain, leaflet.Plain with { ContentHash = "changed" }) };
        await cache.GetOrRenderAsync(edited, LeafletVariant.Plain, new PdfRenderOptions());
        Assert.Equal(2, renderer.Calls);
    }

    [Fact]
    public async Task A_PDF_larger_than_the_whole_cache_is_returned_but_not_kept()
    {
        var renderer = new CountingRenderer(size: 5000);
        var cache = Cache(renderer, new PdfOptions { CacheBytes = 1000 });
        Assert.Equal(5000, (await cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions())).Length);
        Assert.Equal(0, cache.TotalBytes);
    }

    [Fact]
    public async Task A_failed_render_is_answered_again_from_memory_without_rendering_until_the_failure_memory_ends()
    {
        var renderer = new CountingRenderer(size: 10) { FailNext = true };
        var clock = new FakeTimeProvider();
        var cache = Cache(renderer, new PdfOptions { FailureMemorySeconds = 60 }, clock);

        var first = await Assert.ThrowsAsync<PdfRenderFailedException>(() => cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions()));
        clock.Advance(TimeSpan.FromSeconds(59));
        var again = await Assert.ThrowsAsync<PdfRenderFailedException>(() => cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions()));

        Assert.Equal(1, renderer.Calls);
        Assert.Equal(first.Reason, again.Reason);
        Assert.DoesNotContain("render failed", first.Reason, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, (await cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions())).Length);
        Assert.Equal(2, renderer.Calls);
    }

    [Fact]
    public async Task A_failure_is_remembered_for_its_own_print_only()
    {
        var renderer = new CountingRenderer(size: 10) { FailNext = true };
        var cache = Cache(renderer);

        await Assert.ThrowsAsync<PdfRenderFailedException>(() => cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions()));

        Assert.Equal(10, (await cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions(24))).Length);
    }

    [Fact]
    public async Task Remembered_failures_are_bounded_in_number()
    {
        var renderer = new CountingRenderer(size: 10) { FailAlways = true };
        var cache = Cache(renderer);
        var leaflet = TestLeaflets.Sample();
        var prints = Enumerable.Range(0, PdfRenderCache.MaxRememberedFailures + 1)
            .Select(i => leaflet with { Variants = leaflet.Variants.SetItem(LeafletVariant.Plain, leaflet.Plain with { ContentHash = $"v{i}" }) })
            .ToList();

        foreach (var print in prints)
        {
            await Assert.ThrowsAsync<PdfRenderFailedException>(() => cache.GetOrRenderAsync(print, LeafletVariant.Plain, new PdfRenderOptions()));
        }
        foreach (var print in prints.Skip(1))
        {
            await Assert.ThrowsAsync<PdfRenderFailedException>(() => cache.GetOrRenderAsync(print, LeafletVariant.Plain, new PdfRenderOptions()));
        }
        Assert.Equal(prints.Count, renderer.Calls);

        // The oldest failure made room for the newest, so that print is tried again.
        await Assert.ThrowsAsync<PdfRenderFailedException>(() => cache.GetOrRenderAsync(prints[0], LeafletVariant.Plain, new PdfRenderOptions()));
        Assert.Equal(prints.Count + 1, renderer.Calls);
    }

    [Fact]
    public async Task Renders_never_run_beyond_the_cap_and_one_more_than_the_queue_holds_is_refused_as_busy()
    {
        var renderer = new GatedRenderer();
        var cache = Cache(renderer, new PdfOptions { MaxConcurrentRenders = 2, RenderQueueLength = 2 });
        var leaflet = TestLeaflets.Sample();
        var prints = PdfRenderOptions.AllowedSizes.Select(size => new PdfRenderOptions(size)).ToList();

        var admitted = prints.Take(4).Select(options => cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, options)).ToList();
        await renderer.WaitForRunningAsync(2);
        var busy = await Assert.ThrowsAsync<PdfRenderBusyException>(() => cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions(Paper: PaperSize.A5)));
        renderer.Open();
        await Task.WhenAll(admitted);

        Assert.Equal(TimeSpan.FromSeconds(1), busy.RetryAfter);
        Assert.Equal(2, renderer.MostAtOnce);
        Assert.Equal(4, renderer.Calls);
        // Busy is not a failure of the print: asked again once there is room, it renders.
        Assert.NotEmpty(await cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions(Paper: PaperSize.A5)));
    }

    [Fact]
    public async Task A_render_over_the_time_limit_is_stopped_and_remembered_as_failed()
    {
        var renderer = new UntilCancelledRenderer();
        var cache = Cache(renderer, new PdfOptions { RenderTimeLimitSeconds = 0.05 });

        var failed = await Assert.ThrowsAsync<PdfRenderFailedException>(() => cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions()));
        await Assert.ThrowsAsync<PdfRenderFailedException>(() => cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions()));

        Assert.Contains("limit of 0.05 seconds", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(1, renderer.Calls);
    }

    [Fact]
    public async Task A_render_deaf_to_the_time_limit_is_answered_as_failed_at_the_limit_and_holds_its_slot_until_it_ends()
    {
        var renderer = new GatedRenderer();
        var cache = Cache(renderer, new PdfOptions { MaxConcurrentRenders = 1, RenderQueueLength = 0, RenderTimeLimitSeconds = 0.05 });
        var leaflet = TestLeaflets.Sample();

        var failed = await Assert.ThrowsAsync<PdfRenderFailedException>(() => cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions(16)));
        await Assert.ThrowsAsync<PdfRenderBusyException>(() => cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions(18)));
        renderer.Open();

        Assert.Contains("took longer than the limit", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(1, renderer.Calls);
    }

    [Fact]
    public async Task A_print_over_the_page_limit_is_refused_with_the_limit_named_and_remembered()
    {
        var renderer = new CountingRenderer(size: 10) { Throw = () => new PrintTooLongException(LeafletPdfRenderer.MaxPages) };
        var cache = Cache(renderer);

        var failed = await Assert.ThrowsAsync<PdfRenderFailedException>(() => cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions(24, PaperSize.A5)));
        await Assert.ThrowsAsync<PdfRenderFailedException>(() => cache.GetOrRenderAsync(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions(24, PaperSize.A5)));

        Assert.Equal($"This leaflet prints on more than {LeafletPdfRenderer.MaxPages} pages at 24 pt on A5, the most one print may have.", failed.Reason);
        Assert.Equal(1, renderer.Calls);
    }

    [Fact]
    public void Settings_out_of_range_are_refused_naming_the_settings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Cache(new CountingRenderer(size: 1), new PdfOptions { MaxConcurrentRenders = 0 }));
        Assert.Contains("MaxConcurrentRenders", error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingRenderer(int size, TimeSpan delay = default) : ILeafletPdfRenderer
    {
        private int _calls;

        public int Calls => _calls;

        public bool FailNext { get; set; }

        public bool FailAlways { get; set; }

        public Func<Exception>? Throw { get; set; }

        public byte[] Render(PdfRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            Thread.Sleep(delay);
            if (Throw is { } error)
            {
                throw error();
            }
            if (FailNext || FailAlways)
            {
                FailNext = false;
                throw new InvalidOperationException("render failed");
            }
            return new byte[size];
        }
    }

    /// <summary>Holds every render until <see cref="Open"/>, deaf to its token as an image decoder is, recording how many ran at once.</summary>
    private sealed class GatedRenderer : ILeafletPdfRenderer
    {
        private readonly ManualResetEventSlim _gate = new();
        private readonly SemaphoreSlim _started = new(0);
        private int _running;
        private int _mostAtOnce;
        private int _calls;

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public int Calls => Volatile.Read(ref _calls);

        public void Open() => _gate.Set();

        public async Task WaitForRunningAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await _started.WaitAsync(TimeSpan.FromSeconds(30)), "the renders never started");
            }
        }

        public byte[] Render(PdfRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            var running = Interlocked.Increment(ref _running);
            int most;
            while (running > (most = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, running, most) != most)
            {
            }
            _started.Release();
            _gate.Wait();
            Interlocked.Decrement(ref _running);
            return new byte[10];
        }
    }

    /// <summary>A render that never ends by itself, as a decompression bomb would not: it stops only when cancelled.</summary>
    private sealed class UntilCancelledRenderer : ILeafletPdfRenderer
    {
        private int _calls;

        public int Calls => _calls;

        public byte[] Render(PdfRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            cancellationToken.WaitHandle.WaitOne();
            cancellationToken.ThrowIfCancellationRequested();
            return [];
        }
    }
}
