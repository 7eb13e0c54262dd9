using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Text;
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

    [Fact]
    public void A_box_taller_than_a_page_splits_and_each_page_it_continues_on_says_so_as_an_artifact()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => (Block)new ParagraphBlock(i, TestLeaflets.T($"Point {i}: keep taking your usual medicines unless the team tells you to stop.")));
        using var pdf = PdfDocument.Open(Render(new CalloutBlock(1, "Before you come in", [.. paragraphs])));
        var pages = pdf.GetPages().Where(p => p.GetWords().Any(w => w.Text == "Point")).ToList();
        Assert.True(pages.Count >= 2, "The box should run over at least two pages.");
        var continued = StringsLibrary.Embedded.English.Print.Continued;
        Assert.DoesNotContain(continued, PdfReading.Text(pages[0].Letters));
        foreach (var page in pages.Skip(1))
        {
            Assert.StartsWith(continued, PdfReading.Text(page.Letters));
            Assert.DoesNotContain(continued, PdfReading.Text(PrintFlowTests.TaggedLetters(page)));
        }
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"{i}:"), PdfReading.Words(pdf).Where(w => w.EndsWith(':') && int.TryParse(w[..^1], out _)));
    }

    [Theory]
    [MemberData(nameof(LayoutRulesTests.AllSizes), MemberType = typeof(LayoutRulesTests))]
    public void A_box_that_fits_on_a_page_is_never_split(int size, PaperSize paper)
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(size: size, paper: paper));
        var page = pdf.GetPages().Single(p => p.GetWords().Any(w => w.Text == "Important"));
        Assert.Contains(page.GetWords(), w => w.Text == "before.");
    }

    [Fact]
    public void A_heading_taller_than_a_third_of_the_page_is_set_smaller_but_above_body_size()
    {
        var words = string.Join(" ", Enumerable.Repeat("what happens when you come into hospital", 3));
        using var pdf = PdfDocument.Open(Render(new ParagraphBlock(1, TestLeaflets.T("Text before the heading.")), new HeadingBlock(2, 2, TestLeaflets.T(words), "long"), new ParagraphBlock(3, TestLeaflets.T("Text after the heading."))));
        var sizes = pdf.GetPages().SelectMany(p => p.GetWords()).Where(w => w.Text == "hospital").SelectMany(w => w.Letters).Select(l => Math.Round(l.PointSize, 2)).Distinct().ToList();
        var size = Assert.Single(sizes);
        Assert.InRange(size, 24 + 2, (24 * 1.4) - 1);
        Assert.Single(pdf.GetPages(), p => p.GetWords().Any(w => w.Text == "hospital"));
    }

    [Theory]
    [InlineData(18, PaperSize.A4, true)]
    [InlineData(24, PaperSize.A5, false)]
    public void Easy_read_words_sit_beside_their_picture_only_where_the_column_holds_the_readable_measure(int size, PaperSize paper, bool beside)
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(LeafletVariant.EasyRead, size, paper));
        var page = pdf.GetPages().First(p => p.GetImages().Any(i => i.WidthInSamples == 30));
        var nurse = page.GetImages().Single(i => i.WidthInSamples == 30).BoundingBox;
        var first = page.GetWords().Single(w => w.Text == "nurse").BoundingBox;
        Assert.Equal(beside, first.Left >= nurse.Right);
        Assert.Equal(!beside, first.Top < nurse.Bottom);
    }

    /// <summary>The sample plain leaflet with <paramref name="blocks"/> for its body, at 24 pt on A5.</summary>
    private static byte[] Render(params Block[] blocks)
    {
        var sample = TestLeaflets.Sample();
        var leaflet = sample with { Variants = sample.Variants.SetItem(LeafletVariant.Plain, sample.Plain with { Blocks = [.. blocks], ContentHash = "flow-" + blocks.Length }) };
        return new LeafletPdfRenderer().Render(leaflet, LeafletVariant.Plain, new PdfRenderOptions(24, PaperSize.A5));
    }
}
