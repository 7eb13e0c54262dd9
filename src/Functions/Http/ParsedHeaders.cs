using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Leaflets.Functions.Http;

/// <summary>
/// A header's parse, kept by the header's value: clients send the same few values (a browser's Accept-Language, an
/// HTTP library's Accept-Encoding), and parsing Accept, Accept-Language and Accept-Encoding again on every request was
/// a quarter of what an answer kept in memory allocated (bench/README, "A kept answer's allocations"). Bounded: once
/// <see cref="MaxValues"/> values are kept, or for a value longer than <see cref="MaxValueLength"/> or sent on more than
/// one field line, the value is parsed for its request alone, as before. Kept without eviction rather than in a
/// <c>ByteBoundedLru</c>: that takes a lock on every lookup to reorder its entries, three times a request here.
/// </summary>
internal sealed class ParsedHeaders<T>(Func<StringValues, T> parse)
{
    /// <summary>Distinct values kept: far more than the clients of a service send, few enough to be a few tens of KB.</summary>
    public const int MaxValues = 256;

    /// <summary>Characters of a value kept: a browser's Accept-Language is a few tens.</summary>
    public const int MaxValueLength = 256;

    private readonly ConcurrentDictionary<string, T> _parsed = new(StringComparer.Ordinal);
    private readonly T _absent = parse(StringValues.Empty);
    private int _kept;

    /// <summary>The parse of <paramref name="fieldLines"/>, the same as <c>parse</c> gives: kept, so never changed by its caller.</summary>
    public T Of(StringValues fieldLines)
    {
        if (fieldLines.Count == 0)
        {
            return _absent;
        }
        if (fieldLines.Count > 1 || fieldLines[0] is not { Length: <= MaxValueLength } value)
        {
            return parse(fieldLines);
        }
        if (_parsed.TryGetValue(value, out var known))
        {
            return known;
        }
        var parsed = parse(fieldLines);
        if (Volatile.Read(ref _kept) < MaxValues && _parsed.TryAdd(value, parsed))
        {
            Interlocked.Increment(ref _kept);
        }
        return parsed;
    }
}
