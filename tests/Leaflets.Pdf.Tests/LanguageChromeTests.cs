using System.Collections.Immutable;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using UglyToad.PdfPig;

namespace Leaflets.Pdf.Tests;

/// <summary>The words the PDF adds around a leaflet (footer, notices, details, headings) are in the leaflet's language.</summary>
public sealed class LanguageChromeTests
{
    private static readonly string[] EnglishChrome =
        ["Version", "Page", "References", "reviewed", "Reviewed", "About this leaflet", "overdue", "March", "continued", "latest version"];

    private static Leaflet InLanguage(string language, ImmutableArray<Block>? plainBlocks = null)
    {
        var sample = PdfReading.Sample;
        return sample with
        {
            Variants = ImmutableSortedDictionary.CreateRange(sample.Variants.Select(pair =>
                KeyValuePair.Create(pair.Key, pair.Value with
                {
                    Metadata = pair.Value.Metadata with { Language = language },
                    Blocks = pair.Key == LeafletVariant.Plain && plainBlocks is { } blocks ? blocks : pair.Value.Blocks,
                    // PdfReading caches renders by content hash: a changed leaflet needs its own.
                    ContentHash = $"{pair.Value.ContentHash}-{language}{(plainBlocks is null ? "" : "-blocks")}",
                }))),
        };
    }

    [Fact]
    public void A_box_that_runs_on_in_a_Welsh_leaflet_says_so_in_Welsh()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => (Block)new ParagraphBlock(i, TestLeaflets.T($"Pwynt {i}: daliwch ati i gymryd eich meddyginiaethau arferol oni bai bod y tîm yn dweud wrthych am stopio.")));
        var bytes = PdfReading.Render(InLanguage("cy", [new CalloutBlock(1, "Cyn i chi ddod i mewn", [.. paragraphs])]), LeafletVariant.Plain, new PdfRenderOptions());
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().Where(p => p.GetWords().Any(w => w.Text == "Pwynt")).ToList();

        Assert.True(pages.Count >= 2, "The box should run over at least two pages.");
        Assert.All(pages.Skip(1), page => Assert.StartsWith("(parhad)", PdfReading.Text(page.Letters), StringComparison.Ordinal));
    }

    [Fact]
    public void A_Welsh_leaflets_PDF_has_its_footer_notices_details_and_headings_in_Welsh()
    {
        var bytes = PdfReading.Render(InLanguage("cy"), LeafletVariant.Plain,
            new PdfRenderOptions(18, PaperSize.A5, PdfReading.PublicUrl, ReviewStatus.Overdue));
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().Select(page => PdfReading.Text(page.Letters)));

        Assert.All(EnglishChrome, word => Assert.DoesNotContain(word, text, StringComparison.Ordinal));
        Assert.Contains("Mae adolygiad y daflen hon yn hwyr.", text, StringComparison.Ordinal);
        Assert.Contains("Fersiwn 2 Adolygwyd ddiwethaf 1 Mawrth 2026 Adolygiad nesaf erbyn 1 Mawrth 2029", text, StringComparison.Ordinal);
        Assert.Contains("Am y daflen hon", text, StringComparison.Ordinal);
        Assert.Contains("Cyfeiriadau", text, StringComparison.Ordinal);
        Assert.Contains($"Tudalen 1 o {pdf.NumberOfPages}", string.Join(" ", PdfReading.FooterLines(pdf.GetPage(1))), StringComparison.Ordinal);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Contains("Cyfeiriadau", bookmarks.GetNodes().Select(node => node.Title));
    }

    [Fact]
    public void A_leaflet_in_a_language_without_strings_prints_English_chrome()
    {
        var bytes = PdfReading.Render(InLanguage("pl"), LeafletVariant.Plain, new PdfRenderOptions(18, PaperSize.A4, PdfReading.PublicUrl, ReviewStatus.Current));
        using var pdf = PdfDocument.Open(bytes);

        Assert.Contains($"Page 1 of {pdf.NumberOfPages}", string.Join(" ", PdfReading.FooterLines(pdf.GetPage(1))), StringComparison.Ordinal);
    }
}
