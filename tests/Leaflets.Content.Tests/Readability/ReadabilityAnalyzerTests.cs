using System.Collections.Immutable;
using Leaflets.Content.Model;
using Leaflets.Content.Readability;

namespace Leaflets.Content.Tests.Readability;

public class ReadabilityAnalyzerTests
{
    private static LeafletDocument Document(ImmutableArray<Block> blocks, LeafletVariant variant = LeafletVariant.Plain)
        => TestDocuments.Leaflet(blocks).Plain with { Variant = variant };

    [Fact]
    public void The_formulas_follow_Flesch_Kincaid_and_SMOG()
    {
        // 2 sentences, 8 words, 9 syllables ("doctor" has 2, every other word 1).
        var report = ReadabilityAnalyzer.AnalyzeText(["The doctor will see you. Please wait here."], "en-GB");
        Assert.Equal((8, 2, 9), (report.Words, report.Sentences, report.Syllables));
        Assert.Equal(4, report.AverageSentenceWords);
        Assert.Equal(5, report.LongestSentenceWords);
        Assert.Equal(Math.Round(0.39 * 4 + 11.8 * 9 / 8 - 15.59, 1), report.FleschKincaidGrade);
        Assert.Equal(Math.Round(206.835 - 1.015 * 4 - 84.6 * 9 / 8, 1), report.FleschReadingEase);
        Assert.Equal(Math.Round(3.1291, 1), report.Smog);
        Assert.Equal(report.FleschKincaidGrade!.Value + 5, report.ReadingAge!.Value, 1);
        Assert.Equal(("en-GB", ReadabilityFormulas.FleschKincaid, null), (report.Language, report.Formula, report.NoReadingAge));
        // English's ease is the Flesch one above; readingEase is for the formulas that give ease and no age.
        Assert.Null(report.ReadingEase);
    }

    [Fact]
    public void Headings_references_alternative_text_and_urls_are_not_counted()
    {
        ImmutableArray<Block> blocks =
        [
            TestDocuments.Heading(10, 2, "A very long heading with many many words in it", "h"),
            TestDocuments.Paragraph(12, "See https://www.nice.org.uk/guidance/ipg179 for more."),
            new FigureBlock(14, "images/spine.png", "A long description of a picture that is not read by sighted readers", null),
        ];
        var report = ReadabilityAnalyzer.Analyze(Document(blocks));
        Assert.Equal(3, report.Words);
        Assert.Equal(1, report.Sentences);
    }

    [Fact]
    public void List_items_callouts_table_cells_captions_and_easy_read_rows_are_counted()
    {
        ImmutableArray<Block> blocks =
        [
            new ListBlock(10, false, [new ListItem([TestDocuments.Paragraph(10, "Bring your tablets")])]),
            new CalloutBlock(12, "Important", [TestDocuments.Paragraph(12, "Call us.")]),
            new TableBlock(14, [new TableCell(TestDocuments.Text("When"))], [[new TableCell(TestDocuments.Text("Monday"))]]),
            new FigureBlock(16, "images/spine.png", "alt", "The spine."),
            new PictureRowBlock(18, new FigureBlock(18, "images/spine.png", "alt", null), [TestDocuments.Paragraph(19, "You rest.")]),
        ];
        var report = ReadabilityAnalyzer.Analyze(Document(blocks));
        // "Bring your tablets" 3, "Important: Call us." 3, "When" 1, "Monday" 1, "The spine." 2, "You rest." 2.
        Assert.Equal(12, report.Words);
        Assert.Equal(6, report.Sentences);
    }

    [Fact]
    public void A_document_with_no_words_has_an_empty_report_rather_than_a_division_by_zero()
        => Assert.Equal(ReadabilityReport.Empty("en-GB"), ReadabilityAnalyzer.Analyze(Document([TestDocuments.Heading(10, 2, "Only a heading", "h")])));

    [Fact]
    public void The_report_serialises_to_json_with_every_figure()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(ReadabilityAnalyzer.AnalyzeText(["It is fine."], "en"), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        foreach (var name in new[] { "words", "sentences", "syllables", "averageSentenceWords", "longestSentenceWords", "fleschReadingEase", "fleschKincaidGrade", "smog", "readingAge" })
        {
            Assert.Contains($"\"{name}\":", json, StringComparison.Ordinal);
        }
    }

    // Synthetic Welsh, written for this test: two sentences of 5 and 7 words.
    private const string Welsh = "Mae'r meddyg yn eich gweld. Arhoswch yma nes i'r nyrs eich galw.";

    [Fact]
    public void A_welsh_leaflet_has_counts_and_sentence_lengths_but_no_reading_age_and_says_why()
    {
        var report = ReadabilityAnalyzer.Analyze(TestDocuments.Leaflet([TestDocuments.Paragraph(10, Welsh)]).Plain with
        {
            Metadata = TestDocuments.Metadata("Gweld y meddyg", language: "cy"),
        });

        Assert.Equal(("cy", 12, 2, 6, 7), (report.Language, report.Words, report.Sentences, report.AverageSentenceWords, report.LongestSentenceWords));
        Assert.Equal((null, null), (report.Formula, report.ReadingAge));
        Assert.Equal(NoReadingAge.NoFormulaForLanguage, report.NoReadingAge?.Reason);
        Assert.Contains("\"cy\"", report.NoReadingAge!.Message, StringComparison.Ordinal);
        // No English syllable count or English formula is passed off as a figure for Welsh.
        Assert.Equal(new double?[] { null, null, null, null, null, null }, [report.Syllables, report.PolysyllabicWords, report.ReadingEase, report.FleschReadingEase, report.FleschKincaidGrade, report.Smog]);
    }

    [Theory]
    [InlineData("en", ReadabilityFormulas.FleschKincaid)]
    [InlineData("en-GB", ReadabilityFormulas.FleschKincaid)]
    [InlineData("EN-us", ReadabilityFormulas.FleschKincaid)]
    [InlineData("cy", null)]
    [InlineData("eng", null)]
    [InlineData("es", ReadabilityFormulas.FernandezHuerta)]
    public void Only_english_language_tags_get_the_english_formula(string language, string? formula)
        => Assert.Equal(formula, ReadabilityFormulas.For(language));

    [Fact]
    public void A_welsh_text_with_no_words_has_an_empty_report_that_still_says_why_there_is_no_reading_age()
    {
        var report = ReadabilityAnalyzer.AnalyzeText([], "cy");
        Assert.Equal((0, null, NoReadingAge.NoFormulaForLanguage), (report.Words, report.ReadingAge, report.NoReadingAge?.Reason));
    }
}
