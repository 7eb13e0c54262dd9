using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Leaflets.Content.Caching;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Leaflets.Content.Tests.Caching;

/// <summary>The memory cache over a shared store, as scaled-out instances use it, and what it does when the store fails.</summary>
public sealed class SharedPdfStoreTests
{
    private readonly MemoryStore _store = new();
    private readonly CountingRenderer _renderer = new();
    private readonly FakeTimeProvider _clock = new();

    private PdfRenderCache Instance(IRenderedPdfStore store, ILeafletPdfRenderer? renderer = null, PdfStoreOptions? storeOptions = null) =>
        new(renderer ?? _renderer, Options.Create(new PdfOptions()), _clock, null, store, Options.Create(storeOptions ?? new PdfStoreOptions()));

    [Fact]
    public async Task A_pdf_not_in_the_store_is_rendered_once_and_stored_for_other_instances()
    {
        var cache = Instance(_store);
        var leaflet = Load(version: 1);

        var pdf = await cache.GetOrRenderAsync(PdfRequest.For(leaflet, LeafletVariant.Plain, new PdfRenderOptions()));
        await cache.Store!.WritesSettledAsync();

        Assert.Equal(1, _renderer.Calls);
        var key = Assert.Single(_store.Keys);
        Assert.Equal(leaflet.Plain.ContentHash, key.ContentHash);
        Assert.Equal(pdf, _store.Get(key));
    }

    [Fact]
    public async Task A_pdf_already_in_the_store_is_served_without_rendering()
    {
        var leaflet = Load(version: 1);
        var firstInstance = Instance(_store, new CountingRenderer());
        var rendered = await firstInstance.GetOrRenderAsync(PdfRequest.For(leaflet, LeafletVariant.Plain, new PdfRenderOptions()));
        await firstInstance.Store!.WritesSettledAsync();
        var secondInstance = Instance(_store);

        var served = await secondInstance.GetOrRenderAsync(PdfRequest.For(leaflet, LeafletVariant.Plain, new PdfRenderOptions()));

        Assert.Equal(rendered, served);
        Assert.Equal(0, _renderer.Calls);
        Assert.Equal((0, 1), (secondInstance.Renders, secondInstance.StoreHits));
    }

    [Fact]
    public async Task A_new_version_or_other_options_are_rendered_afresh_never_served_an_old_pdf()
    {
        var cache = Instance(_store);
        await cache.GetOrRenderAsync(PdfRequest.For(Load(version: 1), LeafletVariant.Plain, new PdfRenderOptions()));

        await cache.GetOrRenderAsync(PdfRequest.For(Load(version: 2), LeafletVariant.Plain, new PdfRenderOptions()));
        await cache.GetOrRenderAsync(PdfRequest.For(Load(version: 1), LeafletVariant.Plain, new PdfRenderOptions(BodySize: 24)));
        await cache.GetOrRenderAsync(PdfRequest.For(Load(version: 1), LeafletVariant.Plain, new PdfRenderOptions(Paper: PaperSize.A5)));
        await cache.Store!.WritesSettledAsync();

        Assert.Equal(4, _renderer.Calls);
        Assert.Equal(4, _store.Keys.Distinct().Count());
    }

    [Fact]
    public async Task Options_outside_those_offered_are_refused_before_the_store_is_asked()
    {
        var cache = Instance(_store);

        await Assert.ThrowsAsync<ArgumentException>(() => cache.GetOrRenderAsync(PdfRequest.For(Load(version: 1), LeafletVariant.Plain, new PdfRenderOptions(BodySize: 9))));
        Assert.Equal(0, _store.Reads);
    }

