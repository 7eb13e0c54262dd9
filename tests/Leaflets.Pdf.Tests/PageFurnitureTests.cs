using System.Globalization;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Rendering.Pdf.Layout;
using Leaflets.Content.Text;
using UglyToad.PdfPig;

namespace Leaflets.Pdf.Tests;

/// <summary>
/// What surrounds the text of every print of every real leaflet (each variant, size and paper): the running footer,
/// the opening of page 1 and the version and review details a screen reader reads out.
/// </summary>
public class PageFurnitureTests
{
    [Theory]
    [MemberData(nameof(RealContent.EveryPrint), MemberType = typeof(RealContent))]
    public void The_footer_takes_at_most_two_lines_on_every_page_and_holds_only_the_title_and_page_number(string id, LeafletVariant variant, string language, int size, PaperSize paper)
    {
        var (metadata, pdf) = Render(id, variant, language, size, paper, ReviewStatus.Current);
        using (pdf)
        {
            var strings = StringsLibrary.Embedded.For(language);
            foreach (var page in pdf.GetPages())
            {
                var lines = PdfReading.FooterLines(page);
                Assert.True(lines.Count is 1 or 2, $"{id}/{variant}/{language} {size} pt {paper}, page {page.Number}: footer of {lines.Count} lines: {string.Join(" / ", lines)}");
                var footer = string.Join(" ", lines);
                var pageOfPages = ReaderStrings.Fill(strings.Print.PageOfPages,
                    ("page", page.Number.ToString(CultureInfo.InvariantCulture)), ("pages", pdf.NumberOfPages.ToString(CultureInfo.InvariantCulture)));
                Assert.EndsWith(pageOfPages, footer, StringComparison.Ordinal);
                Assert.StartsWith(metadata.Title[..Math.Min(10, metadata.Title.Length)], footer, StringComparison.Ordinal);
                Assert.DoesNotContain(ReaderDate.Format(metadata.LastReviewed, strings), footer, StringComparison.Ordinal);
                Assert.DoesNotContain(ReaderDate.Format(metadata.NextReview, strings), footer, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RealContent.EveryPrint), MemberType = typeof(RealContent))]
    public void The_title_and_the_whole_review_notice_open_page_one_and_the_details_after_them_share_a_page(
        string id, LeafletVariant variant, string language, int size, PaperSize paper)
    {
        var (metadata, pdf) = Render(id, variant, language, size, paper, ReviewStatus.Overdue);
        using (pdf)
        {
            var notice = ReviewNotice.For(ReviewStatus.Overdue, metadata, StringsLibrary.Embedded);
            var pageOne = PdfReading.TaggedText(pdf.GetPage(1));
            Assert.StartsWith($"{metadata.Title} {notice.Emphasis} {notice.Text}", pageOne, StringComparison.Ordinal);
            Assert.DoesNotContain(notice.Emphasis!, PdfReading.TaggedText(pdf.GetPage(2)), StringComparison.Ordinal);

            var strings = StringsLibrary.Embedded.For(language);
            var words = strings.Leaflet;
            var version = $"{words.Version} {metadata.Version.ToString(CultureInfo.InvariantCulture)}";
            var details = pdf.GetPages().Select(PdfReading.TaggedText).First(text => text.Contains(version, StringComparison.Ordinal));
            Assert.Contains($"{version} {words.LastReviewed} {ReaderDate.Format(metadata.LastReviewed, strings)} {words.NextReviewDue} {ReaderDate.Format(metadata.NextReview, strings)}",
                details, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(RealContent.EveryPrint), MemberType = typeof(RealContent))]
    public void The_version_and_review_dates_are_tagged_under_the_title_and_in_about_this_leaflet_before_the_references(
        string id, LeafletVariant variant, string language, int size, PaperSize paper)
    {
        var (metadata, pdf) = Render(id, variant, language, size, paper, ReviewStatus.Current);
        using (pdf)
        {
            var strings = StringsLibrary.Embedded.For(language);
            var words = strings.Leaflet;
            string[] details =
            [
                $"{words.Version} {metadata.Version.ToString(CultureInfo.InvariantCulture)}",
                $"{words.LastReviewed} {ReaderDate.Format(metadata.LastReviewed, strings)}",
                $"{words.NextReviewDue} {ReaderDate.Format(metadata.NextReview, strings)}",
            ];
            var elements = PdfReading.ElementTexts(pdf);
            var title = elements.FindIndex(e => e.Type == "H1");
            // An unreviewed translation's notice comes first: a Div holding its P and the main language's Span (its own test reads it).
            var notice = metadata.TranslationStatus == TranslationStatus.Unreviewed ? 3 : 0;
            Assert.Equal(details.Select(d => ("P", d)), elements.Skip(title + 1 + notice).Take(3).Select(e => (e.Type, e.Text)));

            // The last one: a leaflet may have a section of its own under the same heading (the easy read does).
            var about = elements.FindLastIndex(e => e.Type == "H2" && e.Text == words.AboutThisLeaflet);
            Assert.True(about > title, $"{id}/{variant}/{language} {size} pt {paper}: no H2 \"{words.AboutThisLeaflet}\".");
            var status = ReviewNotice.For(ReviewStatus.Current, metadata, StringsLibrary.Embedded).Text;
            Assert.Equal([("P", status), .. details.Select(d => ("P", d))], elements.Skip(about + 1).Take(4).Select(e => (e.Type, e.Text)));
            var references = elements.FindIndex(e => e.Type == "H2" && e.Text == words.References);
            Assert.True(references == -1 || references > about, "References come after About this leaflet, as on the web page.");
        }
    }

    [Theory]
    [InlineData(18, PaperSize.A4, true)]
    [InlineData(24, PaperSize.A5, false)]
    public void The_decorative_banner_heads_page_one_only_where_the_whole_opening_still_fits_under_it(int size, PaperSize paper, bool kept)
    {
        foreach (var (leaflet, document) in RealContent.Documents)
        {
            var pages = LayoutRulesTests.Compose(leaflet, document, new PdfRenderOptions(size, paper, PdfReading.PublicUrl, ReviewStatus.Overdue));
            var first = pages[0].Slices[0].Slice.Items;
            // The banner is an artifact picture; without it, page 1 starts with the H1.
            Assert.Equal(kept, first.Any(item => item is ImageItem { Node: null }));
            Assert.Equal(!kept, first.Any(item => item.Node?.Kind == StructKind.H1));
        }
    }

    private static (LeafletMetadata Metadata, PdfDocument Pdf) Render(string id, LeafletVariant variant, string language, int size, PaperSize paper, ReviewStatus review)
    {
        var request = RealContent.Print(id, variant, language, new PdfRenderOptions(size, paper, PdfReading.PublicUrl, review));
        return (request.Document.Metadata, PdfDocument.Open(PdfReading.Render(request)));
    }
}
