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
    public void Every_character_of_every_leaflet_and_variant_has_a_glyph_in_an_embedded_font()
    {
        var leaflets = RealContent.Leaflets.Append(TestLeaflets.Sample()).ToList();
        var missing = new List<string>();
        foreach (var leaflet in leaflets)
        {
            foreach (var (variant, document) in leaflet.Variants)
            {
                foreach (var rune in AllText(document).EnumerateRunes().Distinct())
                {
                    if (!LeafletFonts.CanDraw(rune.Value))
                    {
                        missing.Add($"{leaflet.Id}/{variant.Slug()}: U+{rune.Value:X4} '{rune}'");
                    }
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

    /// <summary>Every piece of text a reader could see in the PDF, footer included.</summary>
    internal static string AllText(LeafletDocument document)
    {
        var text = new StringBuilder();
        var metadata = document.Metadata;
        text.Append(metadata.Title).Append(metadata.Summary);
        text.Append(ReaderDate.Format(metadata.LastReviewed, ReaderStrings.English)).Append(ReaderDate.Format(metadata.NextReview, ReaderStrings.English));
        text.Append(string.Join(" ", ReaderStrings.English.Leaflet.AboutThisLeaflet, ReaderStrings.English.Leaflet.Version,
            ReaderStrings.English.Leaflet.LastReviewed, ReaderStrings.English.Leaflet.NextReviewDue, "This leaflet is up to date."));
        text.Append("Page 0123456789 of References Check you have the latest version of this leaflet: scan the code or go to ().\u2022");
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
