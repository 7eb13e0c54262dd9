using Microsoft.Extensions.Options;

namespace Leaflets.Functions.Http;

/// <summary>
/// Bound from the "RepresentationCache" section (env <c>RepresentationCache__MaxBytes</c>): how many bytes of rendered
/// JSON, JSON-LD and HTML (and their compressed codings) one instance keeps in memory. 0 turns the cache off.
/// </summary>
public sealed class RepresentationCacheOptions
{
    public const string SectionName = "RepresentationCache";

    /// <summary>
    /// 64 MB: a leaflet's JSON, HTML page, JSON-LD and site page with their Brotli and gzip codings come to about
    /// 150 KB, so the most-read few hundred leaflet variants stay in memory within the instance's 400 MB target.
    /// </summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    public bool IsValid => MaxBytes >= 0;

    public const string InvalidMessage = "RepresentationCache:MaxBytes must be 0 (off) or more (env RepresentationCache__MaxBytes).";
}

/// <summary>
/// Rendered bodies kept in memory by version, so a leaflet's JSON, JSON-LD and HTML (and the website's pages) are
/// rendered once and compressed once per coding, not on every request. Keyed by the representation's version
/// (<see cref="Content.Rendering.RepresentationVersions"/>: content hash, variant, language, representation version,
/// strings version, review status, links base...), the very value its ETag carries, so an edited leaflet or a new
/// strings table gets a new key and is never served stale; entries for old versions age out. Bounded by the bytes it
/// holds, codings included; the least recently used go first. A body larger than the whole bound is served but not kept.
/// </summary>
public sealed class RepresentationCache(IOptions<RepresentationCacheOptions> options)
{
    private readonly long _maxBytes = options.Value.MaxBytes;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private long _totalBytes;
    private int _renders;

    /// <summary>The bytes held now: every kept body's identity bytes and the codings made of it.</summary>
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

    /// <summary>Bodies rendered because the cache did not hold them.</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>
    /// The body kept under <paramref name="version"/>, else <paramref name="render"/>'s, kept for next time. Two requests
    /// that miss at once may both render: rendering is deterministic, so either body is the same, and the first kept wins.
    /// </summary>
    public RepresentationBody GetOrRender(string version, Func<byte[]> render)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(version, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Body;
            }
        }
        var bytes = render();
        Interlocked.Increment(ref _renders);
        if (bytes.Length > _maxBytes)
        {
            return new RepresentationBody(bytes);
        }
        lock (_lock)
        {
            if (_entries.TryGetValue(version, out var raced))
            {
                return raced.Value.Body;
            }
            var entry = new Entry(version, bytes.Length);
            entry.Body = new RepresentationBody(bytes, encodedBytes => Grow(entry, encodedBytes));
            _entries[version] = _recency.AddFirst(entry);
            _totalBytes += bytes.Length;
            EvictBeyondBound();
            return entry.Body;
        }
    }

    /// <summary>A coding was made of a kept body: it counts against the bound from now (unless the body was evicted meanwhile).</summary>
    private void Grow(Entry entry, int encodedBytes)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(entry.Key, out var node) && node.Value == entry)
            {
                entry.CountedBytes += encodedBytes;
                _totalBytes += encodedBytes;
                EvictBeyondBound();
            }
        }
    }

    private void EvictBeyondBound()
    {
        while (_totalBytes > _maxBytes && _recency.Last is { } oldest)
        {
            _recency.RemoveLast();
            _entries.Remove(oldest.Value.Key);
            _totalBytes -= oldest.Value.CountedBytes;
        }
    }

    /// <summary>A kept body and the bytes counted for it so far (identity, then each coding as it is made).</summary>
    private sealed class Entry(string key, long identityBytes)
    {
        public string Key => key;

        public RepresentationBody Body { get; set; } = null!;

        public long CountedBytes { get; set; } = identityBytes;
    }
}
