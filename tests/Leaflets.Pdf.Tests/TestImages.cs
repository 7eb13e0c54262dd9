using Leaflets.Content.Tests.Loading;

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
        return TestPng.Build(TestPng.Header(width, height, depth: 8, colorType: 2), raw.ToArray());
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
        var header = TestPng.Header(width, rows.Length, depth: 8, colorType: 3);
        header[12] = interlaced ? (byte)1 : (byte)0;
        return transparency is null
            ? TestPng.Build(header, raw.ToArray(), ("PLTE", palette))
            : TestPng.Build(header, raw.ToArray(), ("PLTE", palette), ("tRNS", transparency));
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
