namespace Leaflets.Content.Rendering.Pdf.Drawing;

/// <summary>
/// Just enough of PDF's object syntax (ISO 32000 7.3) for <see cref="PdfFinisher"/> to read one object's
/// dictionary from the saved bytes: names, strings, numbers, references, arrays and nested dictionaries are
/// stepped over whole, so bytes inside a string or after the dictionary (a stream) are never taken for a key.
/// </summary>
internal static class PdfSyntax
{
    /// <summary>
    /// The top-level keys and values, in file order, of the dictionary that opens the indirect object at
    /// <paramref name="objectAt"/> ("12 0 obj &lt;&lt; ... &gt;&gt;"). None when the object is not a dictionary.
    /// </summary>
    public static void ReadDictionaryEntries(ReadOnlySpan<byte> pdf, int objectAt, List<(Range Key, Range Value)> entries)
    {
        entries.Clear();
        var at = objectAt;
        for (var token = 0; token < 3; token++)
        {
            at = SkipWhitespace(pdf, SkipObject(pdf, SkipWhitespace(pdf, at)));
        }
        if (!pdf[at..].StartsWith("<<"u8))
        {
            return;
        }
        at += 2;
        while (true)
        {
            at = SkipWhitespace(pdf, at);
            if (at >= pdf.Length || pdf[at] != (byte)'/')
            {
                return;
            }
            var keyEnd = SkipObject(pdf, at);
            var valueAt = SkipWhitespace(pdf, keyEnd);
            var valueEnd = SkipReference(pdf, valueAt, SkipObject(pdf, valueAt));
            entries.Add((at..keyEnd, valueAt..valueEnd));
            at = valueEnd;
        }
    }

    /// <summary>The index just past the object starting at <paramref name="at"/>; always past <paramref name="at"/>, so callers progress.</summary>
    private static int SkipObject(ReadOnlySpan<byte> pdf, int at)
    {
        if (at >= pdf.Length)
        {
            return pdf.Length;
        }
        switch (pdf[at])
        {
            case (byte)'/':
                return SkipRegular(pdf, at + 1);
            case (byte)'(':
                return SkipLiteralString(pdf, at);
            case (byte)'<' when at + 1 < pdf.Length && pdf[at + 1] == (byte)'<':
                return SkipContainer(pdf, at + 2, ">>"u8);
            case (byte)'<':
                var close = pdf[at..].IndexOf((byte)'>');
                return close < 0 ? pdf.Length : at + close + 1;
            case (byte)'[':
                return SkipContainer(pdf, at + 1, "]"u8);
            default:
                return Math.Max(SkipRegular(pdf, at), at + 1);
        }
    }

    private static int SkipContainer(ReadOnlySpan<byte> pdf, int at, ReadOnlySpan<byte> end)
    {
        while (true)
        {
            at = SkipWhitespace(pdf, at);
            if (at >= pdf.Length)
            {
                return pdf.Length;
            }
            if (pdf[at..].StartsWith(end))
            {
                return at + end.Length;
            }
            at = SkipObject(pdf, at);
        }
    }

    /// <summary>Balanced parentheses, with a backslash escaping the byte after it.</summary>
    private static int SkipLiteralString(ReadOnlySpan<byte> pdf, int at)
    {
        var depth = 0;
        for (; at < pdf.Length; at++)
        {
            switch (pdf[at])
            {
                case (byte)'\\':
                    at++;
                    break;
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')' when --depth == 0:
                    return at + 1;
            }
        }
        return pdf.Length;
    }

    /// <summary>After a dictionary value "12", takes in the " 0 R" that makes it a reference.</summary>
    private static int SkipReference(ReadOnlySpan<byte> pdf, int valueAt, int valueEnd)
    {
        if (valueAt >= pdf.Length || !char.IsAsciiDigit((char)pdf[valueAt]))
        {
            return valueEnd;
        }
        var generationAt = SkipWhitespace(pdf, valueEnd);
        if (generationAt >= pdf.Length || !char.IsAsciiDigit((char)pdf[generationAt]))
        {
            return valueEnd;
        }
        var rAt = SkipWhitespace(pdf, SkipRegular(pdf, generationAt));
        return rAt < pdf.Length && pdf[rAt] == (byte)'R' && SkipRegular(pdf, rAt) == rAt + 1 ? rAt + 1 : valueEnd;
    }

    private static int SkipRegular(ReadOnlySpan<byte> pdf, int at)
    {
        var length = pdf[at..].IndexOfAny(Delimiters);
        return length < 0 ? pdf.Length : at + length;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> pdf, int at)
    {
        var length = pdf[at..].IndexOfAnyExcept(Whitespace);
        return length < 0 ? pdf.Length : at + length;
    }

    private static readonly System.Buffers.SearchValues<byte> Whitespace = System.Buffers.SearchValues.Create("\0\t\n\f\r "u8);

    private static readonly System.Buffers.SearchValues<byte> Delimiters = System.Buffers.SearchValues.Create("\0\t\n\f\r ()<>[]{}/%"u8);
}
