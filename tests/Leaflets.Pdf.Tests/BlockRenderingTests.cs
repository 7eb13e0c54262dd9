using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using UglyToad.PdfPig;

namespace Leaflets.Pdf.Tests;

public class BlockRenderingTests
{
    [Theory]
    [InlineData(18, PaperSize.A4)]
    [InlineData(24, PaperSize.A5)]
    public void A_figure_and_its_caption_share_a_page(int size, PaperSize paper)
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(size: size, paper: paper));
        var captionPage = pdf.GetPages().Single(p => p.GetWords().Any(w => w.Text == "sets") && p.GetWords().Any(w => w.Text == "hard"));
        var spine = captionPage.GetImages().Where(i => i.WidthInSamples == 40).ToList();
        Assert.Single(spine);
        var captionTop = captionPage.GetWords().Where(w => w.Text == "sets").Max(w => w.BoundingBox.Top);
        Assert.True(captionTop < spine[0].BoundingBox.Bottom, "The caption is not below its picture.");
    }

    [Fact]
    public void A_callout_shows_its_label_in_bold_before_its_text()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var page = pdf.GetPages().Single(p => p.GetWords().Any(w => w.Text == "Important"));
        var label = page.GetWords().Single(w => w.Text == "Important");
        Assert.All(label.Letters, l => Assert.Contains("Bold", l.FontName ?? "", StringComparison.Ordinal));
        var words = page.GetWords().Select(w => w.Text).ToList();
        Assert.True(words.IndexOf("Important") < words.IndexOf("warfarin"));
    }

    [Fact]
    public void Strong_text_is_bold_and_nothing_is_italic()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        var invasive = pdf.GetPages().SelectMany(p => p.GetWords()).First(w => w.Text == "minimally");
        Assert.All(invasive.Letters, l => Assert.Contains("Bold", l.FontName ?? "", StringComparison.Ordinal));
        Assert.DoesNotContain(letters, l => (l.FontName ?? "").Contains("Italic", StringComparison.OrdinalIgnoreCase) || (l.FontName ?? "").Contains("Oblique", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Text_is_black_on_white()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var colours = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Color.ToRGBValues()).Distinct().ToList();
        Assert.Equal([(0d, 0d, 0d)], colours);
    }

    [Fact]
    public void Renders_running_at_the_same_time_give_the_same_bytes()
    {
        var leaflet = TestLeaflets.Sample();
        var options = new PdfRenderOptions(20, PaperSize.Letter, PdfReading.PublicUrl);
        var results = new byte[6][];
        Parallel.For(0, results.Length, i => results[i] = new LeafletPdfRenderer().Render(leaflet, i % 2 == 0 ? LeafletVariant.Plain : LeafletVariant.EasyRead, options));
        for (var i = 2; i < results.Length; i++)
        {
            Assert.Equal(results[i % 2], results[i]);
        }
    }

    [Fact]
    public void An_image_PDFsharp_cannot_read_is_a_clear_error_naming_the_file()
    {
        var sample = TestLeaflets.Sample();
        var broken = new LeafletImage("spine.png", "image/png", [1, 2, 3, 4], 400, 300);
        var leaflet = sample with { Images = sample.Images.SetItem("spine.png", broken) };
        var error = Assert.Throws<InvalidOperationException>(() => new LeafletPdfRenderer().Render(leaflet, LeafletVariant.Plain, new PdfRenderOptions()));
        Assert.Contains("spine.png", error.Message);
    }
}
