namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>
/// The last resort for a slice taller than a page (a table row with a great deal of text at a large
/// size): it is cut between lines of text into parts that each fit a page, so nothing is ever drawn
/// below the bottom margin. Cell borders are drawn around each part.
/// </summary>
internal static class SliceSplitter
{
    public static IEnumerable<Slice> FitToPage(Slice slice, double pageHeight)
    {
        if (slice.Height <= pageHeight)
        {
            yield return slice;
            yield break;
        }
        var texts = slice.Items.OfType<TextItem>().ToList();
        var start = 0.0;
        var first = true;
        while (slice.Height - start > pageHeight)
        {
            var cut = BestCut(texts, start, start + pageHeight);
            yield return Part(slice, start, cut, first, last: false);
            first = false;
            start = cut;
        }
        yield return Part(slice, start, slice.Height, first, last: true);
    }

    /// <summary>The lowest point at or above <paramref name="limit"/> that no line of text crosses.</summary>
    private static double BestCut(List<TextItem> texts, double start, double limit)
    {
        var candidates = texts.Select(t => t.Bottom).Where(b => b > start && b <= limit).OrderDescending();
        foreach (var candidate in candidates)
        {
            if (!texts.Any(t => t.Top < candidate && t.Bottom > candidate))
            {
                return candidate + 1;
            }
        }
        return limit; // no clean cut: a single line taller than a page cannot occur at the sizes offered
    }

    private static Slice Part(Slice slice, double from, double to, bool first, bool last)
    {
        var part = new Slice
        {
            Height = to - from,
            SpaceBefore = first ? slice.SpaceBefore : 0,
            KeepWithNext = last && slice.KeepWithNext,
            RepeatAtPageTop = slice.RepeatAtPageTop,
            Frame = slice.Frame,
        };
        foreach (var item in slice.Items)
        {
            switch (item)
            {
                case TextItem text when text.Top >= from - 0.01 && text.Top < to:
                    part.Items.Add(text.Offset(0, -from));
                    break;
                case RuleItem rule:
                    var top = Math.Max(rule.Y, from);
                    var bottom = Math.Min(rule.Y + rule.Height, to);
                    if (bottom > top || (rule.Height == 0 && rule.Y >= from && rule.Y < to))
                    {
                        part.Items.Add(rule with { Y = top - from, Height = rule.Height == 0 ? 0 : bottom - top });
                    }
                    break;
                case ImageItem or QrItem when first:
                    part.Items.Add(item);
                    break;
            }
        }
        return part;
    }
}
