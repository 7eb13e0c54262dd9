using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Leaflets.Content.Tests.Loading;

/// <summary>PNGs made in code, whole or deliberately broken, chunk by chunk (with correct CRCs unless told otherwise).</summary>
internal static class TestPng
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>An 8-bit grey image, every pixel <paramref name="fill"/>, every row filter "none".</summary>
    public static byte[] Grey(int width, int height, byte fill = 0) =>
        Build(Header(width, height, depth: 8, colorType: 0), Rows(width, height, fill, filter: 0));

    /// <summary>An 8-bit palette image of two colours with a transparent first entry, rows filtered with <paramref name="filter"/>.</summary>
    public static byte[] TransparentPalette(int width, int height, byte filter) =>
        Build(Header(width, height, depth: 8, colorType: 3), Rows(width, height, 1, filter),
            ("PLTE", [0, 0, 0, 255, 255, 255]), ("tRNS", [0]));

    /// <summary>A mid-grey image of colour type 2 (RGB), 4 (grey and alpha) or 6 (RGBA), 8 or 16 bits, maybe Adam7-interlaced.</summary>
    public static byte[] Solid(int width, int height, byte colorType, byte depth, bool interlaced)
    {
        var bytesPerPixel = (colorType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 }) * depth / 8;
        (int Columns, int Rows)[] passes = interlaced
            ?
            [
                ((width + 7) / 8, (height + 7) / 8), ((width + 3) / 8, (height + 7) / 8), ((width + 3) / 4, (height + 3) / 8),
                ((width + 1) / 4, (height + 3) / 4), ((width + 1) / 2, (height + 1) / 4), (width / 2, (height + 1) / 2), (width, height / 2),
            ]
            : [(width, height)];
        var raw = new MemoryStream();
        foreach (var (columns, rows) in passes.Where(pass => pass.Columns > 0 && pass.Rows > 0))
        {
            for (var row = 0; row < rows; row++)
            {
                raw.WriteByte(0);
                raw.Write(Enumerable.Repeat((byte)0x80, columns * bytesPerPixel).ToArray());
            }
        }
        var header = Header(width, height, depth, colorType);
        header[12] = interlaced ? (byte)1 : (byte)0;
        return Build(header, raw.ToArray());
    }

    /// <summary>Raw rows: a filter byte, then <paramref name="width"/> samples of <paramref name="fill"/>.</summary>
    public static byte[] Rows(int width, int height, byte fill, byte filter)
    {
        var raw = new byte[(width + 1) * height];
        for (var row = 0; row < height; row++)
        {
            raw[row * (width + 1)] = filter;
            raw.AsSpan((row * (width + 1)) + 1, width).Fill(fill);
        }
        return raw;
    }

    public static byte[] Header(long width, long height, byte depth, byte colorType)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = depth;
        header[9] = colorType;
        return header;
    }

    /// <summary>Signature, IHDR, the given chunks, the zlib-compressed <paramref name="raw"/> rows as one IDAT, IEND.</summary>
    public static byte[] Build(byte[] header, byte[] raw, params (string Type, byte[] Data)[] before)
    {
        var png = new MemoryStream();
        png.Write(Signature);
        Chunk(png, "IHDR", header);
        foreach (var (type, data) in before)
        {
            Chunk(png, type, data);
        }
        Chunk(png, "IDAT", Compress(raw));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Signature, IHDR, <paramref name="idat"/> as it is (already compressed, or deliberately not), IEND.</summary>
    public static byte[] WithIdat(byte[] header, byte[] idat)
    {
        var png = new MemoryStream();
        png.Write(Signature);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// The bytes with every chunk's CRC recomputed, as far as the chunk lengths can be followed: a damaged PNG that
    /// gets past the checksums, to reach the checks behind them.
    /// </summary>
    public static byte[] WithCrcsFixed(byte[] png)
    {
        var bytes = (byte[])png.Clone();
        var at = Signature.Length;
        while (at + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            if (length > bytes.Length - at - 12)
            {
                break;
            }
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at + 8 + (int)length), Crc32(bytes[(at + 4)..(at + 8 + (int)length)]));
            at += 12 + (int)length;
        }
        return bytes;
    }

    public static byte[] Compress(byte[] raw)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }
        return compressed.ToArray();
    }

    public static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
