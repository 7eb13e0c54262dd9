using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Rendering.Pdf.Layout;

namespace Leaflets.Pdf.Tests;

/// <summary>What one render may cost: work linear in the text, a page limit, and a stop when cancelled.</summary>
public class BoundedRenderingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Doubling_the_title_no_more_than_doubles_the_text_laid_out(bool oneLongWord)
    {
        // Characters placed on all pages, footers included: the work of layout and drawing. A title repeated in full
        // in every page's footer made this grow with the square of the title's length.
        var work = new[] { 2_000, 4_000, 8_000 }.Select(length => CharactersLaidOut(Titled(length, oneLongWord))).ToList();

        Assert.InRange((double)work[1] / work[0], 1.0, 2.2);
        Assert.InRange((double)work[2] / work[1], 1.0, 2.2);
    }

    [Fact]
    public void A_long_title_is_cut_to_one_line_in_the_footer_and_printed_whole_under_h1()
    {
        var leaflet = Titled(2_000, oneLongWord: false);

        var pages = LayoutRulesTests.Compose(leaflet, LeafletVariant.Plain, new PdfRenderOptions());

        var footer = pages[0].Footer.OfType<TextItem>().ToList();
        // The cut title fills its line, so the page number takes a second one.
        Assert.Equal(2, footer.Select(t => t.Baseline).Distinct().Count());
        Assert.EndsWith("\u2026", footer[0].Text, StringComparison.Ordinal);
        var titleText = string.Concat(pages.SelectMany(p => p.Slices).SelectMany(s => s.Slice.Items).OfType<TextItem>()
            .Where(t => t.Node?.Kind == StructKind.H1).Select(t => t.Text));
        Assert.Equal(leaflet.Plain.Metadata.Title, titleText.TrimEnd());
    }

    [Fact]
    public void A_print_over_the_page_limit_is_refused_naming_the_limit()
    {
        var error = Assert.Throws<PrintTooLongException>(() =>
            new LeafletPdfRenderer().Render(LongLeaflet(), LeafletVariant.Plain, new PdfRenderOptions(24, PaperSize.A5)));

        Assert.Equal(LeafletPdfRenderer.MaxPages, error.MaxPages);
        Assert.Contains($"more than {LeafletPdfRenderer.MaxPages} pages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_longest_real_print_is_well_inside_the_page_limit()
    {
        var longest = RealContent.Documents.Max(print =>
            LayoutRulesTests.Compose(print.Leaflet, print.Document, new PdfRenderOptions(24, PaperSize.A5)).Count);

        Assert.InRange(longest, 1, LeafletPdfRenderer.MaxPages / 2);
    }

    [Fact]
    public void A_cancelled_render_stops_with_operation_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new LeafletPdfRenderer().Render(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions(), cancelled.Token));
    }

    /// <summary>A plain leaflet of 1,000 paragraphs of 66 words: about 200 pages even at 18 pt on A4.</summary>
    internal static Leaflet LongLeaflet()
    {
        var sample = TestLeaflets.Sample();
        var paragraph = new ParagraphBlock(1, TestLeaflets.T(string.Join(" ", Enumerable.Repeat("You may feel a little sore for a day or two afterwards.", 6))));
        var plain = sample.Plain with { Blocks = [.. Enumerable.Repeat<Block>(paragraph, 1000)] };
        return sample with { Variants = sample.Variants.SetItem(LeafletVariant.Plain, plain) };
    }

    private static Leaflet Titled(int length, bool oneLongWord)
    {
        var sample = TestLeaflets.Sample();
        var unit = oneLongWord ? "bone" : "bone ";
        var title = string.Concat(Enumerable.Repeat(unit, (length / unit.Length) + 1))[..length].TrimEnd();
        var plain = sample.Plain with { Metadata = sample.Plain.Metadata with { Title = title } };
        return sample with { Variants = sample.Variants.SetItem(LeafletVariant.Plain, plain) };
    }

    private static long CharactersLaidOut(Leaflet leaflet) =>
        LayoutRulesTests.Compose(leaflet, LeafletVariant.Plain, new PdfRenderOptions())
            .Sum(page => page.Slices.SelectMany(s => s.Slice.Items).Concat(page.Footer).OfType<TextItem>().Sum(t => (long)t.Text.Length));
}
