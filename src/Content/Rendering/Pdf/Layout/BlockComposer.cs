using System.Globalization;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>Lays out the blocks of the document model, one component per block type.</summary>
internal sealed class BlockComposer(FlowBuilder flow, IReadOnlyDictionary<string, LeafletImage> images, double pageContentHeight, ReaderStrings strings)
{
    private Typography Type => flow.Typography;

    /// <summary>The words the layout adds around blocks (a box's "continued"), in the leaflet's language.</summary>
    public ReaderStrings Words => strings;

    public void Compose(IEnumerable<Block> blocks, Column column)
    {
        foreach (var block in blocks)
        {
            Compose(block, column);
        }
    }

    /// <summary>
    /// A heading the PDF adds around the leaflet ("About this leaflet", "References"), as an H2 with its bookmark; its
    /// words in a Span with /Lang where they are in another language than the document's.
    /// </summary>
    public void ComposeHeading(string text, string? language, Column column)
    {
        var node = new StructNode(StructKind.H2, column.Parent) { Bookmark = text };
        flow.AddHeading([new TextRun(text, true, null, language)], 2, column, node);
    }

    public void Compose(Block block, Column column)
    {
        flow.Cancellation.ThrowIfCancellationRequested();
        switch (block)
        {
            case HeadingBlock heading:
                var level = Math.Clamp(heading.Level, 2, 3);
                var node = new StructNode(level == 2 ? StructKind.H2 : StructKind.H3, column.Parent) { Bookmark = heading.Inlines.PlainText() };
                flow.AddHeading(FlowBuilder.Runs(heading.Inlines, node, bold: true), level, column, node);
                break;
            case ParagraphBlock paragraph:
                var p = column.Parent.Child(StructKind.P);
                flow.AddParagraph(FlowBuilder.Runs(paragraph.Inlines, p), Type.Body, column, p, Type.ParagraphGap);
                break;
            case ListBlock list:
                ComposeList(list, column);
                break;
            case FigureBlock figure:
                flow.BeginBlock(Type.ParagraphGap);
                flow.Add(FigureSlice(figure, column.Left, column.Width, column.Parent), column.Frame);
                break;
            case CalloutBlock callout:
                new CalloutComposer(flow, this).Compose(callout, column);
                break;
            case TableBlock table:
                new TableComposer(flow).Compose(table, column);
                break;
            case PictureRowBlock row:
                ComposePictureRow(row, column);
                break;
            default:
                throw new NotSupportedException($"Block type {block.GetType().Name} (line {block.Line}) has no PDF layout.");
        }
    }

    /// <summary>
    /// A figure and its caption in one unbreakable slice, so the caption never leaves its picture. It can be drawn
    /// smaller (<see cref="Slice.Shrink"/>) down to <see cref="Typography.MinPictureScale"/> of its size.
    /// </summary>
    public Slice FigureSlice(FigureBlock figure, double left, double maxWidth, StructNode parent, double? maxHeight = null)
    {
        var image = ResolveImage(figure);
        var limit = maxHeight ?? pageContentHeight * 0.45;
        var scale = Math.Min(maxWidth / image.PixelWidth, limit / image.PixelHeight);
        return FigureSlice(figure, image, left, maxWidth, parent, image.PixelHeight * scale, image.PixelHeight * scale * Typography.MinPictureScale);
    }

    private Slice FigureSlice(FigureBlock figure, LeafletImage image, double left, double maxWidth, StructNode parent, double height, double minHeight)
    {
        var width = image.PixelWidth * height / image.PixelHeight;
        var figureNode = figure.IsDecorative ? null : new StructNode(StructKind.Figure, parent) { AltText = figure.Alt };
        var picture = new Slice { Height = height };
        picture.Items.Add(new ImageItem(figureNode, left, 0, width, height, image));
        var parts = new List<Slice> { picture };
        if (!string.IsNullOrWhiteSpace(figure.Caption))
        {
            // A caption belongs to its figure (Caption inside Figure); a decorative picture is an artifact, so any
            // caption under it is an ordinary paragraph. Caption is a grouping element: its words are a P inside it.
            var caption = (figureNode?.Child(StructKind.Caption) ?? parent).Child(StructKind.P);
            var lines = flow.TextSlices([new TextRun(figure.Caption, false, null)], Type.Body, left, maxWidth, caption);
            lines[0].SpaceBefore = Type.Body * 0.5;
            parts.AddRange(lines);
        }
        var merged = FlowBuilder.Merge(parts);
        var captionHeight = merged.Height - height;
        return new Slice
        {
            Height = merged.Height,
            Shrink = fit => fit - captionHeight >= minHeight && fit < merged.Height
                ? FigureSlice(figure, image, left, maxWidth, parent, fit - captionHeight, minHeight)
                : null,
        }.With(merged.Items);
    }

