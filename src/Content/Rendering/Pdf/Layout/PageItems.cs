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
/// The unit of pagination: a line of text, a table row, a figure with its caption. A slice is never
/// split; <see cref="KeepWithNext"/> chains slices that must share a page (heading and the text after
/// it, the first and last two lines of a paragraph).
/// </summary>
internal sealed class Slice
{
    public required double Height { get; init; }

    public double SpaceBefore { get; set; }

    public bool KeepWithNext { get; set; }

    public List<PageItem> Items { get; } = [];

    /// <summary>Drawn first when this slice starts a page: a table's header row, repeated.</summary>
    public Slice? RepeatAtPageTop { get; set; }

    /// <summary>The callout box this slice sits in; its border is drawn around its slices on each page.</summary>
    public Frame? Frame { get; set; }
}

/// <summary>A bordered box around consecutive slices (a callout), possibly split over pages.</summary>
internal sealed class Frame(double left, double width)
{
    public double Left { get; } = left;

    public double Width { get; } = width;
}
