using Leaflets.Content.Model;
using Microsoft.Extensions.Options;

namespace Leaflets.Content.Rendering.Pdf;

/// <summary>
/// Rendered PDFs kept in memory, bounded by their total size, least recently used evicted first.
/// Keyed by content hash, variant and options (review status included), so an edited leaflet never serves a stale PDF.
/// Concurrent requests for the same key render once and share the result.
/// </summary>
public sealed class PdfRenderCache(ILeafletPdfRenderer renderer, IOptions<PdfOptions> options)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Dictionary<string, Lazy<byte[]>> _inFlight = new(StringComparer.Ordinal);
    private long _totalBytes;

    public long TotalBytes
    {
        get
        {
            lock (_lock)
            {
                return _totalBytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Everything that shapes the bytes. The review status is added only when it prints something, so a current
    /// leaflet keeps the key (and, since the key seeds the PDF's /ID, the bytes) it had before statuses were printed.
    /// </summary>
    public static string KeyFor(LeafletDocument document, PdfRenderOptions options)
    {
        var key = $"{document.ContentHash}|{document.Variant.Slug()}|{options.BodySize}|{options.PaperSlug}|{options.PublicUrl}";
        return options.ReviewStatus == ReviewStatus.Current ? key : $"{key}|review={options.ReviewStatus.Slug()}";
    }

    /// <summary>The cached PDF, or renders it (once, however many callers ask at the same time).</summary>
    public byte[] GetOrRender(Leaflet leaflet, LeafletVariant variant, PdfRenderOptions options)
    {
        options.Validate();
        var document = leaflet.Document(variant);
        var key = KeyFor(document, options);
        Lazy<byte[]> render;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Bytes;
            }
            if (!_inFlight.TryGetValue(key, out render!))
            {
                render = new Lazy<byte[]>(() => renderer.Render(leaflet, variant, options), LazyThreadSafetyMode.ExecutionAndPublication);
                _inFlight[key] = render;
            }
        }
        try
        {
            var bytes = render.Value;
            lock (_lock)
            {
                Store(key, bytes);
            }
            return bytes;
        }
        finally
        {
            lock (_lock)
            {
                _inFlight.Remove(key);
            }
        }
    }

    private void Store(string key, byte[] bytes)
    {
        if (_entries.ContainsKey(key))
        {
            return;
        }
        var limit = options.Value.CacheBytes;
        if (bytes.LongLength > limit)
        {
            return;
        }
        while (_totalBytes + bytes.LongLength > limit && _recency.Last is { } oldest)
        {
            _recency.RemoveLast();
            _entries.Remove(oldest.Value.Key);
            _totalBytes -= oldest.Value.Bytes.LongLength;
        }
        _entries[key] = _recency.AddFirst(new Entry(key, bytes));
        _totalBytes += bytes.LongLength;
    }

    private sealed record Entry(string Key, byte[] Bytes);
}
