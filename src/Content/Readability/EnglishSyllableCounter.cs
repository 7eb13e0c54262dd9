using System.Collections.Frozen;
using System.Text;

namespace Leaflets.Content.Readability;

/// <summary>
/// Counts the syllables of an English word as it is spoken. A heuristic: vowel groups, corrected for
/// silent endings (-e, -es, -ed), for vowel pairs that are spoken as two syllables (cre-ate, di-et,
/// vi-su-al), for -ing after a vowel, and a short list of words no rule gets right. Numbers count as
/// read aloud ("9" is one syllable, "2006" is "two thousand and six"), as Flesch's own counting rules ask.
/// </summary>
internal sealed class EnglishSyllableCounter : ISyllableCounter
{
    public static readonly EnglishSyllableCounter Instance = new();

    private EnglishSyllableCounter()
    {
    }

    // Words that the rules below count wrongly and that patient information uses.
    private static readonly FrozenDictionary<string, int> Irregular = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["area"] = 3, ["areas"] = 3, ["idea"] = 3, ["ideas"] = 3, ["create"] = 2, ["created"] = 3, ["creates"] = 2, ["creating"] = 3,
        ["react"] = 2, ["reaction"] = 3, ["reactions"] = 3, ["real"] = 1, ["really"] = 2, ["theatre"] = 3, ["theatres"] = 3,
        ["being"] = 2, ["every"] = 2, ["everyone"] = 3, ["everything"] = 3, ["everyday"] = 3, ["different"] = 3, ["several"] = 3,
        ["family"] = 3, ["interest"] = 3, ["interested"] = 4, ["evening"] = 2, ["business"] = 2, ["vegetable"] = 4, ["vegetables"] = 4,
        ["recipe"] = 3, ["recipes"] = 3, ["simile"] = 3, ["acne"] = 2, ["anemone"] = 4, ["catastrophe"] = 4, ["epitome"] = 4,
        ["some"] = 1, ["someone"] = 2, ["something"] = 2, ["sometimes"] = 2, ["somewhere"] = 2, ["comes"] = 1, ["become"] = 2,
        ["one"] = 1, ["once"] = 1, ["done"] = 1, ["gone"] = 1, ["none"] = 1, ["whole"] = 1, ["wholly"] = 2,
        ["element"] = 3, ["elements"] = 3, ["poem"] = 2, ["poet"] = 2, ["quiet"] = 2, ["science"] = 2, ["diet"] = 2, ["client"] = 2,
        ["people"] = 2, ["eye"] = 1, ["eyes"] = 1, ["fire"] = 1, ["hour"] = 1, ["hours"] = 1, ["our"] = 1,
        ["use"] = 1, ["used"] = 1, ["uses"] = 2, ["useful"] = 2, ["movement"] = 2, ["measurement"] = 3, ["tablespoon"] = 3,
        ["naive"] = 2, ["maybe"] = 2, ["anyone"] = 3, ["lifetime"] = 2, ["therefore"] = 2, ["whereas"] = 2, ["forearm"] = 2,
        ["wednesday"] = 2, ["colonel"] = 2, ["again"] = 2, ["against"] = 2, ["ageing"] = 2, ["aged"] = 1,
        ["geography"] = 4, ["geographic"] = 4, ["geology"] = 4, ["video"] = 3, ["videos"] = 3, ["radio"] = 3, ["stereo"] = 3,
        ["ion"] = 2, ["lion"] = 2, ["iodine"] = 3, ["biology"] = 4, ["violence"] = 3, ["violent"] = 3, ["pianist"] = 3,
        ["cooperate"] = 4, ["coordinate"] = 4, ["reuse"] = 2, ["reopen"] = 3, ["preoperative"] = 5, ["postoperative"] = 5,
        ["anaesthetic"] = 4, ["anaesthetics"] = 4, ["anaesthetist"] = 4, ["anaesthesia"] = 5, ["oedema"] = 3, ["haemorrhage"] = 3,
        ["oesophagus"] = 4, ["paediatric"] = 4, ["orthopaedic"] = 4, ["leukaemia"] = 4, ["anaemia"] = 4, ["diarrhoea"] = 4,
        ["myeloma"] = 4, ["ago"] = 2, ["diabetes"] = 4, ["orient"] = 3, ["giant"] = 2, ["via"] = 2, ["x"] = 1, ["ray"] = 1, ["rays"] = 1, ["iv"] = 2, ["nhs"] = 3, ["gp"] = 2, ["nice"] = 1,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public int Count(string token)
    {
        var (letters, digits) = Normalise(token);
        if (letters.Length == 0)
        {
            return digits.Length == 0 ? 0 : SpokenNumber.Syllables(digits);
        }
        // A hyphenated compound ("x-ray", "follow-up") is one word of several parts.
        return letters.Split('-', StringSplitOptions.RemoveEmptyEntries).Sum(CountWord) + (digits.Length > 0 ? SpokenNumber.Syllables(digits) : 0);
    }

