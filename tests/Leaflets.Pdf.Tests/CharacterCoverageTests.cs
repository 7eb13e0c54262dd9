using System.Collections.Immutable;
using System.Text;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Pdf.Fonts;
using Leaflets.Content.Rendering.Pdf.Layout;
using Leaflets.Content.Text;

namespace Leaflets.Pdf.Tests;

public class CharacterCoverageTests
{
    [Fact]
    public void Every_character_of_every_leaflet_variant_and_translation_has_a_glyph_in_an_embedded_font()
    {
        var sample = TestLeaflets.Sample();
        var documents = RealContent.Documents.Concat(sample.Variants.Values.Select(document => (sample, document)));
        var missing = new List<string>();
        foreach (var (leaflet, document) in documents)
        {
            foreach (var rune in AllText(document).EnumerateRunes().Distinct())
            {
                if (!LeafletFonts.CanDraw(rune.Value))
                {
                    missing.Add($"{leaflet.Id}/{document.Variant.Slug()}/{document.Metadata.Language}: U+{rune.Value:X4} '{rune}'");
                }
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Characters_Atkinson_lacks_are_drawn_in_the_fallback_face()
    {
        Assert.False(LeafletFonts.Primary(bold: false).Covers('\u2192'));
        Assert.Same(LeafletFonts.Fallback(bold: false), LeafletFonts.For('\u2192', bold: false));
        Assert.Same(LeafletFonts.Primary(bold: true), LeafletFonts.For('a', bold: true));
        Assert.True(LeafletFonts.Primary(bold: false).Advance('m') > LeafletFonts.Primary(bold: false).Advance('i'));
    }

    [Fact]
    public void A_character_no_font_has_is_reported_as_not_drawable()
        => Assert.False(LeafletFonts.CanDraw(0xE000)); // private use area

    [Fact]
    public void The_fallback_glyphs_reach_the_PDF_with_their_unicode_values()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(PdfReading.RenderSample());
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        Assert.Contains(letters, l => l.Value == "\u2192" && l.FontName != null && l.FontName.Contains("DejaVu", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Value == "\u2265");
    }

    /// <summary>Every piece of text a reader could see in the PDF, footer included, with the chrome in the document's language.</summary>
    internal static string AllText(LeafletDocument document)
    {
        var text = new StringBuilder();
        var metadata = document.Metadata;
        var strings = StringsLibrary.Embedded.For(metadata.Language);
        var words = strings.Leaflet;
        text.Append(metadata.Title).Append(metadata.Summary);
        text.Append(ReaderDate.Format(metadata.LastReviewed, strings)).Append(ReaderDate.Format(metadata.NextReview, strings));
        text.Append(string.Join(" ", words.AboutThisLeaflet, words.Version, words.LastReviewed, words.NextReviewDue, words.ReviewCurrent,
            words.ReviewOverdue, words.ReviewOverdueDetail, words.ReviewDueSoon, words.References));
        text.Append(string.Join(" ", strings.Print.PageOfPages, strings.Print.QrCodeCaption, strings.Print.Continued, "0123456789 ().\u2022"));
        foreach (var reference in metadata.References)
        {
            text.Append(reference.Title).Append(reference.Publisher).Append(reference.Url);
        }
        AppendBlocks(text, document.Blocks);
        return text.ToString();
    }

    private static void AppendBlocks(StringBuilder text, ImmutableArray<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h: AppendInlines(text, h.Inlines); break;
                case ParagraphBlock p: AppendInlines(text, p.Inlines); break;
                case ListBlock l:
                    foreach (var item in l.Items)
                    {
                        AppendBlocks(text, item.Blocks);
                    }
                    break;
                case FigureBlock f: text.Append(f.Caption); break;
                case CalloutBlock c: text.Append(c.Label); AppendBlocks(text, c.Blocks); break;
                case TableBlock t:
                    foreach (var cell in t.Header.Concat(t.Rows.SelectMany(r => r)))
                    {
                        AppendInlines(text, cell.Inlines);
                    }
                    break;
                case PictureRowBlock row: text.Append(row.Figure.Caption); AppendBlocks(text, row.Blocks); break;
            }
        }
    }

    private static void AppendInlines(StringBuilder text, ImmutableArray<Inline> inlines)
    {
        text.Append(inlines.PlainText());
        foreach (var link in inlines.OfType<LinkInline>())
        {
            text.Append(link.Href);
        }
    }
}
