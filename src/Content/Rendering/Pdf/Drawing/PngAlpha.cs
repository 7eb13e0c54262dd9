using System.IO.Compression;

namespace Leaflets.Content.Rendering.Pdf.Drawing;

/// <summary>
/// The alpha plane of a palette PNG with transparent entries, for a PDF soft mask. Decoding is needed
/// here (alpha belongs to palette entries, not pixels), so it happens once per image, not once per render.
/// </summary>
internal static class PngAlpha
{
    /// <summary>8-bit alpha per pixel, zlib-compressed; entries past the end of tRNS are opaque.</summary>
    public static byte[] PaletteAlphaMask(byte[] zlibData, int width, int height, int depth, byte[] transparency)
    {
        var rowBytes = ((width * depth) + 7) / 8;
        var indices = Unfilter(Inflate(zlibData, (rowBytes + 1) * height), rowBytes, height);
        var alpha = new byte[width * height];
        var perByte = 8 / depth;
        var mask = (1 << depth) - 1;
        for (var row = 0; row < height; row++)
        {
            var line = indices.AsSpan(row * rowBytes, rowBytes);
            for (var column = 0; column < width; column++)
            {
                var shift = 8 - (depth * ((column % perByte) + 1));
                var index = (line[column / perByte] >> shift) & mask;
                alpha[(row * width) + column] = index < transparency.Length ? transparency[index] : (byte)255;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(alpha);
        }
        return compressed.ToArray();
    }

    private static byte[] Inflate(byte[] zlibData, int expected)
    {
        var raw = new byte[expected];
        using var zlib = new ZLibStream(new MemoryStream(zlibData, writable: false), CompressionMode.Decompress);
        zlib.ReadExactly(raw);
        return raw;
    }

    /// <summary>Undoes PNG's per-row filters (one byte per pixel or less: the "left" neighbour is the previous byte).</summary>
    private static byte[] Unfilter(byte[] raw, int rowBytes, int height)
    {
        var output = new byte[rowBytes * height];
        for (var row = 0; row < height; row++)
        {
            var filter = raw[row * (rowBytes + 1)];
            var source = raw.AsSpan((row * (rowBytes + 1)) + 1, rowBytes);
            var line = output.AsSpan(row * rowBytes, rowBytes);
            var above = row == 0 ? [] : output.AsSpan((row - 1) * rowBytes, rowBytes);
            for (var i = 0; i < rowBytes; i++)
            {
                int left = i > 0 ? line[i - 1] : 0;
                int up = above.IsEmpty ? 0 : above[i];
                int upLeft = i > 0 && !above.IsEmpty ? above[i - 1] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG row filter {filter} is not defined."),
                };
                line[i] = (byte)(source[i] + predicted);
            }
        }
        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
