using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Leaflets.Content.Snapshot;

/// <summary>
/// A SHA-256 held as its 32 bytes, compared as bytes. A snapshot records one for every image and Markdown file (about
/// 220,000 at 10,000 leaflets): as 64-character hex strings they were 33 MB of heap made at every start, and a value
/// of four longs is no allocation at all. Hex only for people (<see cref="ToString"/>).
/// </summary>
public readonly record struct Sha256Digest
{
    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private Sha256Digest(ReadOnlySpan<byte> hash)
    {
        _a = BinaryPrimitives.ReadUInt64BigEndian(hash);
        _b = BinaryPrimitives.ReadUInt64BigEndian(hash[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(hash[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(hash[24..]);
    }

    /// <summary>The SHA-256 of <paramref name="data"/>.</summary>
    public static Sha256Digest Of(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        return new Sha256Digest(hash);
    }

    /// <summary>A digest from its 32 bytes (as <see cref="WriteTo"/> wrote them).</summary>
    public static Sha256Digest FromBytes(ReadOnlySpan<byte> hash) =>
        hash.Length == SHA256.HashSizeInBytes ? new Sha256Digest(hash) : throw new ArgumentException($"a SHA-256 is {SHA256.HashSizeInBytes} bytes, not {hash.Length}", nameof(hash));

    /// <summary>The 32 bytes, in order.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <summary>Lowercase hex, for messages and tools.</summary>
    public override string ToString()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        WriteTo(hash);
        return Convert.ToHexStringLower(hash);
    }
}
