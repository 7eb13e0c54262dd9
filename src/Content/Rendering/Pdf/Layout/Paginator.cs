namespace Leaflets.Content.Rendering.Pdf.Layout;

internal sealed record PlacedSlice(Slice Slice, double Top, bool IsRepeat = false);

/// <summary>
/// Distributes slices over pages of a fixed content height. Slices held to each other (<see cref="Keep"/>) form a
/// group; a group that does not fit in what is left of a page moves whole to the next page, unless it may not (a row
/// that would leave more than <see cref="MaxGapShare"/> of the page empty) or cannot (taller than a page): then it is
/// broken at its weakest links and each part is placed the same way. A picture that would move and leave that large a
/// gap is drawn smaller instead when it can be (<see cref="Slice.Shrink"/>), and a page is not closed with fewer than
/// <see cref="MinLines"/> lines while lines can fill it. A slice taller than any page is cut
/// between lines so that it fills the page it starts on. More pages than <c>maxPages</c> throws
/// <see cref="PrintTooLongException"/> as soon as the first page over the limit is started.
/// </summary>
internal static class Paginator
{
    /// <summary>
    /// The most of a page a picture or picture row may leave empty by moving to the next page. A page more empty than
    /// this looks like the end of the leaflet, and at large sizes costs a page in every few (the easy read at 18 pt A4
    /// left 40% of page 1 blank to keep a row whole).
    /// </summary>
    public const double MaxGapShare = 0.3;

    /// <summary>
    /// No page but the last holds fewer lines of text than this unless it holds a picture: a page with a line or two
    /// reads as a mistake, and costs a sheet of paper for almost nothing.
    /// </summary>
    public const int MinLines = 3;

    public static List<List<PlacedSlice>> Paginate(
        IReadOnlyList<Slice> input, double contentTop, double contentHeight, int maxPages = int.MaxValue, CancellationToken cancellation = default)
    {
        var pager = new Pager(input, contentTop, contentHeight, maxPages, cancellation);
        pager.Place(0, input.Count - 1, Keep.Row);
        return pager.Pages;
    }

    private sealed class Pager(IReadOnlyList<Slice> input, double contentTop, double contentHeight, int maxPages, CancellationToken cancellation)
    {
        private readonly List<Slice> _slices = [.. input];
        private double _y;

        public List<List<PlacedSlice>> Pages { get; } = [[]];

        private bool AtTop => Pages[^1].Count == 0;

        private double Room => contentHeight - _y;

        private int _lines;
        private bool _picture;

        /// <summary>
        /// A page with fewer than <see cref="MinLines"/> lines of text and no picture: rather than close it, a picture row
        /// or plain text is broken at its weaker links to fill it; a box or what a heading holds is not (those rules come first).
        /// </summary>
        private bool Sparse => _lines < MinLines && !_picture;

        /// <summary>
        /// Places slices <paramref name="from"/> to <paramref name="to"/> (inclusive) as groups held at
        /// <paramref name="level"/> or firmer; returns where <paramref name="to"/> ended up, as cutting a slice inserts one.
        /// </summary>
        public int Place(int from, int to, Keep level)
        {
            var i = from;
            while (i <= to)
            {
                cancellation.ThrowIfCancellationRequested();
                var end = i;
                while (end < to && _slices[end].KeepWithNext >= level)
                {
                    end++;
                }
                var added = PlaceGroup(i, end, level);
                to += added;
                i = end + added + 1;
            }
            return to;
        }

        /// <summary>Places one group; returns how many slices cutting inserted.</summary>
        private int PlaceGroup(int from, int to, Keep level)
        {
            if (Height(from, to, AtTop) <= Room)
            {
                return PlaceEach(from, to);
            }
            var gapTooLarge = !AtTop && Room >= MaxGapShare * contentHeight;
            if (level == Keep.Row && gapTooLarge)
            {
                return Place(from, to, Keep.Box) - to;
            }
            if (gapTooLarge && TryShrink(from, to, Room, AtTop))
            {
                return PlaceEach(from, to);
            }
            var pageRoom = contentHeight - (Repeats(from) ? _slices[from].RepeatAtPageTop!.Height : 0);
            var fitsOnNextPage = Height(from, to, atTop: true) <= pageRoom;
            if (!AtTop && fitsOnNextPage && (!Sparse || level >= Keep.Box))
            {
                NewPage();
                return PlaceEach(from, to);
            }
            if (!fitsOnNextPage && TryShrink(from, to, pageRoom, atTop: true))
            {
                // Taller than a page, but whole once its picture is drawn smaller: better than breaking it.
                if (!AtTop)
                {
                    NewPage();
                }
                return PlaceEach(from, to);
            }
            return level < Keep.Heading ? Place(from, to, level + 1) - to : PlaceEach(from, to);
        }

        /// <summary>Draws the first picture in the group that can be drawn small enough for the group to fit <paramref name="room"/>.</summary>
        private bool TryShrink(int from, int to, double room, bool atTop)
        {
            var excess = Height(from, to, atTop) - room;
            for (var i = from; i <= to; i++)
            {
                var slice = _slices[i];
                if (slice.Shrink?.Invoke(slice.Height - excess) is { } smaller)
                {
                    smaller.SpaceBefore = slice.SpaceBefore;
                    smaller.KeepWithNext = slice.KeepWithNext;
                    smaller.RepeatAtPageTop = slice.RepeatAtPageTop;
                    smaller.Frame = slice.Frame;
                    _slices[i] = smaller;
                    return true;
                }
            }
            return false;
        }

