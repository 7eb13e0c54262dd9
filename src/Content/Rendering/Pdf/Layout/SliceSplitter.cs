namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>
/// The last resort for a slice taller than a page (a table row with a great deal of text at a large
/// size): it is cut between lines of text, so nothing is ever drawn below the bottom margin.
/// Cell borders are drawn around each part.
/// </summary>
internal static class SliceSplitter
{
    /// <summary>
    /// Cuts <paramref name="slice"/> so that the head is at most <paramref name="maxHeadHeight"/> tall,
    /// at the lowest point no line of text crosses; null when not even one line fits.
    /// </summary>
    public static (Slice Head, Slice Tail)? Split(Slice slice, double maxHeadHeight)
    {
        var texts = slice.Items.OfType<TextItem>().ToList();
        var cut = texts
            .Select(t => t.Bottom + 1)
            .Where(c => c <= maxHeadHeight && !texts.Any(t => t.Top < c && t.Bottom > c))
            .DefaultIfEmpty(0)
            .Max();
        if (cut <= 0 || !texts.Any(t => t.Top >= cut))
        {
            return null;
        }
        return (Part(slice, 0, cut, first: true), Part(slice, cut, slice.Height, first: false));
    }

    private static Slice Part(Slice slice, double from, double to, bool first)
    {
        var part = new Slice
        {
            Height = to - from,
            SpaceBefore = first ? slice.SpaceBefore : 0,
            KeepWithNext = !first && slice.KeepWithNext,
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
