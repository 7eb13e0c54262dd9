namespace Leaflets.Content.Readability;

/// <summary>
/// German syllables as a reader says them, the unit Amstad's formula counts: one per vowel (a, e, i, o, u, ä, ö, ü, y),
/// where the diphthongs ai, au, ay, ei, eu, ey, äu and the long-vowel spellings ie, aa, ee, oo are one vowel. German
/// has no silent e (En-de, Sei-te), so every other vowel is a syllable, which also splits the vowel pairs of loanwords
/// (The-a-ter, O-pe-ra-ti-on).
/// Known limits, all rare in leaflets: a final -ie said as two syllables (Fa-mi-li-e counts 3, not 4), eu split across
/// syllables (Mu-se-um counts 2, not 3), and ee split by a prefix or a plural ending (ge-ehrt and I-de-en count one
/// short).
/// </summary>
internal sealed class GermanSyllableCounter : SpelledSyllableCounter
{
    public static readonly GermanSyllableCounter Instance = new();

    private static readonly string[] OneVowel = ["ai", "au", "ay", "ei", "eu", "ey", "äu", "ie", "aa", "ee", "oo"];

    private GermanSyllableCounter()
    {
    }

    internal override int CountWord(string word)
    {
        var syllables = 0;
        foreach (var (start, length) in VowelRuns(word))
        {
            // Read the run left to right, taking a pair that is one vowel as one syllable: Feu-er, bau-en, Be-at-mung.
            for (var i = start; i < start + length; i++)
            {
                syllables++;
                if (i + 1 < start + length && IsOneVowel(word, i))
                {
                    i++;
                }
            }
        }
        return syllables;
    }

    private static bool IsOneVowel(string word, int i)
    {
        var pair = word.AsSpan(i, 2);
        if (pair is "ie" && IsLatinIent(word, i))
        {
            return false;
        }
        foreach (var one in OneVowel)
        {
            if (pair.SequenceEqual(one))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Pa-ti-ent, Kli-ent, Quo-ti-ent: Latin -ient after t or l is two syllables (but dient, verdient are one).</summary>
    private static bool IsLatinIent(string word, int i)
        => i > 0 && word[i - 1] is ('t' or 'l') && word.AsSpan(i + 2).StartsWith("nt");

    // Quelle, bequem: the u of qu is said as v, not as a vowel.
    protected override bool IsVowel(string word, int i) => word[i] switch
    {
        'u' => !IsSilentU(word, i, ""),
        'a' or 'e' or 'i' or 'o' or 'ä' or 'ö' or 'ü' or 'y' => true,
        _ => false,
    };
}
