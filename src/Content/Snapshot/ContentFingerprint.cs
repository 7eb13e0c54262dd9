using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Snapshot;

/// <summary>
/// What a content source holds, in one hash: SHA-256 over every listed path with its length, last change and (where the
/// source has one) Content-MD5. A snapshot records the fingerprint of the listing it was written from; a listing with
/// another fingerprint means the content changed since, and the snapshot is not the content any more.
/// </summary>
public static class ContentFingerprint
{
    public static string Of(IEnumerable<ContentListing> listing)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        foreach (var file in listing.OrderBy(file => file.Path, StringComparer.Ordinal))
        {
            // Length-prefixed, so that moving bytes between one part and the next cannot collide.
            Append(hash, file.Path, number);
            BinaryPrimitives.WriteInt64LittleEndian(number, file.Length);
            hash.AppendData(number);
            BinaryPrimitives.WriteInt64LittleEndian(number, file.LastModified.UtcTicks);
            hash.AppendData(number);
            Append(hash, file.ContentMd5 ?? "", number);
            hash.AppendData(file.NotRegular ? "\u0001"u8 : "\u0000"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text, Span<byte> number)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt64LittleEndian(number, bytes.Length);
        hash.AppendData(number);
        hash.AppendData(bytes);
    }
}
