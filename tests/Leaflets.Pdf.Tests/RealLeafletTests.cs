using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using UglyToad.PdfPig;

namespace Leaflets.Pdf.Tests;

public class RealLeafletTests
{
    public static TheoryData<string, LeafletVariant, string> Variants() => RealContent.VariantIds();

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_real_leaflet_renders_large_print_inside_the_margins_with_its_title_first(string id, LeafletVariant variant, string language)
    {
        var leaflet = RealContent.Get(id);
        var document = leaflet.Document(variant, language);
        foreach (var options in new[] { new PdfRenderOptions(), new PdfRenderOptions(24, PaperSize.A5) })
        {
            using var pdf = PdfDocument.Open(PdfReading.Render(new PdfRequest(id, document, leaflet.Images, options)));
            var margin = (options.Paper == PaperSize.A5 ? 15 : 20) * 72 / 25.4;
            foreach (var page in pdf.GetPages())
            {
                foreach (var letter in page.Letters)
                {
                    Assert.True(letter.PointSize >= options.BodySize - 0.01, $"{id}/{variant}/{language}: '{letter.Value}' on page {page.Number} is {letter.PointSize} pt.");
                    var box = letter.BoundingBox;
                    Assert.True(box.Left >= margin - 0.5 && box.Right <= page.Width - margin + 0.5 && box.Bottom >= margin - 0.5 && box.Top <= page.Height - margin + 0.5,
                        $"{id}/{variant}/{language}: '{letter.Value}' on page {page.Number} at {box} is outside the margins.");
                }
            }
            var words = string.Join(" ", PdfReading.Words(pdf));
            Assert.StartsWith(document.Metadata.Title, words);
            Assert.Equal(document.Metadata.Title, pdf.Information.Title);
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_real_leaflet_tags_every_heading_and_every_figure_with_its_alt_text(string id, LeafletVariant variant, string language)
    {
        var leaflet = RealContent.Get(id);
        var document = leaflet.Document(variant, language);
        using var pdf = PdfDocument.Open(PdfReading.Render(new PdfRequest(id, document, leaflet.Images, new PdfRenderOptions())));
        var elements = PdfReading.StructureElements(pdf);
        var headings = RealContent.Flatten(document.Blocks).OfType<HeadingBlock>().ToList();
        // "About this leaflet" and, when there are any, "References" follow the leaflet's own headings.
        var references = 1 + (document.Metadata.References.IsDefaultOrEmpty ? 0 : 1);
        Assert.Single(elements, e => e.Type == "H1");
        Assert.Equal(headings.Count(h => h.Level == 2) + references, elements.Count(e => e.Type == "H2"));
        Assert.Equal(headings.Count(h => h.Level == 3), elements.Count(e => e.Type == "H3"));
        var alts = RealContent.Flatten(document.Blocks).SelectMany(Figures).Where(f => !f.IsDecorative).Select(f => f.Alt).ToList();
        Assert.Equal(alts, elements.Where(e => e.Type == "Figure").Select(e => e.Alt));
        Assert.Equal(document.Metadata.Language, ((UglyToad.PdfPig.Tokens.StringToken)PdfReading.Resolve(pdf, pdf.Structure.Catalog.CatalogDictionary.Data["Lang"])).Data);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Equal(1 + headings.Count + references, bookmarks.GetNodes().Count());
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_real_leaflet_reads_in_the_order_it_was_written(string id, LeafletVariant variant, string language)
    {
        var leaflet = RealContent.Get(id);
        var document = leaflet.Document(variant, language);
        using var pdf = PdfDocument.Open(PdfReading.Render(new PdfRequest(id, document, leaflet.Images, new PdfRenderOptions())));
        var extracted = PdfReading.Words(pdf).Select(Bare).ToList();
        var expected = WrittenText(document).SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(Bare).Where(w => w.Length > 0).ToList();
        var at = 0;
        foreach (var word in expected)
        {
            var found = extracted.IndexOf(word, at);
            Assert.True(found >= 0, $"{id}/{variant}/{language}: '{word}' is missing or out of order after word {at} ('{(at > 0 ? extracted[at - 1] : "")}').");
            at = found + 1;
        }
    }

    [Fact]
    public void Rendering_a_real_leaflet_twice_gives_identical_bytes()
    {
        var leaflet = RealContent.Leaflets[0];
        var renderer = new LeafletPdfRenderer();
        var options = new PdfRenderOptions(20, PaperSize.Letter, "https://leaflets.example.org/x");
        Assert.Equal(renderer.Render(leaflet, LeafletVariant.Plain, options), renderer.Render(leaflet, LeafletVariant.Plain, options));
    }

    private static string Bare(string word) => word.Trim('.', ',', ';', ':', '(', ')', '"', '\u201C', '\u201D', '!', '?');

    /// <summary>The text of a document in the order it was written: title, blocks, references.</summary>
    private static IEnumerable<string> WrittenText(LeafletDocument document)
    {
        yield return document.Metadata.Title;
        foreach (var text in document.Blocks.SelectMany(BlockText))
        {
            yield return text;
        }
        foreach (var reference in document.Metadata.References)
        {
            yield return reference.Title;
        }
    }

    private static IEnumerable<string> BlockText(Block block) => block switch
    {
        HeadingBlock h => [h.Inlines.PlainText()],
        ParagraphBlock p => [p.Inlines.PlainText()],
        ListBlock l => l.Items.SelectMany(i => i.Blocks).SelectMany(BlockText),
        FigureBlock f => f.Caption is null ? [] : [f.Caption],
        CalloutBlock c => c.Blocks.SelectMany(BlockText).Prepend(c.Label),
        TableBlock t => t.Header.Concat(t.Rows.SelectMany(r => r)).Select(c => c.Inlines.PlainText()),
        PictureRowBlock r => r.Blocks.SelectMany(BlockText),
        _ => [],
    };
    private static IEnumerable<FigureBlock> Figures(Block block) => block switch
    {
        FigureBlock f => [f],
        PictureRowBlock r => [r.Figure],
        _ => [],
    };
}
