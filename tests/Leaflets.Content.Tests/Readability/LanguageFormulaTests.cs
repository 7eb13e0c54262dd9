using Leaflets.Content.Model;
using Leaflets.Content.Readability;

namespace Leaflets.Content.Tests.Readability;

/// <summary>
/// Each formula on a short text written for this test, with the counts worked out by hand in the comments and the
/// published constants written out, so a wrong constant or a wrong count fails.
/// </summary>
public class LanguageFormulaTests
{
    [Fact]
    public void Spanish_gets_the_Fernandez_Huerta_reading_ease_and_no_reading_age()
    {
        // "El mé-di-co le ve-rá pron-to." 5 words, 1 + 3 + 1 + 2 + 2 = 9 syllables.
        // "To-me la pas-ti-lla con a-gua des-pués de co-mer." 8 words, 2 + 1 + 3 + 1 + 2 + 2 + 1 + 2 = 14 syllables.
        var report = ReadabilityAnalyzer.AnalyzeText(["El médico le verá pronto. Tome la pastilla con agua después de comer."], "es");

        Assert.Equal((13, 2, 23), (report.Words, report.Sentences, report.Syllables));
        // 206.84 − 1.02 × 13/2 − 60 × 23/13 = 206.84 − 6.63 − 106.154 = 94.056.
        Assert.Equal(94.1, report.ReadingEase);
        Assert.Equal(ReadabilityFormulas.FernandezHuerta, report.Formula);
        AssertEaseOnly(report, "Fernández-Huerta");
    }

    [Fact]
    public void German_gets_the_Amstad_reading_ease_and_no_reading_age()
    {
        // "Die Ärz-tin sieht Sie bald." 5 words, 1 + 2 + 1 + 1 + 1 = 6 syllables.
        // "Bit-te trin-ken Sie vor der Un-ter-su-chung kei-nen Kaf-fee." 8 words, 2 + 2 + 1 + 1 + 1 + 4 + 2 + 2 = 15.
        var report = ReadabilityAnalyzer.AnalyzeText(["Die Ärztin sieht Sie bald. Bitte trinken Sie vor der Untersuchung keinen Kaffee."], "de-DE");

        Assert.Equal((13, 2, 21), (report.Words, report.Sentences, report.Syllables));
        // 180 − 13/2 − 58.5 × 21/13 = 180 − 6.5 − 94.5 = 79.
        Assert.Equal(79.0, report.ReadingEase);
        Assert.Equal(ReadabilityFormulas.Amstad, report.Formula);
        AssertEaseOnly(report, "Amstad");
    }

    [Fact]
    public void French_gets_the_Kandel_Moles_reading_ease_and_no_reading_age()
    {
        // "Le mé-de-cin vous ver-ra bien-tôt." 5 words, 1 + 3 + 1 + 2 + 2 = 9 syllables.
        // "Pre-nez une douche a-vant l'o-pé-ra-tion." 5 words, 2 + 1 + 1 + 2 + 4 = 10 (une and douche end in a silent e).
        var report = ReadabilityAnalyzer.AnalyzeText(["Le médecin vous verra bientôt. Prenez une douche avant l'opération."], "fr");

        Assert.Equal((10, 2, 19), (report.Words, report.Sentences, report.Syllables));
        // 207 − 1.015 × 10/2 − 73.6 × 19/10 = 207 − 5.075 − 139.84 = 62.085.
        Assert.Equal(62.1, report.ReadingEase);
        Assert.Equal(ReadabilityFormulas.KandelMoles, report.Formula);
        AssertEaseOnly(report, "Kandel-Moles");
    }

    private static void AssertEaseOnly(ReadabilityReport report, string title)
    {
        Assert.Null(report.ReadingAge);
        Assert.Equal(NoReadingAge.EaseNotAge, report.NoReadingAge?.Reason);
        Assert.Contains(title, report.NoReadingAge!.Message, StringComparison.Ordinal);
        // Nothing English is reported for these languages: no Flesch figures, no SMOG and its polysyllable count.
        Assert.Equal(new double?[] { null, null, null, null }, [report.PolysyllabicWords, report.FleschReadingEase, report.FleschKincaidGrade, report.Smog]);
    }

    [Theory]
    [InlineData("es", ReadabilityFormulas.FernandezHuerta)]
    [InlineData("es-MX", ReadabilityFormulas.FernandezHuerta)]
    [InlineData("de", ReadabilityFormulas.Amstad)]
    [InlineData("de-CH", ReadabilityFormulas.Amstad)]
    [InlineData("FR-ca", ReadabilityFormulas.KandelMoles)]
    [InlineData("cy", null)]
    [InlineData("pl", null)]
    [InlineData("esp", null)]
    public void Each_language_gets_the_formula_made_for_it_by_its_primary_subtag(string language, string? formula)
        => Assert.Equal(formula, ReadabilityFormulas.For(language));

    [Fact]
    public void The_same_text_scores_differently_in_each_language_because_each_counts_its_own_syllables()
    {
        // "Patient" is Pa-ti-ent in German and pa-tient in French; an English counter would say pa-tient too.
        Assert.Equal(3, ReadabilityAnalyzer.AnalyzeText(["Patient"], "de").Syllables);
        Assert.Equal(2, ReadabilityAnalyzer.AnalyzeText(["Patient"], "fr").Syllables);
    }

    [Theory]
    [InlineData("es", "Una enfermera le llamará.")]
    [InlineData("de", "Eine Pflegerin ruft Sie auf.")]
    [InlineData("fr", "Une infirmière vous appellera.")]
    public void A_leaflet_in_spanish_german_or_french_gets_its_formula(string language, string text)
    {
        var document = TestDocuments.Leaflet([TestDocuments.Paragraph(10, text)]).Plain with
        {
            Metadata = TestDocuments.Metadata("Sample", language: language),
        };

        var report = DocumentReadability.Of(document);

        Assert.Equal(ReadabilityFormulas.For(language), report.Formula);
        Assert.NotNull(report.ReadingEase);
        Assert.Equal((null, NoReadingAge.EaseNotAge), (report.ReadingAge, report.NoReadingAge?.Reason));
    }

    [Fact]
    public void A_hard_spanish_plain_leaflet_is_not_gated_on_a_reading_age_it_does_not_have()
    {
        // One long sentence of long words: a low ease, but no cited ease threshold exists, so the gate says nothing.
        const string Hard = "La vertebroplastia percutánea consiste en la administración intraósea de polimetilmetacrilato " +
            "radiopaco mediante una aguja introducida bajo control fluoroscópico continuado en pacientes con fracturas vertebrales osteoporóticas dolorosas.";
        var document = TestDocuments.Leaflet([TestDocuments.Paragraph(10, Hard)]).Plain with
        {
            Metadata = TestDocuments.Metadata("Muestra", language: "es"),
        };

        Assert.True(ReadabilityAnalyzer.Analyze(document).ReadingEase < 30);
        Assert.DoesNotContain(ReadabilityCheck.Check(document), p => p.Rule == ReadabilityCheck.ReadingAgeTooHigh);
    }

    [Fact]
    public void A_spanish_text_with_no_words_has_an_empty_report_that_still_names_its_formula_and_says_why_there_is_no_reading_age()
    {
        var report = ReadabilityAnalyzer.AnalyzeText([], "es");
        Assert.Equal((0, ReadabilityFormulas.FernandezHuerta, null, NoReadingAge.EaseNotAge), (report.Words, report.Formula, report.ReadingAge, report.NoReadingAge?.Reason));
    }
}
