using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Leaflets.Pdf.Tests;

/// <summary>Tiny PNGs made in code, so tests need no image files.</summary>
internal static class TestImages
{
    public static byte[] Png(int width, int height, byte shade)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                var edge = x == 0 || y == 0 || x == width - 1 || y == height - 1;
                var value = edge ? (byte)0 : shade;
                raw.Write([value, value, value]);
            }
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// An 8-bit palette PNG whose rows use the given filters (0 none, 1 sub, 2 up, 4 Paeth), so a decoder
    /// that gets a filter wrong gets the pixels wrong.
    /// </summary>
    public static byte[] PalettePng(byte[][] rows, byte[] filters, byte[] palette, byte[]? transparency, bool interlaced = false)
    {
        var raw = new MemoryStream();
        var width = rows[0].Length;
        for (var y = 0; y < rows.Length; y++)
        {
            raw.WriteByte(filters[y]);
            for (var x = 0; x < width; x++)
            {
                int left = x > 0 ? rows[y][x - 1] : 0, up = y > 0 ? rows[y - 1][x] : 0, upLeft = x > 0 && y > 0 ? rows[y - 1][x - 1] : 0;
                var predicted = filters[y] switch { 1 => left, 2 => up, 4 => Paeth(left, up, upLeft), _ => 0 };
                raw.WriteByte((byte)(rows[y][x] - predicted));
            }
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), rows.Length);
        header[8] = 8;
        header[9] = 3; // palette
        header[12] = interlaced ? (byte)1 : (byte)0;
        Chunk(png, "IHDR", header);
        Chunk(png, "PLTE", palette);
        if (transparency is not null)
        {
            Chunk(png, "tRNS", transparency);
        }
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
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
