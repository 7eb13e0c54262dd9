using System.Collections.Immutable;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf.Fonts;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>Where a block is laid out: its column and the structure element it belongs to.</summary>
internal readonly record struct Column(double Left, double Width, StructNode Parent, Frame? Frame = null)
{
    public Column Indent(double by, StructNode parent) => this with { Left = Left + by, Width = Width - by, Parent = parent };
}

/// <summary>
/// Turns text into slices: one slice per line, with the keep rules of the kind of text it is.
/// Shared by every block component.
/// </summary>
internal sealed class FlowBuilder(Typography typography, CancellationToken cancellation = default)
{
    public Typography Typography { get; } = typography;

    /// <summary>Stops a render over its time limit; checked between words, so even one enormous paragraph stops.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    public List<Slice> Slices { get; } = [];

    private double _nextGap;
    private bool _followsHeading;

    /// <summary>Sets the gap above the next slice: <paramref name="gap"/>, or a small one right after a heading so it sits with its text.</summary>
    public void BeginBlock(double gap)
    {
        _nextGap = _followsHeading ? Typography.HeadingGapAfter : gap;
        _followsHeading = false;
    }

    public Slice Add(Slice slice, Frame? frame)
    {
        slice.SpaceBefore = Slices.Count == 0 ? 0 : _nextGap;
        slice.Frame ??= frame;
        _nextGap = 0;
        Slices.Add(slice);
        return slice;
    }

    public double BaselineOffset(double size)
    {
        var face = LeafletFonts.Primary(bold: false);
        var lineHeight = Typography.LineHeight(size);
        return ((lineHeight - ((face.Ascender + face.Descender) * size)) / 2) + (face.Ascender * size);
    }

    /// <summary>Lays out text as line slices (not yet added), each item tagged with <paramref name="node"/> or the inline element (link, span) its run is inside.</summary>
    public List<Slice> TextSlices(IEnumerable<TextRun> runs, double size, double left, double width, StructNode? node)
    {
        var lineHeight = Typography.LineHeight(size);
        var baseline = BaselineOffset(size);
        var slices = new List<Slice>();
        foreach (var line in TextLayout.Break(InSpans(runs, node), size, width, Cancellation))
        {
            var slice = new Slice { Height = lineHeight };
            foreach (var fragment in line.Fragments)
            {
                var owner = node is null ? null : fragment.Element ?? node;
                var link = fragment.Element is { Kind: StructKind.Link } element ? element : null;
                slice.Items.Add(new TextItem(owner, left + fragment.X, baseline, fragment.Width, fragment.Text, fragment.Face, fragment.Bold, size, link));
            }
            slices.Add(slice);
        }
        return slices;
    }

    /// <summary>
    /// Each stretch of runs in one other language becomes one Span with that /Lang under <paramref name="node"/>, so a
    /// screen reader switches voice for it and back after it. Artifacts (no node) are never read out, so need none.
    /// </summary>
    private static IEnumerable<TextRun> InSpans(IEnumerable<TextRun> runs, StructNode? node)
    {
        StructNode? span = null;
        foreach (var run in runs)
        {
            if (node is null || run.Language is null || run.Element is not null)
            {
                span = null;
                yield return run;
                continue;
            }
            if (span?.Language != run.Language)
            {
                span = new StructNode(StructKind.Span, node) { Language = run.Language };
            }
            yield return run with { Element = span };
        }
    }

    /// <summary>A paragraph: no line alone at the top (widow) or bottom (orphan) of a page.</summary>
    public void AddParagraph(IEnumerable<TextRun> runs, double size, Column column, StructNode node, double gap)
    {
        var lines = TextSlices(runs, size, column.Left, column.Width, node);
        if (lines.Count >= 2)
        {
            lines[0].KeepWithNext = Keep.Always;
            lines[^2].KeepWithNext = Keep.Always;
        }
        BeginBlock(gap);
        foreach (var line in lines)
        {
            Add(line, column.Frame);
        }
    }

    /// <summary>
    /// A heading keeps all its lines together and with the first lines of what follows (whose own keep rules hold the
    /// first two lines, the first row or the first list line together). One taller than
    /// <see cref="Typography.MaxHeadingHeight"/> is set smaller, a point at a time, rather than broken over pages.
    /// </summary>
    public void AddHeading(IEnumerable<TextRun> runs, int level, Column column, StructNode node)
    {
        var text = runs.ToList();
        var size = Typography.HeadingSize(level);
        var lines = TextSlices(text, size, column.Left, column.Width, node);
        while (lines.Sum(line => line.Height) > Typography.MaxHeadingHeight && size > Typography.MinHeadingSize)
        {
            size = Math.Max(size - 1, Typography.MinHeadingSize);
            lines = TextSlices(text, size, column.Left, column.Width, node);
        }
        BeginBlock(Typography.HeadingGapBefore(level));
        foreach (var line in lines)
        {
            line.KeepWithNext = Keep.Heading;
            Add(line, column.Frame);
        }
        _followsHeading = true;
    }

    /// <summary>Raises every link from <paramref name="from"/> to the last slice but one to at least <paramref name="keep"/>: a row or a box held together.</summary>
    public void Hold(int from, Keep keep)
    {
        for (var i = from; i < Slices.Count - 1; i++)
        {
            Slices[i].HoldAtLeast(keep);
        }
    }

    /// <summary>Stacks slices into one unbreakable slice (a figure with its caption, an easy-read row).</summary>
    public static Slice Merge(IEnumerable<Slice> parts, double minHeight = 0)
    {
        var y = 0.0;
        var merged = new List<PageItem>();
        var first = true;
        foreach (var part in parts)
        {
            y += first ? 0 : part.SpaceBefore;
            first = false;
            merged.AddRange(part.Items.Select(item => item.Offset(0, y)));
            y += part.Height;
        }
        var slice = new Slice { Height = Math.Max(y, minHeight) };
        slice.Items.AddRange(merged);
        return slice;
    }

    public static IEnumerable<TextRun> Runs(ImmutableArray<Inline> inlines, StructNode? parent, bool bold = false)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline text:
                    yield return new TextRun(text.Text, bold, null);
                    break;
                case StrongInline strong:
                    foreach (var run in Runs(strong.Children, parent, bold: true))
                    {
                        yield return run;
                    }
                    break;
                case LinkInline link:
                    foreach (var run in LinkRuns(link, parent, bold))
                    {
                        yield return run;
                    }
                    break;
            }
        }
    }

    /// <summary>Paper cannot be clicked, so the address is printed in full after the link text.</summary>
    private static IEnumerable<TextRun> LinkRuns(LinkInline link, StructNode? parent, bool bold)
    {
        var text = link.Children.PlainText();
        var address = PrintedAddress.Of(link.Href);
        if (address is null || parent is null)
        {
            foreach (var run in Runs(link.Children, parent, bold))
            {
                yield return run;
            }
            yield break;
        }
        var sameAsText = string.Equals(text.Trim(), address, StringComparison.OrdinalIgnoreCase);
        var description = sameAsText ? address : $"{text} ({address})";
        var node = new StructNode(StructKind.Link, parent) { Url = link.Href, AltText = description };
        foreach (var run in Runs(link.Children, parent, bold))
        {
            yield return run with { Element = node };
        }
        if (!sameAsText)
        {
            yield return new TextRun($" ({address})", bold, node);
        }
    }
}
