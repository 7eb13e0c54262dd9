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
