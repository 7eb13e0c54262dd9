using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Leaflets.Content.Readability;

/// <summary>One sentence as a reader meets it, with its source line and its words.</summary>
public sealed record Sentence(int Line, string Text, ImmutableArray<string> Words);

/// <summary>
/// Splits passages into sentences and words. A sentence ends at '.', '!' or '?' followed by a space and
/// a capital letter or a digit (so "e.g. a scan" and "1.5 mg" do not end one), and always at the end
/// of a passage: a list item or table cell without a full stop is still one thing read on its own.
/// </summary>
internal static class Sentences
{
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
        ["dr", "mr", "mrs", "ms", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "approx", "tel", "ref", "fig"],
        StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<Sentence> Of(TextPassage passage)
    {
        var text = passage.Text;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?') || !EndsSentence(text, i, out var next))
            {
                continue;
            }
            if (Make(passage, start, next) is { } sentence)
            {
                yield return sentence;
            }
            start = next;
            i = next - 1;
        }
        if (Make(passage, start, text.Length) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Words: whitespace-separated tokens with at least one letter or digit ("x-ray", "9", "don't").</summary>
    public static ImmutableArray<string> WordsOf(string text)
        => [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(token => token.Trim('"', '\'', '(', ')', '[', ']', ',', ';', ':', '.', '!', '?', '\u201C', '\u201D', '\u2018', '\u2019'))
            .Where(token => token.Any(char.IsLetterOrDigit))];

    private static bool EndsSentence(string text, int i, out int next)
    {
        next = i + 1;
        while (next < text.Length && text[next] is '.' or '!' or '?' or '"' or '\'' or ')' or '\u201D' or '\u2019')
        {
            next++;
        }
        if (next >= text.Length || !char.IsWhiteSpace(text[next]))
        {
            return false;
        }
        var after = next;
        while (after < text.Length && (char.IsWhiteSpace(text[after]) || text[after] is '"' or '\'' or '(' or '\u201C' or '\u2018'))
        {
            after++;
        }
        if (after >= text.Length || !(char.IsUpper(text[after]) || char.IsDigit(text[after])))
        {
            return false;
        }
        return text[i] != '.' || !IsAbbreviation(text, i);
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }
        var word = text[wordStart..dot].TrimStart('(', '"', '\'');
        // A single capital before a dot is an initial ("Cherny N. and others").
        return Abbreviations.Contains(word) || word.Length == 1 && char.IsUpper(word[0]);
    }

    private static Sentence? Make(TextPassage passage, int start, int end)
    {
        var raw = passage.Text[start..end];
        var words = WordsOf(raw);
        if (words.IsEmpty)
        {
            return null;
        }
        // Soft line breaks inside a paragraph move the sentence down the source file.
        var line = passage.Line + passage.Text.AsSpan(0, start + (raw.Length - raw.TrimStart().Length)).Count('\n');
        return new Sentence(line, string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), words);
    }
}
