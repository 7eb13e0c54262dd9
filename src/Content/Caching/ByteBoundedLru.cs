namespace Leaflets.Content.Caching;

/// <summary>
/// Values kept in memory by key, bounded by the bytes they hold: the least recently used go first. The one eviction
/// policy of the rendered-PDF cache and the rendered-representation cache, so both bound memory the same way.
/// A value larger than the whole bound is never kept (it would evict everything and then itself). Thread-safe.
/// </summary>
public sealed class ByteBoundedLru<TValue>(long maxBytes)
    where TValue : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private long _totalBytes;

    public long MaxBytes => maxBytes;

    /// <summary>The bytes counted for every kept value now.</summary>
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

    /// <summary>The value kept under <paramref name="key"/>, now the most recently used.</summary>
    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TValue? value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="value"/> (counted as <paramref name="bytes"/>) unless a value is already kept under the key,
    /// in which case that one is returned and kept: two callers that made the same value at once share the first.
    /// </summary>
    public TValue GetOrAdd(string key, TValue value, long bytes)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var kept))
            {
                return kept.Value.Value;
            }
            if (bytes > maxBytes)
            {
                return value;
            }
            _entries[key] = _recency.AddFirst(new Entry(key, value) { Bytes = bytes });
            _totalBytes += bytes;
            EvictBeyondBound();
            return value;
        }
    }

    /// <summary>
    /// A kept value grew (a compressed copy was made of it): its extra bytes count from now, unless it was evicted or
    /// replaced meanwhile.
    /// </summary>
    public void Grow(string key, TValue value, long bytes)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Value, value))
            {
                node.Value.Bytes += bytes;
                _totalBytes += bytes;
                EvictBeyondBound();
            }
        }
    }

    private void EvictBeyondBound()
    {
        while (_totalBytes > maxBytes && _recency.Last is { } oldest)
        {
            _recency.RemoveLast();
            _entries.Remove(oldest.Value.Key);
            _totalBytes -= oldest.Value.Bytes;
        }
    }

    private sealed class Entry(string key, TValue value)
    {
        public string Key => key;

        public TValue Value => value;

        public long Bytes { get; set; }
    }
}
