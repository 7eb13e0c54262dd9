using System.Collections.Immutable;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf.Fonts;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>
/// Something drawn on a page. <see cref="Node"/> is the innermost structure element it belongs to;
/// null marks an artifact (decoration, footer, repeated table header) that screen readers skip.
/// Coordinates are points from the top-left of the page once placed, from the slice's top before.
/// </summary>
internal abstract record PageItem(StructNode? Node)
{
    public abstract PageItem Offset(double dx, double dy);
}

internal sealed record TextItem(StructNode? Node, double X, double Baseline, double Width, string Text, FontFace Face, bool Bold, double Size, StructNode? Link)
    : PageItem(Node)
{
    public override PageItem Offset(double dx, double dy) => this with { X = X + dx, Baseline = Baseline + dy };

    public double Top => Baseline - (Face.Ascender * Size);

    public double Bottom => Baseline + (Face.Descender * Size);
}

internal sealed record ImageItem(StructNode? Node, double X, double Y, double Width, double Height, LeafletImage Image)
    : PageItem(Node)
{
    public override PageItem Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>A QR code drawn as vector squares, so it prints sharp at any size.</summary>
internal sealed record QrItem(StructNode? Node, double X, double Y, double Size, ImmutableArray<ImmutableArray<bool>> Modules)
    : PageItem(Node)
{
    public override PageItem Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>A stroked rectangle or line (callout border, table rules, footer rule); always an artifact.</summary>
internal sealed record RuleItem(double X, double Y, double Width, double Height, double Thickness)
    : PageItem((StructNode?)null)
{
    public override PageItem Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>
/// How firmly a slice holds to the one after it, weakest first. <see cref="Paginator"/> keeps a group of slices held
/// at one strength on one page when it can, and when it cannot, breaks it only at its weaker links.
/// </summary>
internal enum Keep
{
    None,

    /// <summary>
    /// A picture row: moves whole to the next page only if that leaves less than <see cref="Paginator.MaxGapShare"/>
    /// of the page empty; otherwise it splits, its picture staying with its first lines.
    /// </summary>
    Row,

    /// <summary>A box (callout, notice): moves whole to the next page; splits only where it is taller than a page.</summary>
    Box,

    /// <summary>
    /// Never parted while the group fits on a page: a paragraph's first two and last two lines, a heading with the first
    /// two lines after it, a table's header with its first row, a picture with its first lines.
    /// </summary>
    Always,

    /// <summary>
    /// A heading's (or a box label's) lines with each other and with the first slice after it, a picture with the first
    /// line under it, and a box's padding with the line next to it: parted only where that alone is taller than a page,
    /// so a heading is never split and never ends a page, a picture never ends one without its words, and a border never
    /// opens or closes on an empty strip.
    /// </summary>
    Heading,
}

/// <summary>
/// The unit of pagination: a line of text, a table row, a figure with its caption. A slice is only cut when it is
/// taller than a page (<see cref="SliceSplitter"/>); <see cref="KeepWithNext"/> groups slices that should share a page.
/// </summary>
internal sealed class Slice
{
    public required double Height { get; init; }

    public double SpaceBefore { get; set; }

    public Keep KeepWithNext { get; set; }

    public List<PageItem> Items { get; } = [];

    /// <summary>Drawn first when this slice starts a page: a table's header row, repeated, or a box's "continued" marker.</summary>
    public Slice? RepeatAtPageTop { get; set; }

    /// <summary>The callout box this slice sits in; its border is drawn around its slices on each page.</summary>
    public Frame? Frame { get; set; }

    /// <summary>
    /// For a slice holding a picture: the same slice with the picture drawn smaller, no taller than the height given,
    /// or null when the picture would fall below <see cref="Typography.MinPictureScale"/>. Lets a page keep a picture
    /// that would otherwise leave a large gap (<see cref="Paginator.MaxGapShare"/>).
    /// </summary>
    public Func<double, Slice?>? Shrink { get; init; }

    /// <summary>Holds this slice to the next at least as firmly as <paramref name="keep"/>, never loosening a firmer hold.</summary>
    public void HoldAtLeast(Keep keep)
    {
        if (KeepWithNext < keep)
        {
            KeepWithNext = keep;
        }
    }

    /// <summary>Adds <paramref name="items"/> to this slice, as they are.</summary>
    public Slice With(IEnumerable<PageItem> items)
    {
        Items.AddRange(items);
        return this;
    }
}

/// <summary>A bordered box around consecutive slices (a callout), possibly split over pages.</summary>
internal sealed class Frame(double left, double width)
{
    public double Left { get; } = left;

    public double Width { get; } = width;
}
