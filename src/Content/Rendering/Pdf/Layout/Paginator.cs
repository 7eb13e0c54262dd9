namespace Leaflets.Content.Rendering.Pdf.Layout;

internal sealed record PlacedSlice(Slice Slice, double Top, bool IsRepeat = false);

/// <summary>
/// Distributes slices over pages of a fixed content height, honouring keep-with-next chains: a chain
/// that does not fit in what is left of a page moves whole to the next page, unless it could not fit
/// on any page, in which case it breaks where it must. A slice taller than any page is cut between
/// lines so that it fills the page it starts on. More pages than <c>maxPages</c> throws
/// <see cref="PrintTooLongException"/> as soon as the first page over the limit is started.
/// </summary>
internal static class Paginator
{
    public static List<List<PlacedSlice>> Paginate(
        IReadOnlyList<Slice> input, double contentTop, double contentHeight, int maxPages = int.MaxValue, CancellationToken cancellation = default)
    {
        var slices = input.ToList();
        var pages = new List<List<PlacedSlice>> { new() };
        var y = 0.0;
        var index = 0;
        List<PlacedSlice> NewPage()
        {
            if (pages.Count == maxPages)
            {
                throw new PrintTooLongException(maxPages);
            }
            pages.Add([]);
            y = 0;
            return pages[^1];
        }
        while (index < slices.Count)
        {
            cancellation.ThrowIfCancellationRequested();
            var chainEnd = index;
            while (chainEnd < slices.Count - 1 && slices[chainEnd].KeepWithNext)
            {
                chainEnd++;
            }
            var atTop = pages[^1].Count == 0;
            var chainHeight = ChainHeight(slices, index, chainEnd, atTop);
            var freshPageHeight = ChainHeight(slices, index, chainEnd, atTop: true) + (slices[index].RepeatAtPageTop?.Height ?? 0);
            if (!atTop && y + chainHeight > contentHeight && freshPageHeight <= contentHeight)
            {
                NewPage();
            }
            for (var i = index; i <= chainEnd; i++)
            {
                var slice = slices[i];
                var page = pages[^1];
                var gap = page.Count == 0 ? 0 : slice.SpaceBefore;
                var capacity = contentHeight - (slice.RepeatAtPageTop?.Height ?? 0);
                if (slice.Height > capacity)
                {
                    var available = page.Count == 0 ? capacity : contentHeight - y - gap;
                    var split = SliceSplitter.Split(slice, available);
                    if (split is null && page.Count > 0)
                    {
                        split = SliceSplitter.Split(slice, capacity);
                    }
                    if (split is { } parts)
                    {
                        slices[i] = slice = parts.Head;
                        slices.Insert(i + 1, parts.Tail);
                        chainEnd++;
                    }
                }
                if (page.Count > 0 && y + gap + slice.Height > contentHeight)
                {
                    page = NewPage();
                    gap = 0;
                }
                if (page.Count == 0 && slice.RepeatAtPageTop is { } header && i > 0 && slices[i - 1].RepeatAtPageTop == header)
                {
                    page.Add(new PlacedSlice(header, contentTop, IsRepeat: true));
                    y += header.Height;
                }
                y += gap;
                page.Add(new PlacedSlice(slice, contentTop + y));
                y += slice.Height;
            }
            index = chainEnd + 1;
        }
        return pages;
    }

    private static double ChainHeight(IReadOnlyList<Slice> slices, int from, int to, bool atTop)
    {
        var height = 0.0;
        for (var i = from; i <= to; i++)
        {
            height += slices[i].Height + (i == from && atTop ? 0 : slices[i].SpaceBefore);
        }
        return height;
    }
}
