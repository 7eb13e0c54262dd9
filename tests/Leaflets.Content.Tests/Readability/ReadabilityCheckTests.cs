using System.Collections.Immutable;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Readability;

namespace Leaflets.Content.Tests.Readability;

public class ReadabilityCheckTests
{
    private const string EasyReadPath = "content/leaflets/cementoplasty/easy-read.md";

    private static LeafletDocument EasyRead(params Block[] blocks)
        => TestDocuments.Leaflet().Variants[LeafletVariant.EasyRead] with { Blocks = [.. blocks] };

    private static LeafletDocument Plain(params Block[] blocks)
        => TestDocuments.Leaflet().Plain with { Blocks = [.. blocks] };

    private static PictureRowBlock Row(int line, string words)
        => new(line, new FigureBlock(line, "images/spine.png", "A picture.", null), [TestDocuments.Paragraph(line + 1, words)]);

    [Fact]
    public void The_test_leaflets_easy_read_variant_passes()
        => Assert.Empty(ReadabilityCheck.Check(TestDocuments.Leaflet().Variants[LeafletVariant.EasyRead]));

    [Fact]
    public void An_easy_read_sentence_over_15_words_is_an_error_naming_file_line_and_sentence()
    {
        const string longSentence = "You will go to the hospital in the morning and the nurse will check your name and your date of birth.";
        var problems = ReadabilityCheck.Check(EasyRead(
            TestDocuments.Heading(10, 2, "Going in", "going-in"),
            Row(12, "You go in. " + longSentence)));

        var problem = Assert.Single(problems, p => p.Rule == ReadabilityCheck.SentenceTooLong);
        Assert.Equal(EasyReadPath, problem.Path);
        Assert.Equal(13, problem.Line);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Contains("21 words", problem.Message, StringComparison.Ordinal);
        Assert.Contains(longSentence, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith(EasyReadPath + ":13: easy-read-sentence-length:", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_easy_read_average_over_10_words_is_an_error_even_when_no_sentence_is_over_15()
    {
        var problems = ReadabilityCheck.Check(EasyRead(
            TestDocuments.Heading(10, 2, "Going in", "going-in"),
            Row(12, "The nurse will check your name and your date of birth today."),
            Row(14, "Your friend can stay with you in the room all day long.")));

        Assert.DoesNotContain(problems, p => p.Rule == ReadabilityCheck.SentenceTooLong);
        var average = Assert.Single(problems, p => p.Rule == ReadabilityCheck.AverageTooLong);
        Assert.Contains("average 12 words", average.Message, StringComparison.Ordinal);
        Assert.Equal(ProblemSeverity.Error, average.Severity);
    }

    [Fact]
    public void A_percent_sign_in_easy_read_is_an_error_wherever_it_is()
    {
        var problems = ReadabilityCheck.Check(EasyRead(
            TestDocuments.Heading(10, 2, "It works for 90% of people", "it-works"),
            new PictureRowBlock(12, new FigureBlock(12, "images/spine.png", "A chart showing 90% of people.", null), [TestDocuments.Paragraph(13, "It helps 9 out of 10 people.")]),
            TestDocuments.Heading(15, 2, "Numbers", "numbers"),
            Row(17, "It helps 90% of people.")));

        var lines = problems.Where(p => p.Rule == ReadabilityCheck.PercentSign).Select(p => p.Line).Order();
        Assert.Equal([10, 12, 18], lines);
    }

    [Fact]
    public void An_easy_read_section_without_a_picture_is_an_error_at_its_heading()
    {
        var problems = ReadabilityCheck.Check(EasyRead(
            TestDocuments.Heading(10, 2, "With a picture", "with"),
            TestDocuments.Heading(11, 3, "A subsection", "sub"),
            Row(12, "You rest."),
            TestDocuments.Heading(20, 2, "Without a picture", "without"),
            TestDocuments.Paragraph(22, "You go home.")));

        var problem = Assert.Single(problems);
        Assert.Equal((ReadabilityCheck.SectionWithoutPicture, 20), (problem.Rule, problem.Line));
        Assert.Contains("Without a picture", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_at_reading_age_11_or_below_passes()
        => Assert.Empty(ReadabilityCheck.Check(Plain(TestDocuments.Paragraph(10, "The doctor puts cement in the bone. It sets hard. The pain often gets better."))));

    [Fact]
    public void Plain_text_between_reading_age_11_and_14_is_a_warning()
    {
        var document = Plain(TestDocuments.Paragraph(10, "The doctor injects a special cement into the damaged bone to support it. Afterwards, most people notice that their pain has eased considerably."));
        var age = ReadabilityAnalyzer.Analyze(document).ReadingAge!.Value;
        Assert.InRange(age, 11.01, 14);
        var problem = Assert.Single(ReadabilityCheck.Check(document));
        Assert.Equal((ReadabilityCheck.ReadingAgeTooHigh, ProblemSeverity.Warning), (problem.Rule, problem.Severity));
    }

    [Fact]
    public void Plain_text_above_reading_age_14_is_an_error_naming_the_longest_sentence()
    {
        var document = Plain(
            TestDocuments.Paragraph(10, "It hurts."),
            TestDocuments.Paragraph(12, "Percutaneous cementoplasty is a minimally invasive intervention in which radiologists inject polymethylmethacrylate into osteolytic metastatic lesions under fluoroscopic guidance."));
        var problem = Assert.Single(ReadabilityCheck.Check(document));
        Assert.Equal((ReadabilityCheck.ReadingAgeTooHigh, ProblemSeverity.Error, 12), (problem.Rule, problem.Severity, problem.Line));
        Assert.Contains("Percutaneous cementoplasty is", problem.Message, StringComparison.Ordinal);
        Assert.Equal("content/leaflets/cementoplasty/plain.md", problem.Path);
    }

    // Synthetic Welsh, written for these tests; 19 words in one sentence, well above any reading-age threshold if
    // English formulas were applied to it.
    private const string LongWelshSentence = "Bydd y meddyg yn rhoi nodwydd fach yn yr asgwrn ac yn chwistrellu sment arbennig i'w gryfhau yn araf.";

    private static LeafletDocument InWelsh(LeafletDocument document)
        => document with { Metadata = TestDocuments.Metadata("Cryfhau esgyrn", language: "cy") };

    [Fact]
    public void A_welsh_plain_variant_is_not_held_to_an_english_reading_age()
    {
        var plain = Plain(TestDocuments.Paragraph(10, LongWelshSentence));
        // Taken for English, the same text is above the plain error threshold.
        Assert.Contains(ReadabilityCheck.Check(plain), p => p.Rule == ReadabilityCheck.ReadingAgeTooHigh);
        Assert.Empty(ReadabilityCheck.Check(InWelsh(plain)));
    }

    [Fact]
    public void Easy_read_sentence_length_rules_apply_to_a_welsh_leaflet_too()
    {
        var problems = ReadabilityCheck.Check(InWelsh(EasyRead(TestDocuments.Heading(10, 2, "Y driniaeth", "y-driniaeth"), Row(12, LongWelshSentence))));
        var problem = Assert.Single(problems, p => p.Rule == ReadabilityCheck.SentenceTooLong);
        Assert.Equal(13, problem.Line);
        Assert.Single(problems, p => p.Rule == ReadabilityCheck.AverageTooLong);
    }

    [Fact]
    public void The_publish_gate_checks_a_translation_too_naming_its_own_file()
    {
        const string WelshPath = "content/leaflets/cementoplasty/easy-read.cy.md";
        var welsh = InWelsh(EasyRead(TestDocuments.Heading(10, 2, "Y driniaeth", "y-driniaeth"), Row(12, LongWelshSentence))) with { SourcePath = WelshPath };
        var leaflet = TestDocuments.Leaflet() with
        {
            Translations = TestDocuments.Leaflet().Translations.Add("cy", ImmutableSortedDictionary<LeafletVariant, LeafletDocument>.Empty.Add(LeafletVariant.EasyRead, welsh)),
        };
        var content = new ContentLoadResult(ImmutableSortedDictionary.Create<string, Leaflet>(StringComparer.Ordinal).Add(leaflet.Id, leaflet), []);

        var problems = new ReadabilityContentCheck().Check(content).ToList();

        Assert.Contains(problems, p => (p.Rule, p.Path, p.Line) == (ReadabilityCheck.SentenceTooLong, WelshPath, 13));
        Assert.All(problems, p => Assert.Equal(WelshPath, p.Path));
    }
}

public class ShippedContentReadabilityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task The_shipped_leaflets_meet_the_reading_level_rules()
    {
        var source = new FileContentSource(RepositoryPaths.Content);
        var report = new Leaflets.Content.Checking.ContentCheck([new ReadabilityContentCheck()]).Run(LeafletLoader.Load(source.DisplayRoot, await source.ReadAllAsync(CancellationToken.None)));
        Assert.NotEmpty(report.Content.Leaflets);
        foreach (var document in report.Content.Leaflets.Values.SelectMany(l => l.AllDocuments))
        {
            output.WriteLine($"{document.SourcePath}: {ReadabilityAnalyzer.Analyze(document)}");
        }
        foreach (var problem in report.Problems)
        {
            output.WriteLine($"{problem.Severity}: {problem}");
        }
        Assert.True(report.Passed, string.Join('\n', report.Problems.Where(p => p.Severity == ProblemSeverity.Error)));
    }
}
