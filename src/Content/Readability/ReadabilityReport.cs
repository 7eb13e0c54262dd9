namespace Leaflets.Content.Readability;

/// <summary>
/// How hard one variant is to read, for the language it is written in. Counts are exact; the formulas are
/// rounded to one decimal place. Word and sentence counts and sentence lengths hold for any language. Where
/// <see cref="ReadabilityFormulas"/> has a formula for the language, the syllables are counted the way that
/// formula counts them: for English the Flesch figures, for Spanish, German and French their own formula's
/// <see cref="ReadingEase"/>. An English syllable counter and English formulas give a figure that means nothing
/// for another language, so they are never used for one.
/// <see cref="ReadingAge"/> is the Flesch-Kincaid grade plus 5 (the UK convention: grade 6 is about age 11), so
/// English only; when there is none, <see cref="NoReadingAge"/> says why. SMOG is computed for any length, but is
/// only calibrated for 30 sentences or more.
/// </summary>
/// <param name="Language">The leaflet's language tag the figures were computed for.</param>
/// <param name="Formula">The formula used for the language (<see cref="ReadabilityFormulas"/>), or null.</param>
/// <param name="ReadingEase">The score of a formula that gives ease and not an age (Fernández-Huerta, Amstad, Kandel-Moles): higher is easier, about 0 to 100. Null for English, whose ease is <see cref="FleschReadingEase"/>.</param>
public sealed record ReadabilityReport(
    string Language,
    string? Formula,
    int Words,
    int Sentences,
    int? Syllables,
    int? PolysyllabicWords,
    double AverageSentenceWords,
    int LongestSentenceWords,
    double? ReadingEase,
    double? FleschReadingEase,
    double? FleschKincaidGrade,
    double? Smog,
    double? ReadingAge,
    NoReadingAge? NoReadingAge)
{
    /// <summary>The report of a variant with no running text: nothing to measure, in whatever language.</summary>
    public static ReadabilityReport Empty(string language) => ReadabilityFormulas.Of(language) switch
    {
        null => WithoutFormula(language, 0, 0, 0, 0),
        { HasReadingAge: true } formula => new(language, formula.Name, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, null),
        var formula => EaseOnly(language, formula, 0, 0, 0, 0, 0, 0),
    };

    /// <summary>The report for a language we have no formula for: what holds in any language, and why there is no reading age.</summary>
    internal static ReadabilityReport WithoutFormula(string language, int words, int sentences, double averageSentenceWords, int longestSentenceWords)
        => new(language, null, words, sentences, null, null, averageSentenceWords, longestSentenceWords, null, null, null, null, null, NoReadingAge.NoFormulaFor(language));

    /// <summary>The report for a language whose formula gives a reading ease but no age.</summary>
    internal static ReadabilityReport EaseOnly(string language, ReadabilityFormula formula, int words, int sentences, int syllables, double averageSentenceWords, int longestSentenceWords, double readingEase)
        => new(language, formula.Name, words, sentences, syllables, null, averageSentenceWords, longestSentenceWords, readingEase, null, null, null, null, NoReadingAge.EaseNotAgeFrom(formula.Title));
}

/// <summary>Why a report has no reading age: a stable <paramref name="Reason"/> code for programs, and words for people.</summary>
public sealed record NoReadingAge(string Reason, string Message)
{
    public const string NoFormulaForLanguage = "no-formula-for-language";
    public const string EaseNotAge = "formula-gives-ease-not-age";

    public static NoReadingAge NoFormulaFor(string language) => new(NoFormulaForLanguage,
        $"No readability formula is used for the language \"{language}\", so there is no reading age: the English " +
        "formulas give a figure that means nothing for another language. The word and sentence counts still apply.");

    /// <summary>
    /// These formulas were published as ease scores. The school-year bands sometimes printed beside them (such as
    /// "60 to 70: 7th or 8th grade" for Fernández-Huerta on legible.es, or "13 to 15 year olds" for Amstad) are
    /// Flesch's English bands carried over, not a table fitted to the language, so we give no age.
    /// </summary>
    public static NoReadingAge EaseNotAgeFrom(string formulaTitle) => new(EaseNotAge,
        $"The {formulaTitle} formula gives a reading-ease score (readingEase: higher is easier, about 0 to 100), not " +
        "an age, and we know of no table fitted to this language that maps its score to school years (the bands often " +
        "printed beside it are Flesch's English ones), so there is no reading age.");
}
