using System.Buffers.Binary;

namespace Leaflets.Content.Loading;

/// <summary>
/// Reads an image's real type and pixel size from its first bytes: the PNG signature and IHDR chunk, or the
/// JPEG SOI marker and first start-of-frame segment. The file name is never trusted for either.
/// </summary>
internal static class ImageHeader
{
    public const string PngContentType = "image/png";
    public const string JpegContentType = "image/jpeg";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (string ContentType, int Width, int Height)? Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return ReadPng(bytes);
        }
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return ReadJpeg(bytes);
        }
        return null;
    }

    private static (string, int, int)? ReadPng(ReadOnlySpan<byte> bytes)
    {
        // Signature (8), chunk length (4), "IHDR" (4), width (4), height (4).
        if (bytes.Length < 24 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }
        var width = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(16, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(20, 4));
        return Valid(PngContentType, width, height);
    }

    private static (string, int, int)? ReadJpeg(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at + 4 <= bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return null;
            }
            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2; // markers without a length
                continue;
            }
            if (marker is 0xD9 or 0xDA)
            {
                return null; // end of image or start of scan before any frame header
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at + 2, 2));
            if (length < 2)
            {
                return null;
            }
            // Start-of-frame markers: C0-CF except C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (at + 9 > bytes.Length)
                {
                    return null;
                }
                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at + 5, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at + 7, 2));
                return Valid(JpegContentType, width, height);
            }
            at += 2 + length;
        }
        return null;
    }

    private static (string, int, int)? Valid(string contentType, uint width, uint height) =>
        width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue ? (contentType, (int)width, (int)height) : null;
}
