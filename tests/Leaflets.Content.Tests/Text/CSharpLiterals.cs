using System.Text;

namespace Leaflets.Content.Tests.Text;

/// <summary>One string literal in C# source: where it starts, its line, its words (each interpolation hole as "x").</summary>
public sealed record CSharpLiteral(int Start, int End, int Line, string Value, bool IsRaw);

/// <summary>
/// The string literals of a C# file, found with just enough of the language to be sure what is a literal: comments
/// (including doc comments), char literals, regular, verbatim, interpolated (holes read as code, so literals nested in
/// them are found too) and raw literals. <see cref="Code"/> is the source with comments and the text of every literal
/// blanked, positions kept, so a caller can read the code around a literal without brackets inside strings or comments
/// misleading it. Preprocessor lines are read as code, which is harmless for finding literals.
/// </summary>
public sealed class CSharpLiterals
{
    private readonly string _source;
    private readonly char[] _code;
    private readonly List<CSharpLiteral> _literals = [];

    private CSharpLiterals(string source)
    {
        _source = source;
        _code = source.ToCharArray();
        var end = ReadCode(0, inHole: false);
        if (end != source.Length)
        {
            throw new FormatException($"Unbalanced '}}' at offset {end}.");
        }
    }

    public IReadOnlyList<CSharpLiteral> Literals => _literals;

    public string Code => new(_code);

    public static CSharpLiterals Read(string source) => new(source);

    /// <summary>Reads code from <paramref name="at"/>; in a hole, stops at (and returns the index of) its closing brace.</summary>
    private int ReadCode(int at, bool inHole)
    {
        var depth = 0;
        while (at < _source.Length)
        {
            var c = _source[at];
            if (c == '/' && Peek(at + 1) == '/')
            {
                var end = _source.IndexOf('\n', at);
                at = Blank(at, end < 0 ? _source.Length : end);
            }
            else if (c == '/' && Peek(at + 1) == '*')
            {
                var end = _source.IndexOf("*/", at + 2, StringComparison.Ordinal);
                at = Blank(at, end < 0 ? _source.Length : end + 2);
            }
            else if (c == '\'')
            {
                at = ReadChar(at);
            }
            else if (StringPrefixLength(at) is var prefix and >= 0)
            {
                at = ReadString(at, prefix);
            }
            else if (c == '{')
            {
                depth++;
                at++;
            }
            else if (c == '}')
            {
                if (inHole && depth == 0)
                {
                    return at;
                }
                depth--;
                at++;
            }
            else
            {
                at++;
            }
        }
        return at;
    }

    private char Peek(int at) => at < _source.Length ? _source[at] : '\0';

    /// <summary>The number of '$' and '@' before a literal's first quote at <paramref name="at"/>, or -1 if none starts there.</summary>
    private int StringPrefixLength(int at)
    {
        if (at > 0 && (char.IsLetterOrDigit(_source[at - 1]) || _source[at - 1] == '_'))
        {
            return -1; // the end of an identifier, not a prefix
        }
        var length = 0;
        while (Peek(at + length) is '$' or '@')
        {
            length++;
        }
        return Peek(at + length) == '"' ? length : -1;
    }

    private int ReadChar(int at)
    {
        var end = at + 1;
        if (Peek(end) == '\\')
        {
            end++;
        }
        end = _source.IndexOf('\'', end + 1);
        return Blank(at + 1, end) + 1;
    }

    private int ReadString(int start, int prefixLength)
    {
        var prefix = _source.AsSpan(start, prefixLength);
        var interpolated = prefix.Contains('$');
        var verbatim = prefix.Contains('@');
        var at = start + prefixLength;
        var quotes = 0;
        while (Peek(at + quotes) == '"')
        {
            quotes++;
        }
        if (quotes >= 3)
        {
            // Raw: ends at the next run of as many quotes. Holes are not read: raw literals hold markup (CSS, XMP).
            var close = _source.IndexOf(new string('"', quotes), at + quotes, StringComparison.Ordinal);
            var end = close + quotes;
            Add(start, end, _source[(at + quotes)..close], isRaw: true);
            Blank(at + quotes, close);
            return end;
        }

        var value = new StringBuilder();
        at++;
        while (at < _source.Length)
        {
            var c = _source[at];
            if (c == '"' && verbatim && Peek(at + 1) == '"')
            {
                value.Append('"');
                Blank(at, at + 2);
                at += 2;
            }
            else if (c == '"')
            {
                Add(start, at + 1, value.ToString(), isRaw: false);
                return at + 1;
            }
            else if (c == '\\' && !verbatim)
            {
                value.Append(Peek(at + 1) switch { 'n' or 'r' or 't' => ' ', var escaped => escaped });
                Blank(at, at + 2);
                at += 2;
            }
            else if (interpolated && c == '{' && Peek(at + 1) == '{')
            {
                value.Append('{');
                Blank(at, at + 2);
                at += 2;
            }
            else if (interpolated && c == '{')
            {
                value.Append('x');
                at = ReadCode(at + 1, inHole: true) + 1;
            }
            else
            {
                value.Append(c);
                _code[at] = ' ';
                at++;
            }
        }
        throw new FormatException($"A string starting at offset {start} is not closed.");
    }

    private void Add(int start, int end, string value, bool isRaw)
    {
        var line = 1 + _source.AsSpan(0, start).Count('\n');
        _literals.Add(new CSharpLiteral(start, end, line, value, isRaw));
    }

    /// <summary>Blanks [from, to) in <see cref="Code"/>, keeping line breaks; returns <paramref name="to"/>.</summary>
    private int Blank(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (_code[i] != '\n')
            {
                _code[i] = ' ';
            }
        }
        return to;
    }
}
