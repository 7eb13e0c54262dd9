using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Rendering.Pdf.Layout;
using UglyToad.PdfPig;

namespace Leaflets.Pdf.Tests;

public class LayoutRulesTests
{
    public static TheoryData<int, PaperSize> AllSizes()
    {
        var data = new TheoryData<int, PaperSize>();
        foreach (var size in PdfRenderOptions.AllowedSizes)
        {
            foreach (var paper in PdfRenderOptions.AllowedPapers)
            {
                data.Add(size, paper);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllSizes))]
    public void A_heading_never_ends_a_page(int size, PaperSize paper)
    {
        foreach (var variant in LeafletVariants.All)
        {
            var pages = Compose(PdfReading.Sample, variant, new PdfRenderOptions(size, paper, PdfReading.PublicUrl));
            Assert.All(pages.Take(pages.Count - 1), page =>
            {
                var last = page.Slices[^1].Slice;
                Assert.DoesNotContain(last.Items.OfType<TextItem>(), item => item.Node is { IsHeading: true });
            });
        }
    }

    [Fact]
    public void A_heading_that_would_end_a_page_moves_to_the_next_with_its_text()
    {
        var filler = new Slice { Height = 90 };
        var heading = new Slice { Height = 6, KeepWithNext = Keep.Heading };
        var line1 = new Slice { Height = 5, KeepWithNext = Keep.Always };
        var line2 = new Slice { Height = 5 };
        var pages = Paginator.Paginate([filler, heading, line1, line2], 0, 100);
        Assert.Equal(2, pages.Count);
        Assert.Equal([heading, line1, line2], pages[1].Select(p => p.Slice));
    }

    [Fact]
    public void A_paragraph_leaves_no_single_line_at_the_top_or_bottom_of_a_page()
    {
        var filler = new Slice { Height = 88 };
        var lines = Enumerable.Range(0, 4).Select(i => new Slice { Height = 5, KeepWithNext = i is 0 or 2 ? Keep.Always : Keep.None }).ToList();
        var pages = Paginator.Paginate([filler, .. lines], 0, 100);
        Assert.Equal(2, pages.Count);
        Assert.Equal([lines[2], lines[3]], pages[1].Select(p => p.Slice));
        Assert.Equal(3, pages[0].Count);
    }

    [Fact]
    public void A_table_repeats_its_header_row_on_every_page_it_continues_on()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(size: 24));
        var pagesWithRows = pdf.GetPages().Where(p => p.GetWords().Any(w => w.Text == "Step")).ToList();
        Assert.True(pagesWithRows.Count >= 2, "The sample table should run over at least two pages.");
        foreach (var page in pagesWithRows)
        {
            var words = page.GetWords().Select(w => w.Text).ToList();
            var header = words.IndexOf("Time");
            Assert.True(header >= 0 && header < words.IndexOf("Step"), $"Page {page.Number} has table rows but no header row above them.");
        }
    }

    [Fact]
    public void A_word_longer_than_a_line_breaks_instead_of_overflowing()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(size: 24, paper: PaperSize.A5));
        var lines = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        var joined = string.Concat(lines);
        Assert.Contains(TestLeaflets.LongWord, joined);
        Assert.DoesNotContain(TestLeaflets.LongWord, lines);
    }

    [Fact]
    public void A_table_row_taller_than_a_page_is_cut_between_lines_and_stays_inside_the_margins()
    {
        var sample = TestLeaflets.Sample();
        var longCell = string.Join(" ", Enumerable.Repeat("Keep the dressing dry and clean for the first few days.", 40));
        var table = new TableBlock(1, [new TableCell(TestLeaflets.T("When")), new TableCell(TestLeaflets.T("What to do"))],
            [[new TableCell(TestLeaflets.T("At home")), new TableCell(TestLeaflets.T(longCell))]]);
        var leaflet = sample with { Variants = sample.Variants.SetItem(LeafletVariant.Plain, sample.Plain with { Blocks = [table], ContentHash = "tall-row" }) };
        using var pdf = PdfDocument.Open(new LeafletPdfRenderer().Render(leaflet, LeafletVariant.Plain, new PdfRenderOptions(24, PaperSize.A5)));
        Assert.True(pdf.NumberOfPages >= 3);
        var margin = 15 * 72 / 25.4;
        foreach (var page in pdf.GetPages())
        {
            Assert.All(PdfReading.InkLetters(page), l => Assert.True(l.BoundingBox.Bottom >= margin - 0.5 && l.BoundingBox.Top <= page.Height - margin + 0.5));
        }
        var words = PdfReading.Words(pdf);
        Assert.Equal(40, words.Count(w => w == "dressing"));
        foreach (var page in pdf.GetPages().Where(p => p.GetWords().Any(w => w.Text == "When")))
        {
            Assert.Contains(page.GetWords(), w => w.Text == "dressing"); // the header row never stands alone
        }
        Assert.All(pdf.GetPages().Where(p => p.GetWords().Any(w => w.Text == "dressing")), page =>
            Assert.Contains(page.GetWords(), w => w.Text == "When")); // and is repeated above each part of the row
    }

    [Fact]
    public void Line_spacing_is_at_least_one_and_a_half()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample());
        var page = pdf.GetPage(1);
        var baselines = page.Letters.Where(l => Math.Abs(l.PointSize - 18) < 0.01 && !string.IsNullOrWhiteSpace(l.Value))
            .Select(l => Math.Round(l.StartBaseLine.Y, 1)).Distinct().OrderByDescending(y => y).ToList();
        var gaps = baselines.Zip(baselines.Skip(1), (a, b) => a - b).ToList();
        Assert.NotEmpty(gaps);
        Assert.All(gaps, gap => Assert.True(gap >= 18 * 1.5 - 0.1, $"Lines {gap:0.0} pt apart."));
    }

    [Fact]
    public void Lines_hold_no_more_than_about_seventy_characters()
    {
        foreach (var size in PdfRenderOptions.AllowedSizes)
        {
            var typography = new Typography(new PdfRenderOptions(size));
            var lines = TextLayout.Break([new TextRun(string.Join(" ", Enumerable.Repeat("the patient will rest on the ward", 20)), false, null)], size, typography.ContentWidth);
            Assert.All(lines, line => Assert.True(line.Fragments.Sum(f => f.Text.TrimEnd().Length) <= 70, $"{size} pt: a line holds more than 70 characters."));
        }
    }

    internal static IReadOnlyList<LaidOutPage> Compose(Leaflet leaflet, LeafletVariant variant, PdfRenderOptions options)
    {
        var document = leaflet.Variants[variant];
        return new DocumentComposer(document, leaflet.Images, new Typography(options), options.PublicUrl, options.ReviewStatus)
            .Compose(new StructNode(StructKind.Div, null)).Pages;
    }
}
