using System.Collections.Immutable;
using Leaflets.Content.Checking.Pdf;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Tests.Text;
using UglyToad.PdfPig;

namespace Leaflets.Pdf.Tests;

/// <summary>The words the PDF adds around a leaflet (footer, notices, details, headings) are in the leaflet's language.</summary>
public sealed class LanguageChromeTests
{
    private static readonly string[] EnglishChrome =
        ["Version", "Page", "References", "reviewed", "Reviewed", "About this leaflet", "overdue", "March", "continued", "latest version"];

    private const string WelshNotice =
        "Nid yw’r cyfieithiad hwn wedi’i wirio eto gan rywun cymwys sy’n siarad yr iaith. Dibynnwch ar y fersiwn yn yr iaith wreiddiol.";

    private const string EnglishNotice =
        "This translation has not yet been checked by a qualified speaker of the language. Rely on the version in the original language.";

    /// <param name="unreviewedFrom">Makes each variant an unreviewed translation of the leaflet in this main language.</param>
    private static Leaflet InLanguage(string language, ImmutableArray<Block>? plainBlocks = null, string? unreviewedFrom = null)
    {
        var sample = PdfReading.Sample;
        return sample with
        {
            Variants = ImmutableSortedDictionary.CreateRange(sample.Variants.Select(pair =>
                KeyValuePair.Create(pair.Key, pair.Value with
                {
                    Metadata = unreviewedFrom is null
                        ? pair.Value.Metadata with { Language = language }
                        : pair.Value.Metadata with { Language = language, TranslatedFrom = unreviewedFrom, TranslationStatus = TranslationStatus.Unreviewed },
                    Blocks = pair.Key == LeafletVariant.Plain && plainBlocks is { } blocks ? blocks : pair.Value.Blocks,
                    // PdfReading caches renders by content hash: a changed leaflet needs its own.
                    ContentHash = $"{pair.Value.ContentHash}-{language}{(plainBlocks is null ? "" : "-blocks")}{(unreviewedFrom is null ? "" : "-unreviewed")}",
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

    [Fact]
    public void An_unreviewed_Welsh_translation_says_so_on_page_one_after_its_title_and_review_notice_in_Welsh_then_in_English()
    {
        var bytes = PdfReading.Render(InLanguage("cy", unreviewedFrom: "en-GB"), LeafletVariant.Plain,
            new PdfRenderOptions(18, PaperSize.A4, PdfReading.PublicUrl, ReviewStatus.Overdue));
        using var pdf = PdfDocument.Open(bytes);

        var pageOne = PdfReading.Text(pdf.GetPage(1).Letters);
        Assert.StartsWith("Cementoplasty: what to expect Mae adolygiad y daflen hon yn hwyr.", pageOne, StringComparison.Ordinal);
        Assert.Contains($"{WelshNotice} {EnglishNotice} Fersiwn 2", pageOne, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LayoutRulesTests.AllSizes), MemberType = typeof(LayoutRulesTests))]
    public void An_unreviewed_translations_notice_is_read_right_after_the_title_and_is_whole_on_page_one_where_it_fits(int size, PaperSize paper)
    {
        using var pdf = PdfDocument.Open(PdfReading.Render(InLanguage("cy", unreviewedFrom: "en-GB"), LeafletVariant.Plain, new PdfRenderOptions(size, paper)));
        var opening = $"Cementoplasty: what to expect {WelshNotice} {EnglishNotice}";

        Assert.StartsWith(opening, string.Join(" ", pdf.GetPages().Take(2).Select(PdfReading.TaggedText)), StringComparison.Ordinal);
        // At 24 pt on A5 a page holds about 12 lines: title and both sentences are taller, so the box runs on to page 2.
        if ((size, paper) != (24, PaperSize.A5))
        {
            Assert.StartsWith(opening, PdfReading.Text(pdf.GetPage(1).Letters), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_English_sentence_of_a_Welsh_translations_notice_is_a_Span_marked_en_GB_inside_the_notices_paragraph()
    {
        var bytes = PdfReading.Render(InLanguage("cy", unreviewedFrom: "en-GB"), LeafletVariant.Plain, new PdfRenderOptions());
        using var pdf = PdfDocument.Open(bytes);
        var elements = PdfReading.ElementTexts(pdf);

        var span = Assert.Single(elements, e => e.Lang is not null);
        Assert.Equal(("Span", "en-GB", EnglishNotice), (span.Type, span.Lang, span.Text));
        var paragraph = elements[elements.IndexOf(span) - 1];
        Assert.Equal(("P", span.Depth - 1, WelshNotice), (paragraph.Type, paragraph.Depth, paragraph.Text));
        Assert.Equal("Div", elements[elements.IndexOf(span) - 2].Type);
        Assert.True(PdfAccessibilityChecker.Check(bytes, "cy").Passed);
    }

    [Fact]
    public void A_reviewed_translation_and_a_main_language_leaflet_print_no_translation_notice()
    {
        using var reviewed = PdfDocument.Open(PdfReading.Render(InLanguage("cy"), LeafletVariant.Plain, new PdfRenderOptions()));
        using var english = PdfDocument.Open(PdfReading.RenderSample());

        Assert.DoesNotContain("cyfieithiad", PdfReading.Text(reviewed.GetPage(1).Letters), StringComparison.Ordinal);
        Assert.DoesNotContain("translation", PdfReading.Text(english.GetPage(1).Letters), StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaflet_in_a_language_without_strings_has_its_chrome_in_Spans_marked_English()
    {
        var bytes = PdfReading.Render(InLanguage("pl"), LeafletVariant.Plain, new PdfRenderOptions(18, PaperSize.A4, PdfReading.PublicUrl, ReviewStatus.Overdue));
        using var pdf = PdfDocument.Open(bytes);
        var elements = PdfReading.ElementTexts(pdf);

        string[] english = [.. elements.Where(e => e.Type == "Span" && e.Lang == "en").Select(e => e.Text)];
        Assert.Contains("About this leaflet", english);
        Assert.Contains("References", english);
        Assert.Contains("Version", english);
        // A term and its date are one stretch of English: one Span.
        Assert.Contains("Last reviewed 1 March 2026", english);
        Assert.Contains(english, text => text.StartsWith("This leaflet is overdue for review. It was due to be checked by 1 March 2029.", StringComparison.Ordinal));
        Assert.Contains(english, text => text.StartsWith("Check you have the latest version", StringComparison.Ordinal));
        Assert.Contains(elements, e => e.Type == "Figure" && e.Lang == "en");
        Assert.All(elements.Where(e => e.Lang is not null), e => Assert.Equal("en", e.Lang));
        Assert.True(PdfAccessibilityChecker.Check(bytes, "pl").Passed);
    }

    [Fact]
    public void A_Welsh_leaflet_with_every_string_in_Welsh_marks_nothing_as_another_language()
    {
        using var pdf = PdfDocument.Open(PdfReading.Render(InLanguage("cy"), LeafletVariant.Plain,
            new PdfRenderOptions(18, PaperSize.A5, PdfReading.PublicUrl, ReviewStatus.Overdue)));

        Assert.DoesNotContain(PdfReading.ElementTexts(pdf), e => e.Lang is not null || e.Type == "Span");
    }

    [Fact]
    public void References_a_translation_takes_from_its_main_file_are_a_list_marked_as_the_main_language()
    {
        var sample = InLanguage("cy", unreviewedFrom: "en-GB");
        var leaflet = sample with
        {
            Variants = sample.Variants.SetItem(LeafletVariant.Plain, sample.Plain with
            {
                Metadata = sample.Plain.Metadata with { ReferencesLanguage = "en-GB" },
                ContentHash = sample.Plain.ContentHash + "-references",
            }),
        };
        var bytes = PdfReading.Render(leaflet, LeafletVariant.Plain, new PdfRenderOptions());
        using var pdf = PdfDocument.Open(bytes);
        var elements = PdfReading.ElementTexts(pdf);

        var references = elements.FindIndex(e => e.Type == "H2" && e.Text == "Cyfeiriadau");
        Assert.Equal(("L", "en-GB"), (elements[references + 1].Type, elements[references + 1].Lang));
        Assert.True(PdfAccessibilityChecker.Check(bytes, "cy").Passed);
    }

    /// <summary>One Welsh word a content root changes (test data: <c>strings/cy.json</c> written for the test).</summary>
    private const string WelshReferencesWord = "Ffynonellau prawf";

    [Fact]
    public void A_content_roots_Welsh_word_is_printed_and_bookmarked_and_moves_the_Welsh_PDFs_version_only()
    {
        var strings = TestStrings.With(("cy", $$$"""{"leaflet": {"references": "{{{WelshReferencesWord}}}"}}"""));
        var options = new PdfRenderOptions(18, PaperSize.A4, PdfReading.PublicUrl, ReviewStatus.Current);
        var welsh = PdfRequest.For(InLanguage("cy"), LeafletVariant.Plain, options, strings);

        using var pdf = PdfDocument.Open(PdfReading.Render(welsh));
        var text = string.Join(" ", pdf.GetPages().Select(page => PdfReading.Text(page.Letters)));

        Assert.Contains(WelshReferencesWord, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cyfeiriadau", text, StringComparison.Ordinal);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Contains(WelshReferencesWord, bookmarks.GetNodes().Select(node => node.Title));
        Assert.Contains(PdfReading.ElementTexts(pdf), e => e.Type == "H2" && e.Text == WelshReferencesWord && e.Lang is null);
        Assert.NotEqual(PdfRequest.For(InLanguage("cy"), LeafletVariant.Plain, options).Version, welsh.Version);
        Assert.Equal(PdfRequest.For(PdfReading.Sample, LeafletVariant.Plain, options).Version,
            PdfRequest.For(PdfReading.Sample, LeafletVariant.Plain, options, strings).Version);
    }

    [Fact]
    public void A_leaflet_in_a_language_a_content_root_adds_prints_its_words_and_the_rest_in_English_marked_English()
    {
        var strings = TestStrings.With(("ga", """{"language": "ga", "languageName": "Gaeilge", "leaflet": {"version": "Leagan"}}"""));

        using var pdf = PdfDocument.Open(PdfReading.Render(PdfRequest.For(InLanguage("ga"), LeafletVariant.Plain, new PdfRenderOptions(), strings)));
        var text = string.Join(" ", pdf.GetPages().Select(page => PdfReading.Text(page.Letters)));
        var elements = PdfReading.ElementTexts(pdf);

        Assert.Contains("Leagan 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Version", text, StringComparison.Ordinal);
        Assert.Contains(elements, e => e.Text == "References" && e.Lang == "en");
        Assert.DoesNotContain(elements, e => e.Text.StartsWith("Leagan", StringComparison.Ordinal) && e.Lang == "en");
    }
}