    public LeafletImage ResolveImage(FigureBlock figure)
        => images.TryGetValue(figure.FileName, out var image) && image.PixelWidth > 0 && image.PixelHeight > 0
            ? image
            : throw new InvalidOperationException($"Line {figure.Line}: the image '{figure.Source}' is missing or has no size.");

    /// <param name="language">The list's /Lang where its words are in another language than the document's.</param>
    public void ComposeList(ListBlock list, Column column, string? language = null)
    {
        var listNode = new StructNode(StructKind.L, column.Parent) { Language = language };
        var number = 1;
        var first = true;
        foreach (var item in list.Items)
        {
            var itemNode = listNode.Child(StructKind.LI);
            var label = itemNode.Child(StructKind.Lbl);
            var body = itemNode.Child(StructKind.LBody);
            var marker = list.Ordered ? (number++).ToString(CultureInfo.InvariantCulture) + "." : "\u2022";
            var start = flow.Slices.Count;
            flow.BeginBlock(first ? Type.ParagraphGap : Type.Body * 0.5);
            first = false;
            var inner = new FlowBuilder(Type, flow.Cancellation);
            new BlockComposer(inner, images, pageContentHeight, strings).Compose(item.Blocks, column.Indent(Type.ListIndent, body));
            if (inner.Slices.Count == 0)
            {
                continue;
            }
            var markerLine = flow.TextSlices([new TextRun(marker, false, null)], Type.Body, column.Left, column.Width, label)[0];
            inner.Slices[0].Items.InsertRange(0, markerLine.Items);
            foreach (var slice in inner.Slices)
            {
                var gap = slice.SpaceBefore;
                flow.Add(slice, column.Frame);
                if (flow.Slices.Count - 1 > start)
                {
                    slice.SpaceBefore = gap;
                }
            }
        }
    }

    /// <summary>
    /// Easy read: the picture in a left column, the words beside it, or above them when the column beside would be
    /// narrower than <see cref="Typography.MinCharactersPerLine"/>. The picture holds to the lines that start beside it
    /// (or the first lines under it), so it never sits alone at the bottom of a page; the rest of the row is held
    /// together as a <see cref="Keep.Row"/>, so it moves whole unless that would leave a large gap.
    /// </summary>
    private void ComposePictureRow(PictureRowBlock row, Column column)
    {
        var indent = Type.PictureColumnWidth + Type.PictureGutter;
        var beside = column.Width - indent >= Type.CharactersWidth(Typography.MinCharactersPerLine);
        var words = new FlowBuilder(Type, flow.Cancellation);
        new BlockComposer(words, images, pageContentHeight, strings).Compose(row.Blocks, beside ? column.Indent(indent, column.Parent) : column);
        var picture = FigureSlice(row.Figure, column.Left, Type.PictureColumnWidth, column.Parent, pageContentHeight * 0.4);
        var slices = beside ? Beside(picture, words.Slices) : Above(picture, words.Slices);
        flow.BeginBlock(Type.ParagraphGap);
        var start = flow.Slices.Count;
        foreach (var slice in slices)
        {
            var gap = slice.SpaceBefore;
            flow.Add(slice, column.Frame);
            if (flow.Slices.Count - 1 > start)
            {
                slice.SpaceBefore = gap;
            }
        }
        flow.Hold(start, Keep.Row);
    }

    /// <summary>The picture, then the words under it; the picture holds to their first line as a heading does.</summary>
    private List<Slice> Above(Slice picture, List<Slice> words)
    {
        if (words.Count == 0)
        {
            return [picture];
        }
        picture.KeepWithNext = Keep.Heading;
        words[0].SpaceBefore = Type.Body * 0.5;
        return [picture, .. words];
    }

    /// <summary>
    /// One slice holding the picture and every line that starts beside it, then the lines below it as they are, the
    /// first of them after its own gap below the taller of the picture and those lines (so drawing the picture smaller
    /// lets it move up).
    /// </summary>
    private static List<Slice> Beside(Slice picture, List<Slice> words)
    {
        if (words.Count == 0)
        {
            return [picture];
        }
        var besideCount = 1;
        for (var y = words[0].Height; besideCount < words.Count && y + words[besideCount].SpaceBefore < picture.Height; besideCount++)
        {
            y += words[besideCount].SpaceBefore + words[besideCount].Height;
        }
        var besideWords = FlowBuilder.Merge(words.Take(besideCount));
        Slice Head(Slice image) => new Slice
        {
            Height = Math.Max(image.Height, besideWords.Height),
            KeepWithNext = words[besideCount - 1].KeepWithNext,
            Shrink = image.Shrink is { } shrink ? fit => shrink(fit) is { } smaller && besideWords.Height <= fit ? Head(smaller) : null : null,
        }.With(image.Items).With(besideWords.Items);
        return [Head(picture), .. words.Skip(besideCount)];
    }
}