    private static (string Letters, string Digits) Normalise(string token)
    {
        var letters = new StringBuilder(token.Length);
        var digits = new StringBuilder();
        foreach (var c in token)
        {
            if (char.IsAsciiLetter(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
            else if (c is 'é' or 'è' or 'É')
            {
                letters.Append('e');
            }
            else if (c == '-' && letters.Length > 0)
            {
                letters.Append('-');
            }
            else if (char.IsAsciiDigit(c) && letters.Length == 0)
            {
                digits.Append(c);
            }
        }
        return (letters.ToString().Trim('-'), digits.ToString());
    }

    internal static int CountWord(string word)
    {
        if (Irregular.TryGetValue(word, out var known))
        {
            return known;
        }
        if (word.Length <= 3)
        {
            // Short words are one syllable (the, you, are, use) but for a few in the list above (ago).
            return 1;
        }
        // "-ing" after a stem with a vowel always starts its own syllable: be-ing, go-ing, ly-ing, play-ing.
        foreach (var suffix in (ReadOnlySpan<string>)["ings", "ing"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length > suffix.Length + 1)
            {
                var stem = word[..^suffix.Length];
                if (VowelGroups(stem) > 0)
                {
                    return (Irregular.TryGetValue(stem, out var s) ? s : Math.Max(1, VowelGroups(stem) + SplitVowelPairs(stem))) + 1;
                }
            }
        }

        var count = VowelGroups(word) + SplitVowelPairs(word) - SilentEndings(word);
        return Math.Max(1, count);
    }

    private static bool IsVowel(string word, int i)
    {
        var c = word[i];
        if (c is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            // The u of "qu" is a consonant sound (quick, question).
            return !(c == 'u' && i > 0 && word[i - 1] == 'q');
        }
        if (c != 'y')
        {
            return false;
        }
        // y is a consonant at the start of a word (yes) and after a vowel before another vowel (beyond, player).
        if (i == 0)
        {
            return false;
        }
        // After a vowel, y closes the vowel sound (day, they, player, beyond); after a consonant it is one (my, happy, type).
        return !IsVowel(word, i - 1);
    }

    private static int VowelGroups(string word)
    {
        var groups = 0;
        var inGroup = false;
        for (var i = 0; i < word.Length; i++)
        {
            var vowel = IsVowel(word, i);
            if (vowel && !inGroup)
            {
                groups++;
            }
            inGroup = vowel;
        }
        return groups;
    }

    private static int SplitVowelPairs(string word)
    {
        var extra = 0;
        for (var i = 0; i + 1 < word.Length; i++)
        {
            var pair = word.AsSpan(i, 2);
            var before = i > 0 ? word[i - 1] : ' ';
            var after = i + 2 < word.Length ? word[i + 2] : ' ';
            var rest = word.AsSpan(i);
            extra += pair switch
            {
                // di-al, tri-al, me-di-a; but spe-cial, ini-tial, A-sia, Bel-gian.
                "ia" when before is not ('c' or 't' or 's' or 'g') => 1,
                // ra-di-o, bi-op-sy, pe-ri-od, va-ri-ous; but na-tion, vi-sion, re-gion, pre-cious, mil-lion, o-pin-ion, fash-ion.
                "io" when before is not ('t' or 's' or 'c' or 'g' or 'x' or 'h') && !(rest.StartsWith("ion") && before is 'l' or 'n') => 1,
                // me-di-um, cal-ci-um.
                "iu" => 1,
                // ac-tu-al, u-su-al, vi-su-al; but qual-i-ty, lan-guage (qu is handled as a consonant).
                "ua" when before is not ('g' or 'q') => 1,
                // flu-ent, cru-el, du-et; not con-tin-ue (end), guess or se-quence.
                "ue" when after is 'n' or 'l' or 't' && before is not ('g' or 'q') => 1,
                // ex-pe-ri-ence, di-et; but pa-tient, an-cient, ef-fi-cient, friend.
                "ie" when after is 'n' or 't' && before is not ('c' or 't' or 'f' or 'r') => 1,
                "ie" when after is 'n' && before == 'r' && rest.StartsWith("ienc") => 1,
                // vi-de-o, ne-on; but peo-ple, sur-geon, pi-geon.
                "eo" when before is not ('p' or 'g' or 'c' or 'j') => 1,
                // po-em, po-et-ry.
                "oe" when after is 'm' or 't' => 1,
                _ => 0,
            };
        }
        // con-tin-u-ous, stren-u-ous (per-cu-ta-ne-ous is split by the eo rule above).
        if (word.Contains("uou", StringComparison.Ordinal))
        {
            extra++;
        }
        if (word.EndsWith("ism", StringComparison.Ordinal) || word.EndsWith("isms", StringComparison.Ordinal))
        {
            extra++;
        }
        return extra;
    }

    private static int SilentEndings(string word)
    {
        var n = word.Length;
        bool Consonant(int i) => !IsVowel(word, i);
        // -le after a consonant is its own syllable: ta-ble, peo-ple, han-dled, ta-bles (but called, fills).
        if (word.EndsWith("le", StringComparison.Ordinal) && Consonant(n - 3)
            || (word.EndsWith("les", StringComparison.Ordinal) || word.EndsWith("led", StringComparison.Ordinal)) && n > 3 && Consonant(n - 4) && word[n - 4] != 'l')
        {
            return 0;
        }
        // Silent e before a common suffix: safe-ly, care-ful, man-age-ment, use-less, like-ness.
        foreach (var suffix in (ReadOnlySpan<string>)["ly", "ful", "ment", "ments", "less", "ness"])
        {
            var e = n - suffix.Length - 1;
            if (word.EndsWith("e" + suffix, StringComparison.Ordinal) && e >= 2 && Consonant(e - 1) && word[e - 1] != 'l')
            {
                return 1;
            }
        }
        // tongue, league, technique.
        if (word.EndsWith("gue", StringComparison.Ordinal) || word.EndsWith("que", StringComparison.Ordinal))
        {
            return 1;
        }
        if (word[n - 1] == 'e' && Consonant(n - 2))
        {
            return 1;
        }
        // -es is silent except after a hissing sound (plac-es, us-es, box-es, church-es, pag-es).
        if (word.EndsWith("es", StringComparison.Ordinal) && Consonant(n - 3) && word[n - 3] is not ('s' or 'x' or 'z' or 'c' or 'g')
            && !word.EndsWith("shes", StringComparison.Ordinal) && !word.EndsWith("ches", StringComparison.Ordinal))
        {
            return 1;
        }
        // -ed is silent except after t or d (want-ed, need-ed).
        if (word.EndsWith("ed", StringComparison.Ordinal) && Consonant(n - 3) && word[n - 3] is not ('t' or 'd'))
        {
            return 1;
        }
        return 0;
    }
}
