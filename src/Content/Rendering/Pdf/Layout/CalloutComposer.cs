using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>A callout: its bold label and blocks inside a bordered box, tagged as a Div.</summary>
internal sealed class CalloutComposer(FlowBuilder flow, BlockComposer blocks)
{
    public void Compose(CalloutBlock callout, Column column)
    {
        var type = flow.Typography;
        var frame = new Frame(column.Left, column.Width);
        var div = column.Parent.Child(StructKind.Div);
        var inset = type.CalloutBorder + type.CalloutPadding;
        var inner = new Column(column.Left + inset, column.Width - (2 * inset), div, frame);

        flow.BeginBlock(type.ParagraphGap);
        flow.Add(new Slice { Height = type.CalloutPadding, KeepWithNext = true }, frame);

        var label = div.Child(StructKind.P);
        var labelLines = flow.TextSlices([new TextRun(callout.Label, true, null)], type.Body, inner.Left, inner.Width, label);
        foreach (var line in labelLines)
        {
            line.KeepWithNext = true;
            flow.Add(line, frame);
        }

        var before = flow.Slices.Count;
        blocks.Compose(callout.Blocks, inner);
        if (flow.Slices.Count > before)
        {
            flow.Slices[before].SpaceBefore = type.Body * 0.25;
        }
        flow.Slices[^1].KeepWithNext = true;
        flow.Add(new Slice { Height = type.CalloutPadding }, frame);
    }
}
