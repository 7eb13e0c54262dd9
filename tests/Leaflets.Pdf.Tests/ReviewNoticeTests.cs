using Leaflets.Content.Checking.Pdf;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using UglyToad.PdfPig;

namespace Leaflets.Pdf.Tests;

/// <summary>The review status printed under the title: the sample leaflet's next review is 1 March 2029.</summary>
public class ReviewNoticeTests
{
    private const string Title = "Cementoplasty: what to expect";
    private const string Overdue =
        "This leaflet is overdue for review. It was due to be checked by 1 March 2029. Ask your care team if anything in it has changed.";
    private const string DueSoon = "This leaflet is due for review by 1 March 2029.";
    private const string FirstParagraph = "This leaflet explains cementoplasty";
    private const string Details = "Version 2 Last reviewed 1 March 2026 Next review due 1 March 2029";

    [Theory]
    [InlineData(LeafletVariant.Plain, "Cementoplasty: what to expect", "This leaflet explains cementoplasty")]
    [InlineData(LeafletVariant.EasyRead, "Cementoplasty: easy read", "A nurse will talk to you first.")]
    public void An_overdue_leaflet_says_so_on_page_one_right_after_its_title_then_gives_its_version_and_dates(LeafletVariant variant, string title, string next)
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(variant, review: ReviewStatus.Overdue));
        var pageOne = PdfReading.Text(pdf.GetPage(1).Letters);
        Assert.StartsWith($"{title} {Overdue} {Details} {next}", pageOne, StringComparison.Ordinal);
        Assert.Single(PdfReading.Words(pdf), w => w == "overdue");
    }

    [Fact]
    public void The_first_sentence_of_the_overdue_notice_is_bold_and_the_rest_is_not()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(review: ReviewStatus.Overdue));
        var words = pdf.GetPage(1).GetWords().ToList();
        var start = words.FindIndex(w => w.Text == "overdue") - 3;
        Assert.Equal("This", words[start].Text);
        foreach (var word in words.Skip(start).Take(6))
        {
            Assert.All(word.Letters, l => Assert.Contains("Bold", l.FontName ?? "", StringComparison.Ordinal));
        }
        foreach (var word in words.Skip(start + 6).Take(20))
        {
            Assert.All(word.Letters, l => Assert.DoesNotContain("Bold", l.FontName ?? "", StringComparison.Ordinal));
        }
        Assert.Equal("changed.", words[start + 25].Text);
    }

    [Fact]
    public void The_overdue_notice_is_tagged_as_a_paragraph_in_its_own_box_right_after_the_title()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(review: ReviewStatus.Overdue));
        var elements = PdfReading.TaggedElements(pdf);
        var h1 = elements.FindIndex(e => e.Type == "H1");
        var (boxType, _, boxDepth, _) = elements[h1 + 1];
        var (paragraphType, _, paragraphDepth, mcids) = elements[h1 + 2];
        Assert.Equal("Div", boxType);
        Assert.Equal(elements[h1].Depth, boxDepth);
        Assert.Equal("P", paragraphType);
        Assert.Equal(boxDepth + 1, paragraphDepth);
        Assert.Equal(Overdue, PdfReading.MarkedText(pdf.GetPage(1), mcids));
        Assert.Equal(Title, PdfReading.MarkedText(pdf.GetPage(1), elements[h1].Mcids));
    }

    [Fact]
    public void The_overdue_notice_sits_inside_a_border_like_a_callout()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(review: ReviewStatus.Overdue));
        var page = pdf.GetPage(1);
        var words = page.GetWords().ToList();
        var start = words.FindIndex(w => w.Text == "overdue") - 3;
        var notice = words.Skip(start).Take(26).Select(w => w.BoundingBox).ToList();
        var titleLeft = words.First(w => w.Text == "Cementoplasty:").BoundingBox.Left;
        // Inset by the border and the padding (0.75 of the body size), as a callout's text is.
        Assert.InRange(notice[0].Left - titleLeft, 2 + (18 * 0.75) - 1, 2 + (18 * 0.75) + 3);
        var border = page.Paths
            .Where(path => path.IsStroked)
            .Select(path => path.GetBoundingRectangle())
            .OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .Where(box => notice.All(word => word.Left > box.Left && word.Right < box.Right && word.Bottom > box.Bottom && word.Top < box.Top))
            .ToList();
        var box = Assert.Single(border);
        Assert.True(box.Left >= titleLeft - 0.5, "The border starts left of the text column.");
    }

    [Fact]
    public void A_due_soon_leaflet_says_when_its_review_is_due_right_after_its_title_as_a_plain_paragraph()
    {
        using var pdf = PdfDocument.Open(PdfReading.RenderSample(review: ReviewStatus.DueSoon));
        Assert.StartsWith($"{Title} {DueSoon} {Details} {FirstParagraph}", PdfReading.Text(pdf.GetPage(1).Letters), StringComparison.Ordinal);
        var elements = PdfReading.TaggedElements(pdf);
        var h1 = elements.FindIndex(e => e.Type == "H1");
        Assert.Equal("P", elements[h1 + 1].Type);
        Assert.Equal(elements[h1].Depth, elements[h1 + 1].Depth);
        Assert.Equal(DueSoon, PdfReading.MarkedText(pdf.GetPage(1), elements[h1 + 1].Mcids));
        Assert.DoesNotContain("overdue", PdfReading.Words(pdf));
    }

    [Fact]
    public void A_current_leaflet_prints_no_review_notice_under_its_title_and_the_same_bytes_every_time()
    {
        var leaflet = TestLeaflets.Sample();
        var first = new LeafletPdfRenderer().Render(leaflet, LeafletVariant.Plain, new PdfRenderOptions(ReviewStatus: ReviewStatus.Current));
        var second = new LeafletPdfRenderer().Render(leaflet, LeafletVariant.Plain, new PdfRenderOptions());
        Assert.Equal(first, second);
        using var pdf = PdfDocument.Open(first);
        var text = string.Join(" ", PdfReading.Words(pdf));
        Assert.DoesNotContain("overdue", text, StringComparison.Ordinal);
        Assert.DoesNotContain("due for review", text, StringComparison.Ordinal);
        Assert.StartsWith($"{Title} {Details} {FirstParagraph}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_current_leaflet_keeps_the_document_id_seed_it_had_before_statuses_were_printed()
    {
        // The key seeds the PDF's /ID: while it stays the same, a current leaflet's bytes stay the same.
        Assert.Equal("0123456789abcdef|plain|18|a4|", PdfRequest.For(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions()).DocumentIdSeed);
    }

    [Fact]
    public void Each_review_status_prints_different_bytes_under_a_different_cache_key()
    {
        var leaflet = TestLeaflets.Sample();
        var statuses = new[] { ReviewStatus.Current, ReviewStatus.DueSoon, ReviewStatus.Overdue };
        var options = statuses.Select(status => new PdfRenderOptions(ReviewStatus: status)).ToList();
        Assert.Equal(3, options.Select(o => PdfRequest.For(leaflet, LeafletVariant.Plain, o).CacheKey).Distinct().Count());
        var renderer = new LeafletPdfRenderer();
        var pdfs = options.Select(o => renderer.Render(leaflet, LeafletVariant.Plain, o)).ToList();
        Assert.Equal(3, pdfs.Select(Convert.ToHexString).Distinct().Count());
        Assert.Equal(pdfs[2], renderer.Render(leaflet, LeafletVariant.Plain, options[2]));
    }

    [Fact]
    public async Task The_render_cache_keeps_overdue_and_current_prints_apart()
    {
        var cache = new PdfRenderCache(new LeafletPdfRenderer(), Microsoft.Extensions.Options.Options.Create(new PdfOptions()));
        var leaflet = TestLeaflets.Sample();
        var current = await cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions());
        var overdue = await cache.GetOrRenderAsync(leaflet, LeafletVariant.Plain, new PdfRenderOptions(ReviewStatus: ReviewStatus.Overdue));
        Assert.NotEqual(current, overdue);
        Assert.Equal(2, cache.Count);
        using var pdf = PdfDocument.Open(overdue);
        Assert.Contains("overdue", PdfReading.Words(pdf));
    }

    [Fact]
    public void An_undefined_review_status_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new PdfRenderOptions(ReviewStatus: (ReviewStatus)7).Validate());
        Assert.Equal("ReviewStatus", error.ParamName);
    }

    [Theory]
    [InlineData(16, PaperSize.A4, ReviewStatus.Overdue)]
    [InlineData(18, PaperSize.A4, ReviewStatus.DueSoon)]
    [InlineData(20, PaperSize.Letter, ReviewStatus.Overdue)]
    [InlineData(24, PaperSize.A5, ReviewStatus.Overdue)]
    [InlineData(24, PaperSize.A5, ReviewStatus.DueSoon)]
    public void The_review_notice_is_at_least_the_body_size_and_inside_the_margins(int size, PaperSize paper, ReviewStatus review)
    {
        foreach (var variant in LeafletVariants.All)
        {
            using var pdf = PdfDocument.Open(PdfReading.RenderSample(variant, size, paper, review: review));
            PdfReading.AssertGlyphsAtBodySizeInsideMargins(pdf, size, paper);
            Assert.Contains("for review", PdfReading.Text(pdf.GetPage(1).Letters), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ReviewStatus.Overdue)]
    [InlineData(ReviewStatus.DueSoon)]
    public void A_leaflet_with_a_review_notice_still_passes_the_PDF_UA_checkpoints(ReviewStatus review)
    {
        foreach (var variant in LeafletVariants.All)
        {
            var report = PdfAccessibilityChecker.Check(PdfReading.RenderSample(variant, review: review), PdfReading.Sample.Document(variant).Metadata);
            Assert.Empty(report.Findings);
        }
    }
}
