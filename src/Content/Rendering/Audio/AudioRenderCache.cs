using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.Logging;

namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// Where the served audio comes from when the memory cache (the routes' <c>RepresentationCache</c>, keyed by the
/// audio's version like every other file) does not hold it: the shared store the PDFs use, through the PDF cache's own
/// guard (its timeouts and circuit breaker, so a storage fault is a miss), and last a render by
/// <see cref="AudioRenderer"/>. A leaflet takes seconds to speak, so concurrent requests for the same audio share one
/// render, renders run <see cref="MaxConcurrentRenders"/> at a time (espeak-ng speaks one chapter at a time in the
/// process anyway, and Azure AI Speech limits a resource's concurrent requests), and a fresh render is stored in the
/// background. The work is bounded by the catalog: each leaflet, variant and language is spoken once per version.
/// </summary>
public sealed class AudioRenderCache(AudioRenderer renderer, PdfRenderCache pdfs, ILogger<AudioRenderCache> logger)
{
    public const int MaxConcurrentRenders = 2;

    private readonly SemaphoreSlim _slots = new(MaxConcurrentRenders, MaxConcurrentRenders);
    private readonly object _lock = new();
    private readonly Dictionary<string, Lazy<Task<byte[]>>> _inFlight = new(StringComparer.Ordinal);
    private int _renders;
    private int _storeHits;

    public AudioRenderer Renderer { get; } = renderer;

    /// <summary>Audio this instance spoke (the shared store did not hold it).</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>Audio this instance took from the shared store instead of speaking it.</summary>
    public int StoreHits => Volatile.Read(ref _storeHits);

    /// <summary>
    /// The audio from the store or a render (once, however many callers ask at the same time).
    /// <paramref name="cancellationToken"/> stops this caller waiting; the render goes on for the others.
    /// </summary>
    /// <exception cref="SpeechUnavailableException">The engine cannot speak here, or has no voice for the language.</exception>
    /// <exception cref="SpeechFailedException">The engine failed, or spoke for longer than the words allow.</exception>
    public async Task<byte[]> GetOrRenderAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.AudioVersion(Renderer);
        Lazy<Task<byte[]>>? work;
        lock (_lock)
        {
            if (!_inFlight.TryGetValue(key, out work))
            {
                work = new Lazy<Task<byte[]>>(() => ProduceAsync(request, key));
                _inFlight[key] = work;
            }
        }
        return await work.Value.WaitAsync(cancellationToken);
    }

    private async Task<byte[]> ProduceAsync(SpeechRequest request, string key)
    {
        try
        {
            var store = pdfs.Store;
            var storageKey = store is null ? null : request.StorageKey(Renderer);
            if (storageKey is not null && await store!.TryGetAsync(storageKey) is { } stored)
            {
                Interlocked.Increment(ref _storeHits);
                return stored;
            }
            await _slots.WaitAsync();
            byte[] audio;
            try
            {
                // Not the caller's token: other requests may be waiting for this render, and the engine bounds its time.
                audio = (await Renderer.RenderAsync(request.Script(), request.Tags, CancellationToken.None)).Bytes;
            }
            finally
            {
                _slots.Release();
            }
            Interlocked.Increment(ref _renders);
            logger.LogInformation("Spoke {Leaflet} ({Variant}, {Language}): {Bytes} bytes", request.LeafletId, request.Document.Variant.Slug(),
                request.Document.Metadata.Language, audio.Length);
            if (storageKey is not null)
            {
                store!.PutInBackground(storageKey, audio);
            }
            return audio;
        }
        finally
        {
            lock (_lock)
            {
                _inFlight.Remove(key);
            }
        }
    }
}
