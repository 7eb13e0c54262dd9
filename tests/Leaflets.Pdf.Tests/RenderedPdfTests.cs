using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Leaflets.Pdf.Tests;

public class RenderedPdfTests
{
    [Fact]
    public void The_words_come_out_in_reading_order()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var text = string.Join(" ", PdfReading.Words(pdf));
        var expected = new[]
        {
            "Cementoplasty: what to expect", "This leaflet explains cementoplasty", "What is cementoplasty?",
            "Read the NICE guidance (https://www.nice.org.uk/guidance/ipg770) for more detail",
            "The cement sets hard", "Why would I have it?", "To ease pain", "Important", "Tell us if you take medicine",
            "What happens on the day", "Time What happens", "After the procedure", "References", "Check you have the latest version",
        };
        var position = 0;
        foreach (var phrase in expected)
        {
            var found = text.IndexOf(phrase, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{phrase}' missing or out of order after position {position} in: {text}");
            position = found + phrase.Length;
        }
    }

    [Theory]
    [InlineData(16, PaperSize.A4)]
    [InlineData(18, PaperSize.A4)]
    [InlineData(20, PaperSize.Letter)]
    [InlineData(24, PaperSize.A5)]
    public void Every_glyph_is_at_least_the_body_size_and_inside_the_margins(int size, PaperSize paper)
    {
        foreach (var variant in LeafletVariants.All)
        {
            using var pdf = PdfDocument.Open(PdfReading.RenderSample(variant, size, paper));
            PdfReading.AssertGlyphsAtBodySizeInsideMargins(pdf, size, paper);
        }
    }

    [Theory]
    [InlineData(PaperSize.A4, 595.28, 841.89)]
    [InlineData(PaperSize.A5, 419.53, 595.28)]
    [InlineData(PaperSize.Letter, 612, 792)]
    public void Pages_have_the_requested_paper_size(PaperSize paper, double width, double height)
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(paper: paper));
        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Equal(width, page.Width, 1);
            Assert.Equal(height, page.Height, 1);
        });
    }

    [Fact]
    public void Every_page_has_the_footer_with_its_title_and_page_number()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var count = pdf.NumberOfPages;
        Assert.True(count > 1);
        foreach (var page in pdf.GetPages())
        {
            var text = string.Join(" ", page.GetWords().Select(w => w.Text));
            Assert.Contains($"Page {page.Number} of {count}", text);
            Assert.Contains("Cementoplasty: what to expect", text);
        }
    }

    [Fact]
    public void Headings_become_nested_bookmarks()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var title = Assert.Single(bookmarks.Roots);
        Assert.Equal("Cementoplasty: what to expect", title.Title);
        Assert.Equal(["What is cementoplasty?", "What happens on the day", "After the procedure", "About this leaflet", "References"], title.Children.Select(c => c.Title));
        Assert.Equal("Why would I have it?", Assert.Single(title.Children[0].Children).Title);
        Assert.All(bookmarks.GetNodes(), node => Assert.IsType<DocumentBookmarkNode>(node));
    }

    [Fact]
    public void Links_are_annotations_with_their_address_and_a_description()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var links = pdf.GetPages().SelectMany(p => p.GetHyperlinks()).ToList();
        Assert.Contains(links, l => l.Uri == TestLeaflets.LinkUrl && l.Text.Contains("NICE guidance", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Uri == PdfReading.PublicUrl);
        var annotations = pdf.GetPages().SelectMany(p => p.GetAnnotations()).ToList();
        Assert.NotEmpty(annotations);
        Assert.All(annotations, a => Assert.False(string.IsNullOrWhiteSpace(a.Content), "A link annotation has no /Contents description."));
        Assert.All(annotations, a => Assert.True(a.AnnotationDictionary.Data.ContainsKey("StructParent"), "A link annotation is not in the structure tree."));
    }

    [Fact]
    public void The_document_declares_language_title_and_shows_the_title()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.Equal("en-GB", ((StringToken)PdfReading.Resolve(pdf, catalog.Data["Lang"])).Data);
        Assert.Equal("Cementoplasty: what to expect", pdf.Information.Title);
        var preferences = PdfReading.Dictionary(pdf, catalog.Data["ViewerPreferences"]);
        Assert.True(((BooleanToken)PdfReading.Resolve(pdf, preferences.Data["DisplayDocTitle"])).Data);
        var markInfo = PdfReading.Dictionary(pdf, catalog.Data["MarkInfo"]);
        Assert.True(((BooleanToken)markInfo.Data["Marked"]).Data);
    }

    [Fact]
    public void The_XMP_metadata_names_title_language_and_PDF_UA()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        Assert.True(pdf.TryGetXmpMetadata(out var xmp));
        var text = System.Text.Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray());
        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", text);
        Assert.Contains("Cementoplasty: what to expect</rdf:li>", text);
        Assert.Contains("<rdf:li>en-GB</rdf:li>", text);
        Assert.Contains("http://www.aiim.org/pdfua/ns/id/", text);
    }

    [Fact]
    public void The_same_inputs_give_the_same_bytes()
    {
        var renderer = new LeafletPdfRenderer();
        var leaflet = TestLeaflets.Sample();
        var options = new PdfRenderOptions(PublicUrl: PdfReading.PublicUrl);
        Assert.Equal(renderer.Render(leaflet, LeafletVariant.Plain, options), renderer.Render(leaflet, LeafletVariant.Plain, options));
        Assert.NotEqual(renderer.Render(leaflet, LeafletVariant.Plain, options), renderer.Render(leaflet, LeafletVariant.Plain, options with { BodySize = 20 }));
    }
}
