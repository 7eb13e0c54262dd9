using Leaflets.Content.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Leaflets.Content.Rendering.Pdf;

/// <summary>
/// Where every served PDF comes from. In order: rendered PDFs kept in memory (bounded by their total size, least
/// recently used evicted first); a failure remembered for <see cref="PdfOptions.FailureMemorySeconds"/>; the shared
/// store, when there is one (asynchronously, through <see cref="GuardedPdfStore"/>, so storage faults are misses);
/// and last a render on the thread pool, at most <see cref="PdfOptions.MaxConcurrentRenders"/> at once with a bounded
/// queue, stopped at <see cref="PdfOptions.RenderTimeLimitSeconds"/>. A fresh render is written to the store in the
/// background. Keyed by <see cref="PdfRequest.CacheKey"/> (content, variant, options, renderer build), so an edited
/// leaflet never serves a stale PDF. Concurrent requests for the same key share one lookup and one render.
/// </summary>
public sealed class PdfRenderCache
{
    /// <summary>Failures remembered at most: distinct failing requests cannot grow memory without end.</summary>
    public const int MaxRememberedFailures = 1024;

    private readonly ILeafletPdfRenderer _renderer;
    private readonly PdfOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GuardedPdfStore? _store;
    private readonly SemaphoreSlim _slots;
    private readonly object _lock = new();
    private readonly ByteBoundedLru<byte[]> _rendered;
    private readonly Dictionary<string, Lazy<Task<byte[]>>> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Failure> _failures = new(StringComparer.Ordinal);
    private int _queued;
    private int _renders;
    private int _storeHits;

    public PdfRenderCache(
        ILeafletPdfRenderer renderer, IOptions<PdfOptions> options, TimeProvider? time = null, ILogger<PdfRenderCache>? logger = null,
        IRenderedPdfStore? store = null, IOptions<PdfStoreOptions>? storeOptions = null)
    {
        _renderer = renderer;
        _options = options.Value;
        _options.Validate();
        _rendered = new ByteBoundedLru<byte[]>(_options.CacheBytes);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<PdfRenderCache>.Instance;
        _store = store is null ? null : new GuardedPdfStore(store, storeOptions?.Value ?? new PdfStoreOptions(), _time, _logger);
        _slots = new SemaphoreSlim(_options.MaxConcurrentRenders, _options.MaxConcurrentRenders);
    }

    public long TotalBytes => _rendered.TotalBytes;

    public int Count => _rendered.Count;

    /// <summary>PDFs this instance rendered (the memory cache and the shared store did not hold them).</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>PDFs this instance took from the shared store instead of rendering.</summary>
    public int StoreHits => Volatile.Read(ref _storeHits);

    /// <summary>The shared store as this cache uses it; null when there is none.</summary>
    public GuardedPdfStore? Store => _store;

    /// <summary>
    /// The PDF from memory, the store or a render (once, however many callers ask at the same time).
    /// <paramref name="cancellationToken"/> stops this caller waiting; the render goes on for the others and the cache.
    /// Throws <see cref="PdfRenderBusyException"/> when the render queue is full and <see cref="PdfRenderFailedException"/>
    /// when the render failed now or within the failure memory.
    /// </summary>
    public async Task<byte[]> GetOrRenderAsync(PdfRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var key = request.CacheKey;
        Lazy<Task<byte[]>>? work;
        lock (_lock)
        {
            if (_rendered.TryGet(key, out var kept))
            {
                return kept;
            }
            if (_failures.TryGetValue(key, out var failure))
            {
                if (_time.GetUtcNow() < failure.Until)
                {
                    throw new PdfRenderFailedException(failure.Reason);
                }
                _failures.Remove(key);
            }
            if (!_inFlight.TryGetValue(key, out work))
            {
                work = new Lazy<Task<byte[]>>(() => ProduceAsync(request));
                _inFlight[key] = work;
            }
        }
        return await work.Value.WaitAsync(cancellationToken);
    }

