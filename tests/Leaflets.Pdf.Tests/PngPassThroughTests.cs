using System.IO.Compression;
using Leaflets.Content.Rendering.Pdf.Drawing;

namespace Leaflets.Pdf.Tests;

public class PngPassThroughTests
{
    private static readonly byte[][] Rows = [[0, 1, 2, 1], [2, 2, 0, 1], [1, 0, 0, 2]];
    private static readonly byte[] Filters = [1, 2, 4];
    private static readonly byte[] Palette = [255, 0, 0, 0, 255, 0, 0, 0, 255];

    [Fact]
    public void A_palette_png_passes_through_as_its_own_compressed_rows()
    {
        var png = PngPassThrough.TryParse(TestImages.PalettePng(Rows, Filters, Palette, transparency: null));

        Assert.NotNull(png);
        Assert.Equal(("/Indexed", 4, 3, 8, 1), (png.ColorSpace, png.Width, png.Height, png.BitsPerComponent, png.Colors));
        Assert.Equal(Palette, png.Palette);
        Assert.Null(png.AlphaMask);
        // The data is the PNG's zlib stream: one filter byte then the filtered samples per row.
        var rows = Inflate(png.ImageData);
        Assert.Equal(3 * (1 + 4), rows.Length);
        Assert.Equal(Filters, new[] { rows[0], rows[5], rows[10] });
    }

    [Fact]
    public void Transparent_palette_entries_become_an_alpha_mask_with_one_value_per_pixel()
    {
        // Entry 0 is fully transparent, entry 1 half; entry 2 is past the end of tRNS, so opaque.
        var png = PngPassThrough.TryParse(TestImages.PalettePng(Rows, Filters, Palette, transparency: [0, 128]));

        Assert.NotNull(png?.AlphaMask);
        byte[] expected = [0, 128, 255, 128, 255, 255, 0, 128, 128, 0, 0, 255];
        Assert.Equal(expected, Inflate(png.AlphaMask));
    }

    [Fact]
    public void Pngs_the_pdf_cannot_take_as_they_are_are_left_to_pdfsharp()
    {
        Assert.Null(PngPassThrough.TryParse(TestImages.PalettePng(Rows, Filters, Palette, null, interlaced: true)));
        Assert.Null(PngPassThrough.TryParse("not a png at all"u8));
        Assert.NotNull(PngPassThrough.TryParse(TestImages.Png(3, 3, 100)));
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress))
        {
            z.CopyTo(output);
        }
        return output.ToArray();
    }
}
