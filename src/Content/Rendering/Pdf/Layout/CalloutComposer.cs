using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>
/// A bordered box tagged as a Div: a callout (its bold label, then its blocks), or a notice the renderer adds
/// itself (one paragraph, such as the overdue-review notice under the title). A box is kept on one page; only one
/// taller than a page splits, between lines as any text does, and each page it continues on starts with "(continued)"
/// inside the border, drawn as an artifact since it repeats nothing of the content.
/// </summary>
internal sealed class CalloutComposer(FlowBuilder flow, BlockComposer blocks)
{
    public void Compose(CalloutBlock callout, Column column)
    {
        var start = flow.Slices.Count;
        var inner = Open(column);
        var type = flow.Typography;
        var label = inner.Parent.Child(StructKind.P);
        foreach (var line in flow.TextSlices([new TextRun(callout.Label, true, null)], type.Body, inner.Left, inner.Width, label))
        {
            // The label holds to the first lines after it, as a heading does.
            line.KeepWithNext = Keep.Heading;
            flow.Add(line, inner.Frame);
        }

        var before = flow.Slices.Count;
        blocks.Compose(callout.Blocks, inner);
        if (flow.Slices.Count > before)
        {
            flow.Slices[before].SpaceBefore = type.Body * 0.25;
        }
        Close(start, inner);
    }

    /// <summary>A box holding one paragraph at body size.</summary>
    public void ComposeParagraph(IEnumerable<TextRun> runs, Column column)
    {
        var start = flow.Slices.Count;
        var inner = Open(column);
        flow.AddParagraph(runs, flow.Typography.Body, inner, inner.Parent.Child(StructKind.P), gap: 0);
        Close(start, inner);
    }

    /// <summary>Starts the box: its Div, the top padding, and the column inside border and padding.</summary>
    private Column Open(Column column)
    {
        var type = flow.Typography;
        var frame = new Frame(column.Left, column.Width);
        var div = column.Parent.Child(StructKind.Div);
        var inset = type.CalloutBorder + type.CalloutPadding;
        flow.BeginBlock(type.ParagraphGap);
        flow.Add(new Slice { Height = type.CalloutPadding, KeepWithNext = Keep.Heading }, frame);
        return new Column(column.Left + inset, column.Width - (2 * inset), div, frame);
    }

    /// <summary>
    /// Ends the box: the last line keeps with the bottom padding, so the border never closes on an empty strip; the
    /// whole box from <paramref name="start"/> is held together and marked where it continues (a table inside keeps
    /// repeating its header instead).
    /// </summary>
    private void Close(int start, Column inner)
    {
        var type = flow.Typography;
        flow.Slices[^1].KeepWithNext = Keep.Heading;
        flow.Add(new Slice { Height = type.CalloutPadding }, inner.Frame);
        flow.Hold(start, Keep.Box);
        var words = flow.TextSlices([new TextRun(blocks.Words.Print.Continued, false, null)], type.Body, inner.Left, inner.Width, node: null);
        var continued = FlowBuilder.Merge([new Slice { Height = type.CalloutPadding }, .. words]);
        continued.Frame = inner.Frame;
        for (var i = start; i < flow.Slices.Count; i++)
        {
            flow.Slices[i].RepeatAtPageTop ??= continued;
        }
    }
}
