using System.Globalization;
using System.Text;

namespace Leaflets.Content.Readability;

/// <summary>
/// What the Spanish, German and French counters share: their spelling shows every spoken vowel, so a syllable is a
/// group of vowel letters, and each language says which vowels run together into one syllable and which letters are
/// silent. A token is split into words at anything that is not a letter: hyphens ("peut-être") and apostrophes
/// ("l'hôpital", where "l" has no vowel and adds nothing) as well as clinging punctuation.
/// </summary>
internal abstract class SpelledSyllableCounter : ISyllableCounter
{
    public int Count(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var syllables = 0;
        var hasLetters = false;
        var word = new StringBuilder();
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
                hasLetters = true;
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // A combining accent (text not in composed form) belongs to the letter before it.
                continue;
            }
            syllables += Flush(word);
            if (char.IsAsciiDigit(c))
            {
                // Numbers are not spelled out in these languages (that would take a number speller per language):
                // each digit counts as one syllable, a rough reading that neither drops numbers nor spells them out.
                syllables++;
            }
        }
        syllables += Flush(word);
        // Letters without a vowel are still read ("mg", "TSH"): at least one syllable.
        return hasLetters ? Math.Max(1, syllables) : syllables;
    }

    private int Flush(StringBuilder word)
    {
        if (word.Length == 0)
        {
            return 0;
        }
        var syllables = CountWord(word.ToString());
        word.Clear();
        return syllables;
    }

    /// <summary>The syllables of one lower-case word of letters only; 0 when it has no vowel (the "l" of "l'hôpital").</summary>
    internal abstract int CountWord(string word);

    /// <summary>The maximal runs of vowels in <paramref name="word"/>, as (start, length), by the language's own idea of a vowel.</summary>
    protected IEnumerable<(int Start, int Length)> VowelRuns(string word)
    {
        var start = -1;
        for (var i = 0; i < word.Length; i++)
        {
            if (IsVowel(word, i))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
        if (start >= 0)
        {
            yield return (start, word.Length - start);
        }
    }

    protected abstract bool IsVowel(string word, int i);

    /// <summary>The u of "qu" is never a vowel in these languages (que, Quelle, quand); nor the u of "gu" before e or i where the language keeps it silent.</summary>
    protected static bool IsSilentU(string word, int i, string frontVowels)
        => word[i] == 'u' && i > 0 && (word[i - 1] == 'q' || word[i - 1] == 'g' && i + 1 < word.Length && frontVowels.Contains(word[i + 1], StringComparison.Ordinal));
}
