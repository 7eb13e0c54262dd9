using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>
/// A bordered box tagged as a Div: a callout (its bold label, then its blocks), or a notice the renderer adds
/// itself (one paragraph, such as the overdue-review notice under the title).
/// </summary>
internal sealed class CalloutComposer(FlowBuilder flow, BlockComposer blocks)
{
    public void Compose(CalloutBlock callout, Column column)
    {
        var inner = Open(column);
        var type = flow.Typography;
        var label = inner.Parent.Child(StructKind.P);
        AddKept(flow.TextSlices([new TextRun(callout.Label, true, null)], type.Body, inner.Left, inner.Width, label), inner.Frame);

        var before = flow.Slices.Count;
        blocks.Compose(callout.Blocks, inner);
        if (flow.Slices.Count > before)
        {
            flow.Slices[before].SpaceBefore = type.Body * 0.25;
        }
        Close(inner.Frame);
    }

    /// <summary>A box holding one paragraph at body size, kept whole on one page.</summary>
    public void ComposeParagraph(IEnumerable<TextRun> runs, Column column)
    {
        var inner = Open(column);
        var paragraph = inner.Parent.Child(StructKind.P);
        AddKept(flow.TextSlices(runs, flow.Typography.Body, inner.Left, inner.Width, paragraph), inner.Frame);
        Close(inner.Frame);
    }

    /// <summary>Starts the box: its Div, the top padding, and the column inside border and padding.</summary>
    private Column Open(Column column)
    {
        var type = flow.Typography;
        var frame = new Frame(column.Left, column.Width);
        var div = column.Parent.Child(StructKind.Div);
        var inset = type.CalloutBorder + type.CalloutPadding;
        flow.BeginBlock(type.ParagraphGap);
        flow.Add(new Slice { Height = type.CalloutPadding, KeepWithNext = true }, frame);
        return new Column(column.Left + inset, column.Width - (2 * inset), div, frame);
    }

    private void AddKept(IEnumerable<Slice> lines, Frame? frame)
    {
        foreach (var line in lines)
        {
            line.KeepWithNext = true;
            flow.Add(line, frame);
        }
    }

    /// <summary>Ends the box: the last line keeps with the bottom padding, so the border never closes on an empty strip.</summary>
    private void Close(Frame? frame)
    {
        flow.Slices[^1].KeepWithNext = true;
        flow.Add(new Slice { Height = flow.Typography.CalloutPadding }, frame);
    }
}
