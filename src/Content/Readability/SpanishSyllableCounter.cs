namespace Leaflets.Content.Readability;

/// <summary>
/// Spanish syllables as a reader says them, the unit Fernández-Huerta's formula counts: one per vowel, except that
/// vowels side by side share a syllable (a diphthong or triphthong) unless both are strong. Strong are a, e, o and an
/// accented í or ú (the accent is written precisely to break the diphthong: dí-a, ba-úl, re-ír); weak are unaccented i,
/// u, ü and a final y. So pa-cien-te, ciu-dad and buey keep their vowels together, and le-er, po-e-ta and a-é-re-o
/// split them.
/// </summary>
internal sealed class SpanishSyllableCounter : SpelledSyllableCounter
{
    public static readonly SpanishSyllableCounter Instance = new();

    private SpanishSyllableCounter()
    {
    }

    internal override int CountWord(string word)
    {
        var syllables = 0;
        foreach (var (start, length) in VowelRuns(word))
        {
            syllables++;
            for (var i = start + 1; i < start + length; i++)
            {
                // Two strong vowels side by side are a hiatus: each is its own syllable.
                if (IsStrong(word[i - 1]) && IsStrong(word[i]))
                {
                    syllables++;
                }
            }
        }
        return syllables;
    }

    protected override bool IsVowel(string word, int i) => word[i] switch
    {
        // que, qui, guerra, guía: the u only shows how to say the consonant (güe, güi write a u that is said).
        'u' => !IsSilentU(word, i, "eéií"),
        'a' or 'e' or 'i' or 'o' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'ü' => true,
        // y is a vowel alone ("y") and at the end of a word (hoy, muy, rey); elsewhere it is a consonant (ya, mayo).
        'y' => i == word.Length - 1,
        _ => false,
    };

    private static bool IsStrong(char vowel) => vowel is 'a' or 'e' or 'o' or 'á' or 'é' or 'ó' or 'í' or 'ú';
}
