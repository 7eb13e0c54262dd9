using System.Globalization;
using System.Text;

namespace Leaflets.Content.Loading;

/// <summary>
/// The scripts the PDF renderer can print: Latin, Greek and Cyrillic, the scripts whose letters stand alone, one glyph
/// per character, in Atkinson Hyperlegible and the DejaVu Sans fallback (Rendering/Pdf/Fonts/LeafletFonts). Other
/// scripts need shaping the renderer does not do (joining forms, right-to-left order, reordered vowel signs,
/// conjuncts) or a font it does not carry (CJK): DejaVu Sans has Arabic and Hebrew glyphs, but drawn one by one they
/// would be broken text, so the test is the script of each letter, not whether some font has a glyph for it.
/// Digits, punctuation and symbols are not letters of any script and are left to the fonts.
/// </summary>
internal static class PrintableScripts
{
    public const string Names = "Latin, Greek and Cyrillic";

    // Unicode blocks of those scripts, with the combining marks they use and the letter-like forms beside them.
    private static readonly (int First, int Last)[] Ranges =
    [
        (0x0041, 0x005A), (0x0061, 0x007A), (0x00AA, 0x00AA), (0x00B5, 0x00B5), (0x00BA, 0x00BA),
        (0x00C0, 0x02FF), // Latin-1 letters, Latin Extended-A and B, IPA, spacing modifier letters
        (0x0300, 0x036F), // combining diacritical marks
        (0x0370, 0x03FF), // Greek and Coptic
        (0x0400, 0x052F), // Cyrillic and its supplement
        (0x1AB0, 0x1AFF), (0x1C80, 0x1C8F), (0x1D00, 0x1DFF), (0x1E00, 0x1FFF), // marks, Cyrillic Extended-C, phonetic, Latin Extended Additional, Greek Extended
        (0x2070, 0x209F), (0x20D0, 0x20FF), (0x2100, 0x218F), // super- and subscripts, marks for symbols, letterlike forms
        (0x2C60, 0x2C7F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F), // Latin and Cyrillic extensions
        (0xFB00, 0xFB06), (0xFE20, 0xFE2F), // Latin ligatures, combining half marks
    ];

    /// <summary>The first letter or mark in <paramref name="text"/> outside those scripts, with its 0-based line; null if every one prints.</summary>
    /// <remarks>
    /// Every ASCII letter prints, and no other ASCII character is a letter or mark, so only the characters beyond ASCII
    /// are looked at one by one; the runs of ASCII between them (nearly all of an English leaflet) are skipped and their
    /// line breaks counted with vectorized searches. Looking up every character's category was a third of what loading a
    /// leaflet's bodies cost, which a search whose words are in leaflets' bodies does for a page of them (bench/README, "Scale").
    /// </remarks>
    public static (int Line, Rune Character)? FirstUnprintable(string text)
    {
        var line = 0;
        var rest = text.AsSpan();
        while (rest.IndexOfAnyExceptInRange('\0', '\u007f') is var beyond and >= 0)
        {
            line += rest[..beyond].Count('\n');
            rest = rest[beyond..];
            // An unpaired surrogate decodes as U+FFFD, a symbol, as enumerating the string's runes reads it.
            Rune.DecodeFromUtf16(rest, out var rune, out var consumed);
            if (IsLetterOrMark(rune) && !Prints(rune.Value))
            {
                return (line, rune);
            }
            rest = rest[consumed..];
        }
        return null;
    }

    private static bool IsLetterOrMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool Prints(int codePoint) => Array.Exists(Ranges, range => codePoint >= range.First && codePoint <= range.Last);
}
