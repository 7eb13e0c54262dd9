namespace Leaflets.Content.Readability;

/// <summary>
/// French syllables as they are spoken, the unit Flesch counted and his adaptations kept (whether Kandel and Moles
/// counted a final mute e we could not confirm, so we follow speech): a run of vowel letters is one syllable, because
/// French writes one sound with several letters (eau, ou, ai, oi, eu) and says i, u and ou before another vowel as a
/// glide (pied, nuit, ouest, na-tion, pa-tient). A run splits only where the spelling marks two sounds
/// (<see cref="SplitsBefore"/>). A final e or es after a consonant is silent (por-te, ta-ble, mé-de-cine) unless it is
/// the only vowel (le, de, les).
/// Known limits: the silent -ent of a plural verb (ils mangent) is counted, because only grammar tells it from the
/// spoken -ent of moment or patient; and a few words split vowels their spelling does not mark (pa-ys, so-ci-é-té count
/// one short).
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
        // A diaeresis says "a vowel of its own": na-ïf, No-ël.
        return vowel is 'ï' or 'ë' or 'ü'
            // é, è, ê after a vowel (po-é-sie, ré-é-crire); but i before them is a glide (pièce, infir-mière, pi-tié).
            || IsAccentedE(vowel) && before != 'i'
            // é before a vowel (ré-a-ni-ma-tion, gé-o-gra-phie); but the silent e of i-dée and cré-ées goes with it.
            || IsAccentedE(before) && !IsSilentFinalE(word, i)
            // y between vowels is said as two i, closing one syllable and opening the next: voy-age, es-sa-yer.
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
