using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Rendering.Pdf.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Leaflets.Pdf.Tests;

/// <summary>
/// How text flows over pages, for every real leaflet, variant, size and paper, read back from the rendered PDF: only
/// tagged content counts (the footer and "continued" markers are artifacts); heading lines are those set above body size.
/// </summary>
public class PrintFlowTests
{
    [Theory]
    [MemberData(nameof(RealContent.EveryPrint), MemberType = typeof(RealContent))]
    public void No_heading_is_split_across_pages_or_ends_a_page(string id, LeafletVariant variant, string language, int size, PaperSize paper)
    {
        using var pdf = Open(id, variant, language, size, paper);
        var pages = pdf.GetPages().Select(page => (Page: page, Letters: TaggedLetters(page))).ToList();
        var document = RealContent.Get(id).Document(variant, language);
        var headings = RealContent.Flatten(document.Blocks).OfType<HeadingBlock>().Select(h => h.Inlines.PlainText()).Prepend(document.Metadata.Title);
        foreach (var heading in headings)
        {
            Assert.True(
                pages.Any(p => PdfReading.Text(p.Letters.Where(l => IsHeading(l, size))).Contains(Words(heading), StringComparison.Ordinal)),
                $"{Print(id, variant, language, size, paper)}: the heading \"{heading}\" is not whole on any page.");
        }
        foreach (var (page, letters) in pages.SkipLast(1))
        {
            var headingLetters = letters.Where(l => IsHeading(l, size)).ToList();
            if (headingLetters.Count == 0)
            {
                continue;
            }
            var lowest = headingLetters.Min(l => l.StartBaseLine.Y);
            var textBelow = letters.Any(l => !IsHeading(l, size) && l.StartBaseLine.Y < lowest - 1);
            var pictureBelow = page.GetImages().Any(image => image.BoundingBox.Top < lowest);
            Assert.True(textBelow || pictureBelow, $"{Print(id, variant, language, size, paper)}: page {page.Number} ends with a heading.");
        }
    }

    [Theory]
    [MemberData(nameof(RealContent.EveryPrint), MemberType = typeof(RealContent))]
    public void Every_page_but_the_last_holds_three_lines_of_text_or_a_picture(string id, LeafletVariant variant, string language, int size, PaperSize paper)
    {
        using var pdf = Open(id, variant, language, size, paper);
        foreach (var page in pdf.GetPages().SkipLast(1))
        {
            var lines = TaggedLetters(page).Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count();
            Assert.True(lines >= 3 || page.GetImages().Any(), $"{Print(id, variant, language, size, paper)}: page {page.Number} holds {lines} lines of text and no picture.");
        }
    }

