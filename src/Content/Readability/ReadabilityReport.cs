namespace Leaflets.Content.Readability;

/// <summary>
/// How hard one variant is to read. Counts are exact; the formulas are rounded to one decimal place.
/// <see cref="ReadingAge"/> is the Flesch-Kincaid grade plus 5 (the UK convention: grade 6 is about age 11).
/// SMOG is computed for any length, but is only calibrated for 30 sentences or more.
/// </summary>
public sealed record ReadabilityReport(
    int Words,
    int Sentences,
    int Syllables,
    int PolysyllabicWords,
    double AverageSentenceWords,
    int LongestSentenceWords,
    double FleschReadingEase,
    double FleschKincaidGrade,
    double Smog,
    double ReadingAge)
{
    public static ReadabilityReport Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