    private async Task<byte[]> ProduceAsync(PdfRequest request)
    {
        var key = request.CacheKey;
        try
        {
            var storedKey = _store is null ? null : request.StorageKey;
            if (storedKey is not null && await _store!.TryGetAsync(storedKey) is { } stored)
            {
                Interlocked.Increment(ref _storeHits);
                Keep(key, stored);
                return stored;
            }
            var pdf = await RenderAsync(request);
            Interlocked.Increment(ref _renders);
            Keep(key, pdf);
            if (storedKey is not null)
            {
                _store!.PutInBackground(storedKey, pdf);
            }
            return pdf;
        }
        catch (PdfRenderFailedException failure)
        {
            Remember(key, failure.Reason);
            throw;
        }
        finally
        {
            lock (_lock)
            {
                _inFlight.Remove(key);
            }
        }
    }

    private async Task<byte[]> RenderAsync(PdfRequest request)
    {
        var (key, id, options) = (request.CacheKey, request.LeafletId, request.Options);
        await EnterRenderSlotAsync();
        var timeLimit = TimeSpan.FromSeconds(_options.RenderTimeLimitSeconds);
        var limit = new CancellationTokenSource(timeLimit, _time);
        var render = Task.Run(() => _renderer.Render(request, limit.Token));
        // The slot is freed when the render really ends: one stuck where it cannot see its token (a huge image being
        // decoded) still counts against the cap after its request has been answered.
        _ = render.ContinueWith(
            _ =>
            {
                limit.Dispose();
                _slots.Release();
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            return await render.WaitAsync(timeLimit, _time);
        }
        catch (Exception error) when (error is TimeoutException || (error is OperationCanceledException && limit.IsCancellationRequested))
        {
            _logger.LogError("Rendering the PDF {Key} of leaflet {Id} took longer than {Seconds} s and was stopped", key, id, _options.RenderTimeLimitSeconds);
            throw new PdfRenderFailedException(
                $"Rendering this PDF took longer than the limit of {_options.RenderTimeLimitSeconds} seconds, so it was stopped.");
        }
        catch (PrintTooLongException tooLong)
        {
            _logger.LogError("The PDF {Key} of leaflet {Id} was refused: {Message}", key, id, tooLong.Message);
            throw new PdfRenderFailedException(
                $"This leaflet prints on more than {tooLong.MaxPages} pages at {options.BodySize} pt on {options.Paper}, the most one print may have.",
                tooLong);
        }
        catch (Exception error)
        {
            _logger.LogError(error, "Rendering the PDF {Key} of leaflet {Id} failed", key, id);
            throw new PdfRenderFailedException("This PDF could not be rendered. The error has been logged.", error);
        }
    }

    /// <summary>A free slot at once, else a place in the queue, else <see cref="PdfRenderBusyException"/>.</summary>
    private async Task EnterRenderSlotAsync()
    {
        if (_slots.Wait(0))
        {
            return;
        }
        if (Interlocked.Increment(ref _queued) > _options.RenderQueueLength)
        {
            Interlocked.Decrement(ref _queued);
            throw new PdfRenderBusyException();
        }
        try
        {
            await _slots.WaitAsync();
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    private void Remember(string key, string reason)
    {
        var memory = TimeSpan.FromSeconds(_options.FailureMemorySeconds);
        if (memory <= TimeSpan.Zero)
        {
            return;
        }
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (_failures.Count >= MaxRememberedFailures)
            {
                foreach (var expired in _failures.Where(f => f.Value.Until <= now).Select(f => f.Key).ToList())
                {
                    _failures.Remove(expired);
                }
                if (_failures.Count >= MaxRememberedFailures)
                {
                    _failures.Remove(_failures.MinBy(f => f.Value.Until).Key);
                }
            }
            _failures[key] = new Failure(reason, now + memory);
        }
    }

    private void Keep(string key, byte[] bytes) => _rendered.GetOrAdd(key, bytes, bytes.LongLength);


    private sealed record Failure(string Reason, DateTimeOffset Until);
}
