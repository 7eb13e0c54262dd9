using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Rendering.Pdf.Fonts;
using Leaflets.Content.Rendering.Pdf.Layout;
using UglyToad.PdfPig;
using Leaflets.Content.Text;

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
    public void A_picture_that_would_leave_a_large_gap_is_drawn_smaller_to_stay()
    {
        var filler = Text(6);
        var picture = new Slice { Height = 45, Shrink = height => height >= 30 ? new Slice { Height = height } : null };
        var pages = Paginator.Paginate([.. filler, picture], 0, 100);
        Assert.Single(pages);
        Assert.Equal(40, pages[0][^1].Slice.Height);
    }

    [Fact]
    public void A_picture_moves_whole_when_the_gap_it_leaves_is_small()
    {
        var filler = Text(8);
        var picture = new Slice { Height = 45, Shrink = height => height >= 30 ? new Slice { Height = height } : null };
        var pages = Paginator.Paginate([.. filler, picture], 0, 100);
        Assert.Equal([picture], pages[1].Select(p => p.Slice));
    }

    [Fact]
    public void A_picture_row_splits_after_its_picture_and_first_lines_rather_than_leave_a_large_gap()
    {
        var filler = Text(4);
        var row = Row();
        var pages = Paginator.Paginate([.. filler, .. row], 0, 100);
        Assert.Equal([.. filler, row[0], row[1], row[2]], pages[0].Select(p => p.Slice));
        Assert.Equal([row[3], row[4]], pages[1].Select(p => p.Slice));
    }

    [Fact]
    public void A_picture_row_moves_whole_when_the_gap_it_leaves_is_small()
    {
        var filler = Text(8);
        var row = Row();
        var pages = Paginator.Paginate([.. filler, .. row], 0, 100);
        Assert.Equal(row, pages[1].Select(p => p.Slice));
    }

    [Fact]
    public void A_box_moves_whole_to_the_next_page_even_when_that_leaves_a_gap()
    {
        var filler = Text(5);
        var box = Enumerable.Range(0, 4).Select(i => new Slice { Height = 15, KeepWithNext = i < 3 ? Keep.Box : Keep.None }).ToList();
        var pages = Paginator.Paginate([.. filler, .. box], 0, 100);
        Assert.Equal(box, pages[1].Select(p => p.Slice));
    }

    [Fact]
    public void A_page_is_not_left_with_fewer_than_three_lines_to_keep_a_row_whole()
    {
        var filler = Text(2);
        var space = new Slice { Height = 55 };
        var row = Enumerable.Range(0, 4).Select(i => new Slice { Height = 10, KeepWithNext = i < 3 ? Keep.Row : Keep.None }).ToList();
        var pages = Paginator.Paginate([.. filler, space, .. row], 0, 100);
        Assert.Equal([.. filler, space, row[0], row[1]], pages[0].Select(p => p.Slice));
    }

    [Fact]
    public void A_page_the_next_heading_cannot_join_takes_a_line_from_the_page_before_to_hold_three()
    {
        var before = Text(9);
        var ending = Text(2);
        ending[0].KeepWithNext = Keep.Always;
        var heading = new Slice { Height = 75, KeepWithNext = Keep.Heading };
        var after = new Slice { Height = 10 };
        var pages = Paginator.Paginate([.. before, .. ending, heading, after], 0, 100);
        Assert.Equal([before[^1], .. ending], pages[1].Select(p => p.Slice));
        Assert.Equal([heading, after], pages[2].Select(p => p.Slice));
    }

    /// <summary>Lines of tagged text, 10 high, paragraphs of their own.</summary>
    private static List<Slice> Text(int lines)
    {
        var node = new StructNode(StructKind.P, null);
        return [.. Enumerable.Range(0, lines).Select(_ => new Slice { Height = 10 }.With([new TextItem(node, 0, 8, 10, "x", LeafletFonts.Primary(false), false, 8, null)]))];
    }

    /// <summary>A picture row: its picture with the lines beside it (30), then four lines, the last two kept together.</summary>
    private static List<Slice> Row() =>
    [
        new Slice { Height = 30, KeepWithNext = Keep.Always },
        new Slice { Height = 10, KeepWithNext = Keep.Row },
        new Slice { Height = 10, KeepWithNext = Keep.Row },
        new Slice { Height = 10, KeepWithNext = Keep.Always },
        new Slice { Height = 10 },
    ];

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
        // Tagged text only: where the word's lines straddle a page break, the footer is drawn between them.
        var lines = pdf.GetPages().SelectMany(p => PdfReading.TaggedText(p).Split(' ')).ToList();
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
            // The header row never stands alone (the row's last part may be a single line without "dressing").
            Assert.Contains(page.GetWords(), w => w.Text is "Keep" or "dressing" or "dry" or "clean" or "first" or "few" or "days.");
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
        => Compose(leaflet, leaflet.Document(variant), options);

    internal static IReadOnlyList<LaidOutPage> Compose(Leaflet leaflet, LeafletDocument document, PdfRenderOptions options)
        => new DocumentComposer(document, leaflet.Images, new Typography(options), options.PublicUrl, StringsLibrary.Embedded, options.ReviewStatus)
            .Compose(new StructNode(StructKind.Div, null)).Pages;
}