    [Theory]
    [MemberData(nameof(RealContent.EveryPrint), MemberType = typeof(RealContent))]
    public void Words_beside_a_picture_have_at_least_the_readable_measure(string id, LeafletVariant variant, string language, int size, PaperSize paper)
    {
        using var pdf = Open(id, variant, language, size, paper);
        var type = new Typography(new PdfRenderOptions(size, paper));
        var measure = type.CharactersWidth(Typography.MinCharactersPerLine);
        var right = type.ContentLeft + type.ContentWidth;
        foreach (var page in pdf.GetPages())
        {
            var letters = TaggedLetters(page);
            foreach (var picture in page.GetImages().Select(image => image.BoundingBox))
            {
                var beside = letters.Where(l => l.BoundingBox.Left >= picture.Right && l.StartBaseLine.Y <= picture.Top && l.StartBaseLine.Y >= picture.Bottom).ToList();
                foreach (var line in beside.GroupBy(l => Math.Round(l.StartBaseLine.Y)))
                {
                    var width = right - line.Min(l => l.BoundingBox.Left);
                    Assert.True(width >= measure - 0.5,
                        $"{Print(id, variant, language, size, paper)}: page {page.Number}: the words beside a picture have {width:0} pt, under {Typography.MinCharactersPerLine} characters ({measure:0} pt).");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(RealContent.EveryPrint), MemberType = typeof(RealContent))]
    public void A_picture_never_ends_a_page_without_words_beside_or_below_it(string id, LeafletVariant variant, string language, int size, PaperSize paper)
    {
        using var pdf = Open(id, variant, language, size, paper);
        foreach (var page in pdf.GetPages().SkipLast(1))
        {
            var letters = TaggedLetters(page);
            foreach (var picture in TaggedImages(page).Select(image => image.BoundingBox))
            {
                Assert.True(
                    letters.Any(l => l.StartBaseLine.Y < picture.Bottom || (l.BoundingBox.Left >= picture.Right && l.StartBaseLine.Y <= picture.Top)),
                    $"{Print(id, variant, language, size, paper)}: page {page.Number} ends with a picture, its words on the next page.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RealContent.EveryPrint), MemberType = typeof(RealContent))]
    public void A_picture_moves_to_the_next_page_only_when_the_gap_it_leaves_is_small(string id, LeafletVariant variant, string language, int size, PaperSize paper)
    {
        var options = new PdfRenderOptions(size, paper, PdfReading.PublicUrl);
        var pages = LayoutRulesTests.Compose(RealContent.Get(id), RealContent.Get(id).Document(variant, language), options);
        var type = new Typography(options);
        for (var i = 0; i < pages.Count - 1; i++)
        {
            // What opens the next page and had to move with its picture: everything held to it at least as firmly as a paragraph's lines.
            var slices = pages[i + 1].Slices.Where(p => !p.IsRepeat).Select(p => p.Slice).ToList();
            var group = slices.Take(1 + slices.TakeWhile(slice => slice.KeepWithNext >= Keep.Always).Count()).ToList();
            if (!group.Any(slice => slice.Items.OfType<ImageItem>().Any()))
            {
                continue;
            }
            // The footer rule sits half a footer gap below the content area (DocumentComposer).
            var contentBottom = pages[i].Footer.OfType<RuleItem>().Min(rule => rule.Y) - (type.FooterGap / 2);
            var last = pages[i].Slices[^1];
            var gap = contentBottom - (last.Top + last.Slice.Height);
            var excess = group.Sum(slice => slice.SpaceBefore + slice.Height) - gap;
            if (!group.Any(slice => slice.Shrink?.Invoke(slice.Height - excess) is not null))
            {
                continue; // it could not have stayed, even with its picture drawn as small as a picture may be
            }
            var share = gap / (contentBottom - type.ContentTop);
            Assert.True(share < Paginator.MaxGapShare, $"{Print(id, variant, language, size, paper)}: page {i + 1} leaves {share:P0} empty before a picture that fits there.");
        }
    }

    private static PdfDocument Open(string id, LeafletVariant variant, string language, int size, PaperSize paper)
        => PdfDocument.Open(PdfReading.Render(RealContent.Print(id, variant, language, new PdfRenderOptions(size, paper, PdfReading.PublicUrl))));

    private static string Print(string id, LeafletVariant variant, string language, int size, PaperSize paper) => $"{id}/{variant}/{language} {size} pt {paper}";

    /// <summary>Headings are set above body size, at least 2 pt (<see cref="Typography.MinHeadingSize"/>); all other text at body size.</summary>
    private static bool IsHeading(Letter letter, int size) => letter.PointSize > size + 1;

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The visible letters a page draws as tagged content, never as artifacts.</summary>
    internal static List<Letter> TaggedLetters(Page page)
    {
        var letters = new List<Letter>();
        void Collect(IEnumerable<MarkedContentElement> elements)
        {
            foreach (var element in elements.Where(e => !e.IsArtifact))
            {
                letters.AddRange(element.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)));
                Collect(element.Children);
            }
        }
        Collect(page.GetMarkedContents());
        return letters;
    }

    /// <summary>The pictures a page draws as figures: a decorative banner is an artifact, with no words of its own.</summary>
    private static List<IPdfImage> TaggedImages(Page page)
    {
        var images = new List<IPdfImage>();
        void Collect(IEnumerable<MarkedContentElement> elements)
        {
            foreach (var element in elements.Where(e => !e.IsArtifact))
            {
                images.AddRange(element.Images);
                Collect(element.Children);
            }
        }
        Collect(page.GetMarkedContents());
        return images;
    }
}