        /// <summary>Places slices one by one, starting a page where the next does not fit and cutting any taller than a page.</summary>
        private int PlaceEach(int from, int to)
        {
            var added = 0;
            for (var i = from; i <= to + added; i++)
            {
                var slice = _slices[i];
                var gap = AtTop ? 0 : slice.SpaceBefore;
                var capacity = contentHeight - (slice.RepeatAtPageTop?.Height ?? 0);
                if (slice.Height > capacity)
                {
                    var split = SliceSplitter.Split(slice, AtTop ? capacity : Room - gap);
                    if (split is null && !AtTop)
                    {
                        // Nothing of it fits here: it starts the next page, with whatever on this page holds to it.
                        var held = CarryOver();
                        NewPage();
                        foreach (var placed in held)
                        {
                            _y += AtTop ? 0 : placed.Slice.SpaceBefore;
                            Pages[^1].Add(placed with { Top = contentTop + _y });
                            _y += placed.Slice.Height;
                            _lines += Lines(placed.Slice);
                            _picture |= HasPicture(placed.Slice);
                        }
                        gap = AtTop ? 0 : slice.SpaceBefore;
                        split = SliceSplitter.Split(slice, AtTop ? capacity : Room - gap)
                            ?? (AtTop ? null : SliceSplitter.Split(slice, capacity));
                    }
                    if (split is { } parts)
                    {
                        _slices[i] = slice = parts.Head;
                        _slices.Insert(i + 1, parts.Tail);
                        added++;
                    }
                }
                if (!AtTop && gap + slice.Height > Room)
                {
                    NewPage();
                    gap = 0;
                }
                if (AtTop && Repeats(i))
                {
                    Pages[^1].Add(new PlacedSlice(slice.RepeatAtPageTop!, contentTop, IsRepeat: true));
                    _y += slice.RepeatAtPageTop!.Height;
                }
                _y += gap;
                Pages[^1].Add(new PlacedSlice(slice, contentTop + _y));
                _y += slice.Height;
                _lines += Lines(slice);
                _picture |= HasPicture(slice);
            }
            return added;
        }

        /// <summary>
        /// Takes off the end of the page the slices held to what comes next (a table header, a heading), unless they
        /// are all the page holds, spaced as they would be at the top of the next page.
        /// </summary>
        private List<PlacedSlice> CarryOver()
        {
            var page = Pages[^1];
            var count = 0;
            while (count < page.Count - 1 && !page[^(count + 1)].IsRepeat && page[^(count + 1)].Slice.KeepWithNext >= Keep.Always)
            {
                count++;
            }
            var held = page.GetRange(page.Count - count, count);
            page.RemoveRange(page.Count - count, count);
            return held;
        }

        /// <summary>Whether slice <paramref name="i"/> starting a page repeats something above it: it continues the table or box before it.</summary>
        private bool Repeats(int i) => _slices[i].RepeatAtPageTop is { } repeat && i > 0 && _slices[i - 1].RepeatAtPageTop == repeat;

        private void NewPage()
        {
            FillSparsePage();
            if (Pages.Count == maxPages)
            {
                throw new PrintTooLongException(maxPages);
            }
            Pages.Add([]);
            _y = 0;
            _lines = 0;
            _picture = false;
        }

        /// <summary>
        /// Before a page with fewer than <see cref="MinLines"/> lines and no picture is closed (what comes next could
        /// not join it), lines move down to it from the end of the page before, one at a time, while that page keeps
        /// <see cref="MinLines"/>, the line is plain text outside a box, and nothing holds it to the line above it.
        /// </summary>
        private void FillSparsePage()
        {
            if (Pages.Count < 2 || Pages[^1].Any(p => p.IsRepeat))
            {
                return;
            }
            var previous = Pages[^2];
            var page = Pages[^1];
            while (Sparse && previous.Count >= 2)
            {
                var line = previous[^1].Slice;
                var above = previous[^2].Slice;
                var shift = line.Height + page[0].Slice.SpaceBefore;
                if (line.Frame is not null || HasPicture(line) || Lines(line) == 0 || above.KeepWithNext >= Keep.Always || line.KeepWithNext == Keep.Heading
                    || previous.Sum(p => Lines(p.Slice)) - Lines(line) < MinLines || _y + shift > contentHeight)
                {
                    return;
                }
                previous.RemoveAt(previous.Count - 1);
                var moved = page.Select(p => p with { Top = p.Top + shift }).Prepend(new PlacedSlice(line, contentTop)).ToList();
                page.Clear();
                page.AddRange(moved);
                _y += shift;
                _lines += Lines(line);
            }
        }

        /// <summary>The lines of tagged text in a slice: its distinct baselines (a table row's cells share them). Counted per slice placed, so no allocation.</summary>
        private static int Lines(Slice slice)
        {
            var items = slice.Items;
            var count = 0;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is TextItem { Node: not null } text && !SeenBefore(items, i, text.Baseline))
                {
                    count++;
                }
            }
            return count;
        }

        private static bool SeenBefore(List<PageItem> items, int index, double baseline)
        {
            for (var i = 0; i < index; i++)
            {
                if (items[i] is TextItem { Node: not null } text && text.Baseline == baseline)
                {
                    return true;
                }
            }
            return false;
        }

        private static bool HasPicture(Slice slice)
        {
            foreach (var item in slice.Items)
            {
                if (item is ImageItem or QrItem)
                {
                    return true;
                }
            }
            return false;
        }

        private double Height(int from, int to, bool atTop)
        {
            var height = 0.0;
            for (var i = from; i <= to; i++)
            {
                height += _slices[i].Height + (i == from && atTop ? 0 : _slices[i].SpaceBefore);
            }
            return height;
        }
    }
}
