using System.Collections.Immutable;

namespace Leaflets.Content.Model;

/// <summary>
/// One block of a leaflet body. <see cref="Line"/> is the 1-based line in the source file,
/// so that every finding about a block can name where to fix it.
/// </summary>
public abstract record Block(int Line);

/// <summary>A section heading, level 2 or 3 (level 1 is the title). <see cref="Anchor"/> is unique within the document.</summary>
public sealed record HeadingBlock(int Line, int Level, ImmutableArray<Inline> Inlines, string Anchor) : Block(Line);

public sealed record ParagraphBlock(int Line, ImmutableArray<Inline> Inlines) : Block(Line);

public sealed record ListBlock(int Line, bool Ordered, ImmutableArray<ListItem> Items) : Block(Line);

public sealed record ListItem(ImmutableArray<Block> Blocks);

/// <summary>
/// An image alone in its paragraph. <see cref="Source"/> is the path relative to the leaflet folder
/// (always "images/&lt;file&gt;"). An empty <see cref="Alt"/> marks a decorative image.
/// </summary>
public sealed record FigureBlock(int Line, string Source, string Alt, string? Caption) : Block(Line)
{
    public bool IsDecorative => Alt.Length == 0;

    public string FileName => Source["images/".Length..];
}

/// <summary>A block quote whose first word is bold: the label ("Important") and what follows it.</summary>
public sealed record CalloutBlock(int Line, string Label, ImmutableArray<Block> Blocks) : Block(Line);

public sealed record TableBlock(int Line, ImmutableArray<TableCell> Header, ImmutableArray<ImmutableArray<TableCell>> Rows) : Block(Line);

public sealed record TableCell(ImmutableArray<Inline> Inlines);

/// <summary>Easy read only: a picture with the words that go beside it (picture left, words right).</summary>
public sealed record PictureRowBlock(int Line, FigureBlock Figure, ImmutableArray<Block> Blocks) : Block(Line);
