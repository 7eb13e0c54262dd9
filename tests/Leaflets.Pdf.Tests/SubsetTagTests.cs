using System.Buffers.Binary;
using System.Text;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Rendering.Pdf.Drawing;
using Leaflets.Content.Tests.Loading;

namespace Leaflets.Pdf.Tests;

public class SubsetTagTests
{
    [Fact]
    public void Only_the_font_and_font_descriptor_names_get_a_new_subset_tag()
    {
        string[] objects =
        [
            "1 0 obj\n<</Type/Font/Subtype/Type0/Note(a (nested) \\) /BaseFont/ABCDEF+Atkinson)/BaseFont/ABCDEF+Atkinson/DescendantFonts[2 0 R]>>\nendobj\n",
            "2 0 obj\n<</Type/FontDescriptor/FontName /ABCDEF+Atkinson/FontFile2 3 0 R>>\nendobj\n",
            "3 0 obj\n<</Length 25>>\nstream\n/FontName/ABCDEF+Atkinson\nendstream\nendobj\n",
            "4 0 obj\n<</Type/Figure/Alt(/BaseFont/ABCDEF+Atkinson)>>\nendobj\n",
        ];
        var (pdf, xref) = WithOffsets(objects);

        PdfFinisher.FixSubsetTags(pdf, xref, "key");

        var text = Encoding.Latin1.GetString(pdf);
        var tag = text.Substring(text.IndexOf(")/BaseFont/", StringComparison.Ordinal) + 11, 6);
        Assert.NotEqual("ABCDEF", tag);
        var expected = string.Concat(objects)
            .Replace(")/BaseFont/ABCDEF+", $")/BaseFont/{tag}+", StringComparison.Ordinal)
            .Replace("/FontName /ABCDEF+", $"/FontName /{tag}+", StringComparison.Ordinal);
        Assert.Equal(expected, text);
    }

    [Fact]
    public void A_figure_whose_bytes_look_like_a_subset_tag_goes_into_the_pdf_untouched()
    {
        var idat = StoredZlib([0, .. "/ABCDEF+Figure"u8]);
        var png = TestPng.WithIdat(TestPng.Header(width: 14, height: 1, depth: 8, colorType: 0), idat);
        var sample = TestLeaflets.Sample();
        var leaflet = sample with { Images = sample.Images.SetItem("banner.png", new LeafletImage("banner.png", "image/png", [.. png], 600, 150)) };

        var pdf = new LeafletPdfRenderer().Render(leaflet, LeafletVariant.Plain, new PdfRenderOptions());

        Assert.True(pdf.AsSpan().IndexOf(idat) >= 0, "The figure's image data was changed by the finisher.");
    }

    private static (byte[] Pdf, PdfFinisher.CrossReference Xref) WithOffsets(string[] objects)
    {
        var offsets = new int[objects.Length];
        var text = new StringBuilder();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets[i] = text.Length;
            text.Append(objects[i]);
        }
        return (Encoding.Latin1.GetBytes(text.ToString()), new PdfFinisher.CrossReference(text.Length, text.Length, offsets));
    }

    /// <summary>A zlib stream of one stored (uncompressed) block, so <paramref name="raw"/> appears in it byte for byte.</summary>
    private static byte[] StoredZlib(byte[] raw)
    {
        var zlib = new byte[2 + 5 + raw.Length + 4];
        zlib[0] = 0x78;
        zlib[1] = 0x01;
        zlib[2] = 1; // final block, stored
        BinaryPrimitives.WriteUInt16LittleEndian(zlib.AsSpan(3), (ushort)raw.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(zlib.AsSpan(5), (ushort)~raw.Length);
        raw.CopyTo(zlib, 7);
        BinaryPrimitives.WriteUInt32BigEndian(zlib.AsSpan(7 + raw.Length), Adler32(raw));
        return zlib;
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var value in data)
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }
}
