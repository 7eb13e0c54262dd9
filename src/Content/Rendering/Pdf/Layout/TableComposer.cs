using System.Collections.Immutable;
using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>
/// A table: one unbreakable slice per row, the header row bold, tagged TH, and repeated (as an
/// artifact) at the top of every page the table continues on.
/// </summary>
internal sealed class TableComposer(FlowBuilder flow)
{
    public void Compose(TableBlock table, Column column)
    {
        var type = flow.Typography;
        var tableNode = column.Parent.Child(StructKind.Table);
        var widths = ColumnWidths(table, column.Width);

        flow.BeginBlock(type.ParagraphGap);
        var header = Row(table.Header, widths, column.Left, tableNode, StructKind.TH);
        header.KeepWithNext = Keep.Always;
        flow.Add(header, column.Frame);
        foreach (var cells in table.Rows)
        {
            var row = Row(cells, widths, column.Left, tableNode, StructKind.TD);
            row.RepeatAtPageTop = header;
            flow.Add(row, column.Frame);
        }
    }

    private Slice Row(ImmutableArray<TableCell> cells, double[] widths, double left, StructNode table, StructKind cellKind)
    {
        var type = flow.Typography;
        var padding = type.TableCellPadding;
        var rowNode = table.Child(StructKind.TR);
        var isHeader = cellKind == StructKind.TH;
        var cellLines = new List<List<Slice>>();
        for (var c = 0; c < widths.Length; c++)
        {
            var cellNode = rowNode.Child(cellKind);
            var inlines = c < cells.Length ? cells[c].Inlines : [];
            var lines = flow.TextSlices(FlowBuilder.Runs(inlines, cellNode, bold: isHeader), type.Body, 0, widths[c] - (2 * padding), cellNode);
            if (lines.Count == 0)
            {
                // An empty cell still gets its structure element, so rows keep their shape for screen readers.
                lines.Add(new Slice { Height = type.LineHeight(type.Body) });
            }
            cellLines.Add(lines);
        }
        var height = cellLines.Max(lines => lines.Sum(l => l.Height)) + (2 * padding);
        var row = new Slice { Height = height };
        var x = left;
        for (var c = 0; c < widths.Length; c++)
        {
            var y = padding;
            foreach (var line in cellLines[c])
            {
                row.Items.AddRange(line.Items.Select(item => item.Offset(x + padding, y)));
                y += line.Height;
            }
            row.Items.Add(new RuleItem(x, 0, widths[c], height, type.RuleWidth));
            x += widths[c];
        }
        return row;
    }

    /// <summary>Columns share the width in proportion to their longest text, but never narrower than their longest word.</summary>
    private double[] ColumnWidths(TableBlock table, double available)
    {
        var type = flow.Typography;
        var count = Math.Max(table.Header.Length, table.Rows.Select(r => r.Length).DefaultIfEmpty(0).Max());
        var natural = new double[count];
        var minimum = new double[count];
        foreach (var (cells, bold) in table.Rows.Select(r => (r, false)).Prepend((table.Header, true)))
        {
            for (var c = 0; c < cells.Length && c < count; c++)
            {
                var text = cells[c].Inlines.PlainText();
                natural[c] = Math.Max(natural[c], TextLayout.Measure(text, bold, type.Body));
                foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    minimum[c] = Math.Max(minimum[c], TextLayout.Measure(word, bold, type.Body));
                }
            }
        }
        // Each cell's line breaker keeps room for a trailing space; columns include it so short cells stay on one line.
        var padding = (2 * type.TableCellPadding) + TextLayout.Measure(" ", true, type.Body) + 0.01;
        var widths = new double[count];
        var total = natural.Sum(n => n + padding);
        if (total <= available)
        {
            var extra = (available - total) / count;
            for (var c = 0; c < count; c++)
            {
                widths[c] = natural[c] + padding + extra;
            }
            return widths;
        }
        var minTotal = minimum.Sum(m => m + padding);
        if (minTotal >= available)
        {
            // Even the longest words cannot all fit: share equally and let words break.
            Array.Fill(widths, available / count);
            return widths;
        }
        var flexible = natural.Select((n, c) => n - minimum[c]).Sum();
        var spare = available - minTotal;
        for (var c = 0; c < count; c++)
        {
            var share = flexible <= 0 ? spare / count : spare * (natural[c] - minimum[c]) / flexible;
            widths[c] = minimum[c] + padding + share;
        }
        return widths;
    }
}
