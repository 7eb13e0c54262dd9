using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Snapshot;

/// <summary>
/// What a content source holds, in one hash: SHA-256 over every listed path with its length, last change and (where the
/// source has one) Content-MD5, in ordinal order of the paths. A snapshot records the fingerprint of the listing it was
/// written from; a listing with another fingerprint means the content changed since, and the snapshot is not the content any more.
/// <para>
/// Taken file by file as a source lists them (<see cref="IContentSource.ListAsync"/>), holding none: at 10,000 leaflets a
/// listing is 466,666 files, which held as a list took some 80 MB for the 10 to 30 s a listing takes under load, long
/// enough to be promoted to the oldest generation and stay in the process's memory after (issue 12). The order is
/// checked, not trusted: a source that lists out of order is a clear error, never a fingerprint that differs by chance.
/// </para>
/// </summary>
public sealed class ContentFingerprint : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _last;

    /// <summary>How many files were added.</summary>
    public int Count { get; private set; }

    /// <summary>The fingerprint of <paramref name="listing"/> (in ordinal order, as every source lists), and how many files it named.</summary>
    public static async Task<(string Fingerprint, int Count)> OfAsync(IAsyncEnumerable<ContentListing> listing, CancellationToken cancellationToken)
    {
        using var fingerprint = new ContentFingerprint();
        await foreach (var file in listing.WithCancellation(cancellationToken))
        {
            fingerprint.Add(file);
        }
        return (fingerprint.Finish(), fingerprint.Count);
    }

    /// <summary>Adds the next file; throws <see cref="InvalidDataException"/> when its path does not follow the previous one's in ordinal order.</summary>
    public void Add(ContentListing file)
    {
        if (_last is not null && string.CompareOrdinal(_last, file.Path) >= 0)
        {
            throw new InvalidDataException($"The content was listed out of order: '{file.Path}' came after '{_last}'.");
        }
        _last = file.Path;
        Count++;
        Span<byte> number = stackalloc byte[8];
        // Length-prefixed, so that moving bytes between one part and the next cannot collide.
        Append(file.Path, number);
        BinaryPrimitives.WriteInt64LittleEndian(number, file.Length);
        _hash.AppendData(number);
        BinaryPrimitives.WriteInt64LittleEndian(number, file.LastModified.UtcTicks);
        _hash.AppendData(number);
        Append(file.ContentMd5 ?? "", number);
        _hash.AppendData(file.NotRegular ? "\u0001"u8 : "\u0000"u8);
    }

    /// <summary>The fingerprint of the files added, lowercase hex.</summary>
    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();

    private void Append(string text, Span<byte> number)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt64LittleEndian(number, bytes.Length);
        _hash.AppendData(number);
        _hash.AppendData(bytes);
    }
}
