namespace Leaflets.Content.Readability;

/// <summary>
/// French syllables as they are spoken, as Kandel and Moles counted them: a run of vowel letters is one syllable,
/// because French writes one sound with several letters (eau, ou, ai, oi, eu) and says i, u and ou before another
/// vowel as a glide (pied, nuit, ouest, na-tion, pa-tient). A run splits where the spelling marks two sounds: before a
/// letter with a diaeresis (na-ïf, No-ël), around é, è, ê next to another vowel (po-é-sie, ré-a-ni-ma-tion, but the
/// silent e of i-dée stays with it, and so does an i before it: pièce), and at a y between vowels, which is said as two i (voy-age, es-sa-yer). A final e
/// or es after a consonant is silent (por-te, ta-ble, mé-de-cine) unless it is the only vowel (le, de, les).
/// Known limit: the silent -ent of a plural verb (ils mangent) is counted, because only grammar tells it from the
/// spoken -ent of moment or patient.
/// </summary>
internal sealed class FrenchSyllableCounter : SpelledSyllableCounter
{
    public static readonly FrenchSyllableCounter Instance = new();

    private FrenchSyllableCounter()
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
                if (SplitsBefore(word, i))
                {
                    syllables++;
                }
            }
        }
        return syllables > 1 && HasSilentEnding(word) ? syllables - 1 : syllables;
    }

    private static bool SplitsBefore(string word, int i)
    {
        var vowel = word[i];
        var before = word[i - 1];
        return vowel is 'ï' or 'ë' or 'ü'
            // i before é, è, ê is a glide (pièce, infir-mière, pi-tié); société and variété, where it is not, count one short.
            || IsAccentedE(vowel) && before != 'i'
            || IsAccentedE(before) && !IsSilentFinalE(word, i)
            || before == 'y';
    }

    private static bool IsAccentedE(char c) => c is 'é' or 'è' or 'ê';

    /// <summary>The e of a final -e or -es (i-dée, cré-ées), which is no syllable of its own.</summary>
    private static bool IsSilentFinalE(string word, int i)
        => word[i] == 'e' && (i == word.Length - 1 || i == word.Length - 2 && word[^1] == 's');

    private bool HasSilentEnding(string word)
    {
        var e = word.EndsWith('e') ? word.Length - 1 : word.EndsWith("es", StringComparison.Ordinal) ? word.Length - 2 : -1;
        return e > 0 && !IsVowel(word, e - 1);
    }

    protected override bool IsVowel(string word, int i) => word[i] switch
    {
        // qui, quand; guérir, guerre, gui: the u only shows how to say the consonant.
        'u' => !IsSilentU(word, i, "eéèêiy"),
        // y before a vowel at the start of a word is a consonant (yeux, yaourt); anywhere else it is said as i.
        'y' => i > 0 || word.Length == 1 || !IsVowel(word, 1),
        'a' or 'e' or 'i' or 'o' or 'à' or 'â' or 'ä' or 'é' or 'è' or 'ê' or 'ë' or 'î' or 'ï' or 'ô' or 'ö' or 'û' or 'ù' or 'ü' or 'œ' or 'æ' => true,
        _ => false,
    };
}
