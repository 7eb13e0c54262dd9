namespace Leaflets.Content.Readability;

/// <summary>
/// Which formula measures which language, and with which syllable counter. Each formula is a reading-ease score
/// of Flesch's shape, fitted to its own language: Base − SentenceWeight × words per sentence − SyllableWeight ×
/// syllables per word, higher is easier, about 0 to 100. Only English also has a grade, and so a reading age.
/// A language is matched on its primary subtag (<c>es-MX</c> is Spanish); any other language has no formula, so
/// no English figure is ever passed off as one for it. Each set of constants was checked against a second source
/// (named beside it) before it was used.
/// </summary>
public static class ReadabilityFormulas
{
    public const string FleschKincaid = "flesch-kincaid";
    public const string FernandezHuerta = "fernandez-huerta";
    public const string Amstad = "amstad";
    public const string KandelMoles = "kandel-moles";

    // Flesch, R. (1948), "A new readability yardstick", Journal of Applied Psychology 32(3), 221-233, for the ease;
    // Kincaid, J. P. et al. (1975), Research Branch Report 8-75, US Naval Technical Training Command, for the grade
    // (in ReadabilityAnalyzer). The constants agree with the npm text-readability package (IndependentReadabilityTests).
    private static readonly ReadabilityFormula English = new(
        FleschKincaid, "Flesch-Kincaid", EnglishSyllableCounter.Instance, 206.835, 1.015, 84.6, HasReadingAge: true);

    // Fernández Huerta, J. (1959), "Medidas sencillas de lecturabilidad", Consigna 214, 29-32: 206.84 − 0.60 P − 1.02 F.
    // P is syllables per 100 words, so 0.60 P is 60 × syllables per word. F is printed in most copies as sentences per
    // 100 words, which would make shorter sentences score as harder, the reverse of the Flesch formula it adapts; as
    // Law argued (LINGUIST List 22.2332, 2011), F is words per sentence, which is how legible.es and the Python
    // textstat package apply it. Constants checked against legible.es, Law and textstat.
    private static readonly ReadabilityFormula Spanish = new(
        FernandezHuerta, "Fernández-Huerta", SpanishSyllableCounter.Instance, 206.84, 1.02, 60, HasReadingAge: false);

    // Amstad, T. (1978), "Wie verständlich sind unsere Zeitungen?", doctoral thesis, University of Zurich:
    // 180 − ASL − 58.5 × ASW. Checked against leichtlesbar.ch (which names Amstad 1978), tuwort.net and textstat.
    private static readonly ReadabilityFormula German = new(
        Amstad, "Amstad", GermanSyllableCounter.Instance, 180, 1, 58.5, HasReadingAge: false);

    // Kandel, L. and Moles, A. (1958), "Application de l'indice de Flesch à la langue française", Cahiers Études de
    // Radio-Télévision 19: 207 − 1.015 × ASL − 73.6 × ASW (0.736 per syllable per 100 words). Checked against the
    // Cordial grammar checker's description of its readability index, textstat and the lucid-lint linter.
    private static readonly ReadabilityFormula French = new(
        KandelMoles, "Kandel-Moles", FrenchSyllableCounter.Instance, 207, 1.015, 73.6, HasReadingAge: false);

    /// <summary>The name of the formula for a BCP 47 language tag, or null when we have none for that language.</summary>
    public static string? For(string language) => Of(language)?.Name;

    internal static ReadabilityFormula? Of(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var primary = language.Split('-')[0];
        return primary.ToLowerInvariant() switch
        {
            "en" => English,
            "es" => Spanish,
            "de" => German,
            "fr" => French,
            _ => null,
        };
    }
}

/// <summary>One language's reading-ease formula and the syllable counter it was fitted with (see <see cref="ReadabilityFormulas"/>).</summary>
/// <param name="Name">The stable name programs see (<c>formula</c> in the JSON).</param>
/// <param name="Title">The name people know it by.</param>
/// <param name="HasReadingAge">Whether the language also has a grade to give a reading age (English only).</param>
internal sealed record ReadabilityFormula(
    string Name,
    string Title,
    ISyllableCounter Syllables,
    double Base,
    double SentenceWeight,
    double SyllableWeight,
    bool HasReadingAge)
{
    public double ReadingEase(double wordsPerSentence, double syllablesPerWord)
        => Base - SentenceWeight * wordsPerSentence - SyllableWeight * syllablesPerWord;
}
