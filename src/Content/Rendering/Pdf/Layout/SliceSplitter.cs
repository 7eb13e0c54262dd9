namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>
/// The last resort for a slice taller than a page (a table row with a great deal of text at a large
/// size): it is cut between lines of text and never through a picture, so nothing is ever drawn below the bottom margin.
/// Cell borders are drawn around each part.
/// </summary>
internal static class SliceSplitter
{
    /// <summary>
    /// Cuts <paramref name="slice"/> so that the head is at most <paramref name="maxHeadHeight"/> tall,
    /// at the lowest point no line of text or picture crosses, leaving at least two lines above as a paragraph does and
    /// <see cref="Paginator.MinLines"/> below, so a page holding only the rest is not near empty (when it has that many);
    /// null when no such point fits.
    /// </summary>
    public static (Slice Head, Slice Tail)? Split(Slice slice, double maxHeadHeight)
    {
        var texts = slice.Items.OfType<TextItem>().ToList();
        var pictures = slice.Items.Select(Extent).OfType<(double Top, double Bottom)>().ToList();
        var lines = texts.Select(t => Math.Round(t.Top, 1)).Distinct().ToList();
        var cut = texts
            .Select(t => t.Bottom + 1)
            .Where(c => c <= maxHeadHeight && !texts.Any(t => t.Top < c && t.Bottom > c) && !pictures.Any(p => p.Top < c && p.Bottom > c))
            .Where(c => lines.Count < 2 + Paginator.MinLines || (lines.Count(top => top < c) >= 2 && lines.Count(top => top >= c) >= Paginator.MinLines))
            .DefaultIfEmpty(0)
            .Max();
        if (cut <= 0 || !texts.Any(t => t.Top >= cut))
        {
            return null;
        }
        return (Part(slice, 0, cut, first: true), Part(slice, cut, slice.Height, first: false));
    }

    /// <summary>A picture's top and bottom: it is never cut, so it goes whole into the part it starts in.</summary>
    private static (double Top, double Bottom)? Extent(PageItem item) => item switch
    {
        ImageItem image => (image.Y, image.Y + image.Height),
        QrItem qr => (qr.Y, qr.Y + qr.Size),
        _ => null,
    };

    private static Slice Part(Slice slice, double from, double to, bool first)
    {
        var part = new Slice
        {
            Height = to - from,
            SpaceBefore = first ? slice.SpaceBefore : 0,
            KeepWithNext = first ? Keep.None : slice.KeepWithNext,
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
                case ImageItem or QrItem when Extent(item) is { } extent && extent.Top >= from - 0.01 && extent.Top < to:
                    part.Items.Add(item.Offset(0, -from));
                    break;
            }
        }
        return part;
    }
}