    [Theory]
    [InlineData("aggregate")]
    [InlineData("timeout")]
    [InlineData("socket")]
    [InlineData("faulted task")]
    public async Task Any_failure_of_the_store_is_a_miss_the_pdf_is_rendered_here(string failure)
    {
        Exception error = failure switch
        {
            "aggregate" => new AggregateException("Retry failed after 6 tries.", new IOException("Connection refused")),
            "timeout" => new TimeoutException("The operation timed out."),
            "socket" => new System.Net.Sockets.SocketException(111),
            _ => new InvalidOperationException("faulted"),
        };
        var cache = Instance(new FailingStore(error, throwAtOnce: failure != "faulted task"));

        var pdf = await cache.GetOrRenderAsync(PdfRequest.For(Load(version: 1), LeafletVariant.Plain, new PdfRenderOptions()));

        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf), StringComparison.Ordinal);
        Assert.Equal((1, 0), (cache.Renders, cache.StoreHits));
        Assert.True(cache.Store!.IsSkipped);
    }

    [Fact]
    public async Task A_store_that_hangs_costs_one_timeout_then_is_skipped_until_the_break_is_over()
    {
        var store = new HangingStore();
        var cache = Instance(store, storeOptions: new PdfStoreOptions { TimeoutSeconds = 0.2, BreakSeconds = 30 });
        var leaflet = Load(version: 1);

        await GiveUpOnTheStoreAsync(cache.GetOrRenderAsync(PdfRequest.For(leaflet, LeafletVariant.Plain, new PdfRenderOptions(16))), TimeSpan.FromSeconds(0.2));
        await cache.Store!.WritesSettledAsync();
        await cache.GetOrRenderAsync(PdfRequest.For(leaflet, LeafletVariant.Plain, new PdfRenderOptions(18)));
        await cache.GetOrRenderAsync(PdfRequest.For(leaflet, LeafletVariant.Plain, new PdfRenderOptions(20)));
        await cache.Store.WritesSettledAsync();

        Assert.Equal(1, store.Calls);
        Assert.Equal(3, cache.Renders);
        Assert.True(cache.Store.IsSkipped);

        // After the break one request tries the store again; an answer closes the breaker.
        store.Recover();
        _clock.Advance(TimeSpan.FromSeconds(30));
        await cache.GetOrRenderAsync(PdfRequest.For(leaflet, LeafletVariant.Plain, new PdfRenderOptions(24)));
        await cache.Store.WritesSettledAsync();

        Assert.Equal(3, store.Calls);
        Assert.False(cache.Store.IsSkipped);
    }

    [Fact]
    public async Task A_store_that_fails_again_after_the_break_is_skipped_for_another_break()
    {
        var store = new FailingStore(new IOException("down"), throwAtOnce: true);
        var cache = Instance(store);
        var leaflet = Load(version: 1);
        await cache.GetOrRenderAsync(PdfRequest.For(leaflet, LeafletVariant.Plain, new PdfRenderOptions(16)));

        _clock.Advance(TimeSpan.FromSeconds(30));
        await cache.GetOrRenderAsync(PdfRequest.For(leaflet, LeafletVariant.Plain, new PdfRenderOptions(18)));
        await cache.GetOrRenderAsync(PdfRequest.For(leaflet, LeafletVariant.Plain, new PdfRenderOptions(20)));

        Assert.Equal(2, store.Calls);
        Assert.True(cache.Store!.IsSkipped);
    }

    /// <summary>
    /// Moves the clock on by the store's time limit until the call stops waiting for a store that never answers. A loop:
    /// the call may set its timer after it has handed the test its task, on another thread.
    /// </summary>
    private async Task<T> GiveUpOnTheStoreAsync<T>(Task<T> call, TimeSpan timeLimit)
    {
        for (var step = 0; step < 100 && !call.IsCompleted; step++)
        {
            _clock.Advance(timeLimit);
            await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(50)));
        }
        Assert.True(call.IsCompleted, "The call still waits for the store after 100 of its time limits.");
        return await call;
    }

    private static Leaflet Load(int version)
    {
        var text = SampleLeaflets.Markdown("Looking after your wound", version);
        var result = LeafletLoader.Load("content", [new ContentFile("leaflets/wound-care/plain.md", ImmutableArray.Create(Encoding.UTF8.GetBytes(text)))]);
        return result.Leaflets["wound-care"];
    }

    private sealed class CountingRenderer : ILeafletPdfRenderer
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public byte[] Render(PdfRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return Encoding.ASCII.GetBytes($"%PDF {request.Document.ContentHash} {request.Options}");
        }
    }

    internal sealed class MemoryStore : IRenderedPdfStore
    {
        private readonly ConcurrentDictionary<RenderedPdfKey, byte[]> _pdfs = new();
        private int _reads;

        public IEnumerable<RenderedPdfKey> Keys => _pdfs.Keys;

        public int Reads => Volatile.Read(ref _reads);

        public byte[] Get(RenderedPdfKey key) => _pdfs[key];

        public Task<byte[]?> TryGetAsync(RenderedPdfKey key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult(_pdfs.TryGetValue(key, out var pdf) ? pdf : null);
        }

        public Task PutAsync(RenderedPdfKey key, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
        {
            _pdfs.TryAdd(key, pdf.ToArray());
            return Task.CompletedTask;
        }
    }

    /// <summary>Fails every call, thrown at once (as a client that gave up) or as a faulted task.</summary>
    private sealed class FailingStore(Exception error, bool throwAtOnce) : IRenderedPdfStore
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<byte[]?> TryGetAsync(RenderedPdfKey key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return throwAtOnce ? throw error : Task.FromException<byte[]?>(error);
        }

        public Task PutAsync(RenderedPdfKey key, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return throwAtOnce ? throw error : Task.FromException(error);
        }
    }

    /// <summary>Never answers, and ignores its cancellation token, as a frozen storage account would; until recovered.</summary>
    private sealed class HangingStore : IRenderedPdfStore
    {
        private readonly TaskCompletionSource<byte[]?> _never = new();
        private volatile bool _recovered;
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void Recover() => _recovered = true;

        public Task<byte[]?> TryGetAsync(RenderedPdfKey key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return _recovered ? Task.FromResult<byte[]?>(null) : _never.Task;
        }

        public Task PutAsync(RenderedPdfKey key, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return _recovered ? Task.CompletedTask : _never.Task;
        }
    }
}
