namespace Leaflets.Content.Readability;

/// <summary>
/// How hard one variant is to read, for the language it is written in. Counts are exact; the formulas are
/// rounded to one decimal place. Word and sentence counts and sentence lengths hold for any language; the
/// syllable counts and the Flesch figures are English only (null otherwise), because an English syllable
/// counter and English formulas give a figure that means nothing for another language.
/// <see cref="ReadingAge"/> is the Flesch-Kincaid grade plus 5 (the UK convention: grade 6 is about age 11);
/// when there is none, <see cref="NoReadingAge"/> says why. SMOG is computed for any length, but is only
/// calibrated for 30 sentences or more.
/// </summary>
/// <param name="Language">The leaflet's language tag the figures were computed for.</param>
/// <param name="Formula">The formula behind <see cref="ReadingAge"/> (<see cref="ReadabilityFormulas"/>), or null.</param>
public sealed record ReadabilityReport(
    string Language,
    string? Formula,
    int Words,
    int Sentences,
    int? Syllables,
    int? PolysyllabicWords,
    double AverageSentenceWords,
    int LongestSentenceWords,
    double? FleschReadingEase,
    double? FleschKincaidGrade,
    double? Smog,
    double? ReadingAge,
    NoReadingAge? NoReadingAge)
{
    /// <summary>The report of a variant with no running text: nothing to measure, in whatever language.</summary>
    public static ReadabilityReport Empty(string language) => ReadabilityFormulas.For(language) is { } formula
        ? new(language, formula, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null)
        : WithoutFormula(language, 0, 0, 0, 0);

    /// <summary>The report for a language we have no formula for: what holds in any language, and why there is no reading age.</summary>
    internal static ReadabilityReport WithoutFormula(string language, int words, int sentences, double averageSentenceWords, int longestSentenceWords)
        => new(language, null, words, sentences, null, null, averageSentenceWords, longestSentenceWords, null, null, null, null, NoReadingAge.NoFormulaFor(language));
}

/// <summary>Why a report has no reading age: a stable <paramref name="Reason"/> code for programs, and words for people.</summary>
public sealed record NoReadingAge(string Reason, string Message)
{
    public const string NoFormulaForLanguage = "no-formula-for-language";

    public static NoReadingAge NoFormulaFor(string language) => new(NoFormulaForLanguage,
        $"No readability formula is used for the language \"{language}\", so there is no reading age: the English " +
        "formulas give a figure that means nothing for another language. The word and sentence counts still apply.");
}
