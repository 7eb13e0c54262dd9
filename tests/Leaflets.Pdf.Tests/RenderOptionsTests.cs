using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Pdf.Tests;

public class RenderOptionsTests
{
    [Fact]
    public void The_defaults_are_18_point_A4_without_a_QR_code()
    {
        var options = new PdfRenderOptions();
        Assert.Equal(18, options.BodySize);
        Assert.Equal(PaperSize.A4, options.Paper);
        Assert.Null(options.PublicUrl);
        Assert.Equal([16, 18, 20, 24], PdfRenderOptions.AllowedSizes.ToArray());
    }

    [Theory]
    [InlineData("A4", PaperSize.A4)]
    [InlineData("a5", PaperSize.A5)]
    [InlineData("letter", PaperSize.Letter)]
    [InlineData(" Letter ", PaperSize.Letter)]
    public void Paper_names_parse_case_insensitively(string text, PaperSize expected)
    {
        Assert.True(PrintChoice.TryParsePaper(text, out var paper));
        Assert.Equal(expected, paper);
    }

    [Theory]
    [InlineData("A3")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_paper_names_are_rejected(string? text) => Assert.False(PrintChoice.TryParsePaper(text, out _));

    [Theory]
    [InlineData("16", true)]
    [InlineData("24", true)]
    [InlineData("12", false)]
    [InlineData("17", false)]
    [InlineData("-18", false)]
    [InlineData("18pt", false)]
    [InlineData(null, false)]
    public void Only_the_offered_sizes_parse(string? text, bool accepted) => Assert.Equal(accepted, PrintChoice.TryParseSize(text, out _));

    [Fact]
    public void Rendering_with_a_size_that_is_not_offered_is_a_clear_argument_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new LeafletPdfRenderer().Render(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions(12)));
        Assert.Contains("16, 18, 20, 24", error.Message);
        Assert.Throws<ArgumentException>(() => new LeafletPdfRenderer().Render(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions(PublicUrl: "not a url")));
    }

    [Fact]
    public void Rendering_a_variant_the_leaflet_lacks_is_a_clear_error()
    {
        var leaflet = TestLeaflets.Sample();
        var plainOnly = leaflet with { Variants = leaflet.Variants.Remove(LeafletVariant.EasyRead) };
        var error = Assert.Throws<KeyNotFoundException>(() => new LeafletPdfRenderer().Render(plainOnly, LeafletVariant.EasyRead, new PdfRenderOptions()));
        Assert.Contains("easy-read", error.Message);
    }

    [Fact]
    public void Without_a_public_address_there_is_no_QR_code()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(PdfReading.RenderSample(url: null));
        Assert.DoesNotContain("Check you have the latest version", string.Join(" ", PdfReading.Words(pdf)));
        Assert.DoesNotContain(PdfReading.StructureElements(pdf), e => e.Alt?.StartsWith("QR", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void With_a_public_address_the_last_page_carries_the_QR_code_and_the_address()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(PdfReading.RenderSample());
        var last = pdf.GetPage(pdf.NumberOfPages);
        Assert.Contains(PdfReading.PublicUrl, string.Join(" ", last.GetWords().Select(w => w.Text)));
        Assert.Contains(last.GetHyperlinks(), l => l.Uri == PdfReading.PublicUrl);
    }
}
