namespace Leaflets.Functions.Http;

/// <summary>
/// The bytes of one representation, and each content coding of them made once and then kept: a body that is served
/// again (from <see cref="RepresentationCache"/>) is not encoded again. The same identity bytes always encode to the
/// same bytes (<see cref="ContentCoding.Encode"/>), so two requests racing to encode it both get what either made.
/// </summary>
public sealed class RepresentationBody
{
    private readonly byte[]?[] _encoded = new byte[ContentCoding.Offered.Count][];
    private readonly Action<int>? _onEncoded;

    /// <summary>A body of its own, for one response: its codings are made when asked for and kept while it lives.</summary>
    /// <param name="lastModified">For a body made of many leaflets, when the newest of them last changed (<see cref="LastModified"/>).</param>
    public RepresentationBody(ReadOnlyMemory<byte> identity, DateTimeOffset? lastModified = null) => (Identity, LastModified) = (identity, lastModified);

    /// <param name="onEncoded">Told the size of each coding the first time it is made (a cache counts them against its bound).</param>
    internal RepresentationBody(ReadOnlyMemory<byte> identity, DateTimeOffset? lastModified, Action<int> onEncoded)
        : this(identity, lastModified) => _onEncoded = onEncoded;

    public ReadOnlyMemory<byte> Identity { get; }

    /// <summary>
    /// For a body that mixes many leaflets (a page of a list), the date its Last-Modified gives
    /// (<see cref="Content.Search.SearchPage.LastModified"/>), decided when it was rendered and kept with it, so a kept
    /// page is answered without finding its leaflets again; null for any other body, whose route dates it itself.
    /// </summary>
    public DateTimeOffset? LastModified { get; }

    private EntityTag? _tagOfBytes;

    /// <summary>
    /// The strong tag taken over the identity bytes (<see cref="EntityTag.OfBytes"/>), for a body that mixes many
    /// leaflets (a list's page): hashed on the first request for it, so a kept body is not hashed again per request.
    /// </summary>
    public EntityTag TagOfBytes => Volatile.Read(ref _tagOfBytes) ?? (_tagOfBytes = EntityTag.OfBytes(Identity.Span));

    /// <summary>The body in <paramref name="coding"/> (identity when null), encoded on the first request for it.</summary>
    public ReadOnlyMemory<byte> In(ContentCoding? coding)
    {
        if (coding is null)
        {
            return Identity;
        }
        var index = IndexOf(coding);
        if (Volatile.Read(ref _encoded[index]) is { } kept)
        {
            return kept;
        }
        var made = coding.Encode(Identity.Span);
        if (Interlocked.CompareExchange(ref _encoded[index], made, null) is { } raced)
        {
            return raced;
        }
        _onEncoded?.Invoke(made.Length);
        return made;
    }

    private static int IndexOf(ContentCoding coding)
    {
        for (var i = 0; i < ContentCoding.Offered.Count; i++)
        {
            if (ContentCoding.Offered[i] == coding)
            {
                return i;
            }
        }
        throw new ArgumentException($"{coding.Token} is not a coding this service offers.", nameof(coding));
    }
}
