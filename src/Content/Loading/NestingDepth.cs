namespace Leaflets.Content.Loading;

/// <summary>
/// Finds the first line of a Markdown body nested deeper than <see cref="ContentLimits.MaxNestingDepth"/>, before the
/// body reaches Markdig: its parser recurses per level (and gives up with an exception deep down), so thousands of
/// levels would cost time and stack before any rule could name the line. Counted per line: block quote markers,
/// list items open at that indentation, and unclosed <c>[</c> brackets in the paragraph so far. A close
/// approximation of CommonMark's containers is enough, because the format allows only two levels.
/// </summary>
internal static class NestingDepth
{
    public static (int Line, int Depth)? FirstTooDeep(string body)
    {
        var lists = new Stack<int>(); // the content column of each open list item
        var brackets = 0;
        var lineNumber = 0;
        foreach (var line in body.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                brackets = 0; // a blank line ends the paragraph, and any link in it
                continue;
            }
            var at = 0;
            var lead = Indentation(line, ref at);
            while (lists.Count > 0 && lists.Peek() > lead)
            {
                lists.Pop(); // a line indented less than an item's content closes that item
            }
            var quotes = 0;
            while (at < line.Length && line[at] == '>')
            {
                quotes++;
                at++;
                Indentation(line, ref at);
            }
            var column = lead;
            while (lists.Count + quotes <= ContentLimits.MaxNestingDepth && ListMarkerWidth(line, at) is { } width)
            {
                at += width;
                column += width + Indentation(line, ref at);
                lists.Push(column);
            }
            for (var i = at; i < line.Length; i++)
            {
                switch (line[i])
                {
                    case '\\':
                        i++;
                        break;
                    case '[':
                        brackets++;
                        break;
                    case ']' when brackets > 0:
                        brackets--;
                        break;
                }
            }
            var depth = Math.Max(lists.Count + quotes, brackets);
            if (depth > ContentLimits.MaxNestingDepth)
            {
                return (lineNumber, depth);
            }
        }
        return null;
    }

    private static int Indentation(string line, ref int at)
    {
        var columns = 0;
        while (at < line.Length && line[at] is ' ' or '\t')
        {
            columns += line[at] == '\t' ? 4 - (columns % 4) : 1;
            at++;
        }
        return columns;
    }

    /// <summary>The width of a list marker at <paramref name="at"/> with the space after it ("- ", "12. "), or null.</summary>
    private static int? ListMarkerWidth(string line, int at)
    {
        var end = at;
        if (end < line.Length && line[end] is '-' or '*' or '+')
        {
            end++;
        }
        else
        {
            while (end < line.Length && end - at < 9 && char.IsAsciiDigit(line[end]))
            {
                end++;
            }
            if (end == at || end >= line.Length || line[end] is not ('.' or ')'))
            {
                return null;
            }
            end++;
        }
        if (end < line.Length && line[end] is not (' ' or '\t'))
        {
            return null;
        }
        return end - at + 1;
    }
}
