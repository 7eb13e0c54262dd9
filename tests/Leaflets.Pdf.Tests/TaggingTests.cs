using Leaflets.Content.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Leaflets.Pdf.Tests;

public class TaggingTests
{
    [Fact]
    public void The_structure_tree_mirrors_the_document_model()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var elements = PdfReading.StructureElements(pdf);
        var types = elements.Select(e => e.Type).ToList();
        Assert.Equal("Document", types[0]);
        Assert.Single(types, "H1");
        foreach (var expected in new[] { "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure", "Link", "Div" })
        {
            Assert.Contains(expected, types);
        }
        Assert.Equal(2, types.Count(t => t == "TH"));
        Assert.True(types.IndexOf("H1") < types.IndexOf("H2") && types.IndexOf("H2") < types.IndexOf("H3"));
    }

    [Fact]
    public void Every_figure_has_its_alternative_text_and_decorative_images_are_not_figures()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var figures = PdfReading.StructureElements(pdf).Where(e => e.Type == "Figure").ToList();
        Assert.Equal(2, figures.Count); // the spine drawing and the QR code; the banner is an artifact
        Assert.Contains(figures, f => f.Alt == "A drawing of the spine with cement in one vertebra");
        Assert.Contains(figures, f => f.Alt!.StartsWith("QR code", StringComparison.Ordinal) && f.Alt.Contains(PdfReading.PublicUrl, StringComparison.Ordinal));
    }

    [Fact]
    public void A_caption_is_tagged_Caption_inside_its_figure_and_inside_the_figures_bounding_box()
    {
        const string Alt = "A drawing of the spine with cement in one vertebra";
        const string Caption = "The cement sets hard inside the bone within an hour.";
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var elements = PdfReading.ElementTexts(pdf);
        var figure = elements.FindIndex(e => e.Type == "Figure");
        Assert.Equal([("Caption", 1, ""), ("P", 2, Caption)], elements.Skip(figure + 1).Take(2).Select(e => (e.Type, e.Depth - elements[figure].Depth, e.Text)));

        var box = FigureBoundingBox(pdf, Alt);
        var all = pdf.GetPages().SelectMany(p => p.GetWords()).ToList();
        var words = all.Skip(all.FindIndex(w => w.Text == "sets") - 2).Take(10).ToList();
        Assert.Equal("hour.", words[^1].Text);
        Assert.All(words, word => Assert.True(word.BoundingBox.Bottom >= box[1] - 1 && word.BoundingBox.Top <= box[3] + 1,
            $"'{word.Text}' at {word.BoundingBox} is outside the figure's /BBox [{string.Join(' ', box)}]."));
    }

    /// <summary>The /BBox of the Figure with this alternative text (PDFsharp writes it in the element's /A attributes).</summary>
    private static double[] FigureBoundingBox(PdfDocument pdf, string alt)
    {
        var pending = new Stack<IToken>([pdf.Structure.Catalog.CatalogDictionary.Data["StructTreeRoot"]]);
        while (pending.Count > 0)
        {
            switch (PdfReading.Resolve(pdf, pending.Pop()))
            {
                case ArrayToken array:
                    array.Data.ToList().ForEach(pending.Push);
                    break;
                case DictionaryToken element when element.Data.TryGetValue("Alt", out var text) && (PdfReading.Resolve(pdf, text) as StringToken)?.Data == alt:
                    var attributes = PdfReading.Dictionary(pdf, element.Data["A"]);
                    return [.. ((ArrayToken)PdfReading.Resolve(pdf, attributes.Data["BBox"])).Data.Select(n => ((NumericToken)n).Double)];
                case DictionaryToken element when element.Data.TryGetValue("K", out var kids):
                    pending.Push(kids);
                    break;
            }
        }
        throw new InvalidOperationException($"No Figure with /Alt '{alt}'.");
    }

    [Fact]
    public void The_easy_read_variant_tags_each_picture_with_its_words()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(LeafletVariant.EasyRead));
        var elements = PdfReading.StructureElements(pdf);
        Assert.Contains(elements, e => e.Type == "Figure" && e.Alt == "A nurse talking to a patient");
        Assert.Contains(elements, e => e.Type == "Figure" && e.Alt == "A drawing of a bone");
        Assert.DoesNotContain(elements, e => e.Type == "Figure" && string.IsNullOrEmpty(e.Alt));
    }

    [Fact]
    public void Easy_read_pictures_sit_left_of_their_words()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(LeafletVariant.EasyRead));
        var page = pdf.GetPage(1);
        var image = page.GetImages().OrderByDescending(i => i.BoundingBox.Top).First();
        var words = page.GetWords().Where(w => w.Text is "nurse" or "first.").ToList();
        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.True(w.BoundingBox.Left > image.BoundingBox.Right, $"'{w.Text}' is not right of the picture."));
        Assert.All(words, w => Assert.True(w.BoundingBox.Top <= image.BoundingBox.Top + 1 && w.BoundingBox.Bottom >= image.BoundingBox.Bottom - 30, $"'{w.Text}' is not beside the picture."));
    }

    [Fact]
    public void Headings_in_bookmarks_match_heading_elements()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var headings = PdfReading.StructureElements(pdf).Count(e => e.Type is "H1" or "H2" or "H3");
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Equal(headings, bookmarks.GetNodes().Count());
    }
}
