using System.Collections.Immutable;
using Leaflets.Content.Model;

namespace Leaflets.Content.Readability;

/// <summary>
/// Computes readability figures for a leaflet variant from the text its readers read (see <see cref="ReadableText"/>),
/// in the leaflet's language: syllables and formulas only where <see cref="ReadabilityFormulas"/> has a formula for it,
/// counted with that formula's own syllable counter.
/// </summary>
public static class ReadabilityAnalyzer
{
    public const double ReadingAgeOffset = 5;

    public static ReadabilityReport Analyze(LeafletDocument document)
        => Analyze(SentencesOf(ReadableText.Of(document)), document.Metadata.Language);

    /// <summary>The figures for plain passages of text in <paramref name="language"/> (each string read on its own, like a paragraph).</summary>
    public static ReadabilityReport AnalyzeText(IEnumerable<string> passages, string language)
        => Analyze(SentencesOf(passages.Select(p => new TextPassage(1, p))), language);

    internal static ImmutableArray<Sentence> SentencesOf(IEnumerable<TextPassage> passages)
        => [.. passages.SelectMany(Sentences.Of)];

    internal static ReadabilityReport Analyze(IReadOnlyCollection<Sentence> sentences, string language)
    {
        var words = sentences.SelectMany(s => s.Words).ToList();
        if (words.Count == 0)
        {
            return ReadabilityReport.Empty(language);
        }
        double wordsPerSentence = (double)words.Count / sentences.Count;
        var longest = sentences.Max(s => s.Words.Length);
        if (ReadabilityFormulas.Of(language) is not { } formula)
        {
            // Counts and sentence lengths hold in any language; syllables and formulas only for the language they were made for.
            return ReadabilityReport.WithoutFormula(language, words.Count, sentences.Count, Round(wordsPerSentence), longest);
        }
        var syllablesPerWord = words.Select(formula.Syllables.Count).ToList();
        var syllables = syllablesPerWord.Sum();
        double wordSyllables = (double)syllables / words.Count;
        var ease = formula.ReadingEase(wordsPerSentence, wordSyllables);
        if (!formula.HasReadingAge)
        {
            return ReadabilityReport.EaseOnly(language, formula, words.Count, sentences.Count, syllables, Round(wordsPerSentence), longest, Round(ease));
        }

        // English: the Flesch-Kincaid grade (Kincaid et al. 1975) gives the reading age; SMOG (McLaughlin 1969) is shown beside it.
        var polysyllables = syllablesPerWord.Count(s => s >= 3);
        var grade = 0.39 * wordsPerSentence + 11.8 * wordSyllables - 15.59;
        var smog = 1.043 * Math.Sqrt(polysyllables * (30.0 / sentences.Count)) + 3.1291;

        return new ReadabilityReport(
            language,
            formula.Name,
            words.Count,
            sentences.Count,
            syllables,
            polysyllables,
            Round(wordsPerSentence),
            longest,
            null,
            Round(ease),
            Round(grade),
            Round(smog),
            Round(grade + ReadingAgeOffset),
            null);
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
