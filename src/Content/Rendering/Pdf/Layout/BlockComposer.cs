using System.Collections.Immutable;
using System.Globalization;
using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>Lays out the blocks of the document model, one component per block type.</summary>
internal sealed class BlockComposer(FlowBuilder flow, IReadOnlyDictionary<string, LeafletImage> images, double pageContentHeight)
{
    private Typography Type => flow.Typography;

    public void Compose(IEnumerable<Block> blocks, Column column)
    {
        foreach (var block in blocks)
        {
            Compose(block, column);
        }
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

    /// <summary>A figure and its caption in one unbreakable slice, so the caption never leaves its picture.</summary>
    public Slice FigureSlice(FigureBlock figure, double left, double maxWidth, StructNode parent, double? maxHeight = null)
    {
        var image = ResolveImage(figure);
        var limit = maxHeight ?? pageContentHeight * 0.45;
        var scale = Math.Min(maxWidth / image.PixelWidth, limit / image.PixelHeight);
        var width = image.PixelWidth * scale;
        var height = image.PixelHeight * scale;
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
        return FlowBuilder.Merge(parts);
    }

    public LeafletImage ResolveImage(FigureBlock figure)
        => images.TryGetValue(figure.FileName, out var image) && image.PixelWidth > 0 && image.PixelHeight > 0
            ? image
            : throw new InvalidOperationException($"Line {figure.Line}: the image '{figure.Source}' is missing or has no size.");

    private void ComposeList(ListBlock list, Column column)
    {
        var listNode = column.Parent.Child(StructKind.L);
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
            new BlockComposer(inner, images, pageContentHeight).Compose(item.Blocks, column.Indent(Type.ListIndent, body));
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

    /// <summary>Easy read: the picture in a left column, the words beside it; kept on one page when it fits.</summary>
    private void ComposePictureRow(PictureRowBlock row, Column column)
    {
        var textLeft = Type.PictureColumnWidth + Type.PictureGutter;
        var words = new FlowBuilder(Type, flow.Cancellation);
        new BlockComposer(words, images, pageContentHeight).Compose(row.Blocks, column.Indent(textLeft, column.Parent));
        var picture = FigureSlice(row.Figure, column.Left, Type.PictureColumnWidth, column.Parent, pageContentHeight * 0.4);
        var text = FlowBuilder.Merge(words.Slices);
        flow.BeginBlock(Type.ParagraphGap);
        if (Math.Max(picture.Height, text.Height) <= pageContentHeight)
        {
            var merged = new Slice { Height = Math.Max(picture.Height, text.Height) };
            merged.Items.AddRange(picture.Items);
            merged.Items.AddRange(text.Items);
            flow.Add(merged, column.Frame);
            return;
        }
        picture.KeepWithNext = true;
        flow.Add(picture, column.Frame);
        foreach (var slice in words.Slices)
        {
            var gap = slice.SpaceBefore;
            flow.Add(slice, column.Frame);
            slice.SpaceBefore = gap;
        }
    }

    public static ImmutableArray<Inline> Text(string text) => [new TextInline(text)];
}
