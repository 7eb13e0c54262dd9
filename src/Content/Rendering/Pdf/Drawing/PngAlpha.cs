using System.IO.Compression;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Rendering.Pdf.Drawing;

/// <summary>
/// The alpha plane of a palette PNG with transparent entries, for a PDF soft mask. Decoding is needed
/// here (alpha belongs to palette entries, not pixels), so it happens once per image, not once per render.
/// </summary>
internal static class PngAlpha
{
    /// <summary>8-bit alpha per pixel, zlib-compressed; entries past the end of tRNS are opaque.</summary>
    public static byte[] PaletteAlphaMask(PngImage png, byte[] transparency)
    {
        var (width, height, depth) = (png.Width, png.Height, png.BitDepth);
        var rowBytes = ((width * depth) + 7) / 8;
        var indices = png.UnfilteredRows();
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
}
