using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Leaflets.Content.Caching;

/// <summary>
/// The shared PDF store as the memory cache uses it: the store only saves work, so any failure of it (an exception of
/// any kind, or no answer within <see cref="PdfStoreOptions.TimeoutSeconds"/>) is a miss, logged as a warning, and the
/// PDF is rendered locally. A circuit breaker makes an outage cost one timeout rather than one per request: after a
/// failure the store is skipped for <see cref="PdfStoreOptions.BreakSeconds"/>, then a single call tries it again
/// while the others keep skipping it; a success closes the breaker.
/// </summary>
public sealed class GuardedPdfStore
{
    private readonly IRenderedPdfStore _store;
    private readonly PdfStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Task, bool> _writes = new();

    /// <summary>UTC ticks until which the store is skipped; 0 while it is healthy.</summary>
    private long _skipUntil;

    internal GuardedPdfStore(IRenderedPdfStore store, PdfStoreOptions options, TimeProvider time, ILogger logger)
    {
        options.Validate();
        (_store, _options, _time, _logger) = (store, options, time, logger);
    }

    /// <summary>True while the store is being skipped after a failure.</summary>
    public bool IsSkipped => Volatile.Read(ref _skipUntil) != 0;

    /// <summary>The stored PDF; null when none is stored, the store failed, or it is being skipped.</summary>
    public Task<byte[]?> TryGetAsync(RenderedPdfKey key) => CallAsync(key, "read", token => _store.TryGetAsync(key, token));

    /// <summary>Starts storing <paramref name="pdf"/> and returns at once: nobody waits for the store.</summary>
    public void PutInBackground(RenderedPdfKey key, byte[] pdf)
    {
        var write = CallAsync(key, "store", async token =>
        {
            await _store.PutAsync(key, pdf, token);
            return null;
        });
        _writes[write] = true;
        write.ContinueWith(done => _writes.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>Completes when every write started so far has finished or given up (each is bounded by the timeout).</summary>
    public Task WritesSettledAsync() => Task.WhenAll(_writes.Keys);

    private async Task<byte[]?> CallAsync(RenderedPdfKey key, string action, Func<CancellationToken, Task<byte[]?>> call)
    {
        if (!TryPass())
        {
            return null;
        }
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        try
        {
            // WaitAsync as well as the token: a store that ignores its token must not hold the request either.
            var result = await call(timeout.Token).WaitAsync(_options.Timeout, _time);
            Volatile.Write(ref _skipUntil, 0);
            return result;
        }
        catch (Exception error)
        {
            Volatile.Write(ref _skipUntil, (_time.GetUtcNow() + _options.Break).UtcTicks);
            var cause = error is TimeoutException || timeout.IsCancellationRequested
                ? $"no answer within {_options.TimeoutSeconds} s"
                : error.Message;
            _logger.LogWarning(
                error, "The shared PDF store could not {Action} {Name} ({Cause}); the PDF is rendered here, and the store is skipped for {Seconds} s",
                action, key.StorageName, cause, _options.BreakSeconds);
            return null;
        }
    }

    /// <summary>Closed: pass. Open: skip until the break is over, then let exactly one caller through to try.</summary>
    private bool TryPass()
    {
        var skipUntil = Volatile.Read(ref _skipUntil);
        if (skipUntil == 0)
        {
            return true;
        }
        var now = _time.GetUtcNow();
        if (now.UtcTicks < skipUntil)
        {
            return false;
        }
        // The trial call moves the break on, so callers arriving while it runs keep skipping the store.
        var trialUntil = (now + _options.Break).UtcTicks;
        return Interlocked.CompareExchange(ref _skipUntil, trialUntil, skipUntil) == skipUntil;
    }
}
