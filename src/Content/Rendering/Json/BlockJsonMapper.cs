using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Json;

/// <summary>Maps the document tree to its JSON shape; figure sources become absolute image URLs.</summary>
internal sealed class BlockJsonMapper(string leafletId, ApiUrls urls)
{
    public IReadOnlyList<BlockJson> Map(IEnumerable<Block> blocks) => [.. blocks.Select(Map)];

    private BlockJson Map(Block block) => block switch
    {
        HeadingBlock heading => new HeadingJson(heading.Level, heading.Inlines.PlainText(), heading.Anchor),
        ParagraphBlock paragraph => new ParagraphJson(MapInlines(paragraph.Inlines), paragraph.Inlines.PlainText()),
        ListBlock list => new ListJson(list.Ordered, [.. list.Items.Select(item => new ListItemJson(Map(item.Blocks)))]),
        FigureBlock figure => MapFigure(figure),
        CalloutBlock callout => new CalloutJson(callout.Label, Map(callout.Blocks)),
        TableBlock table => new TableJson(
            [.. table.Header.Select(MapCell)],
            [.. table.Rows.Select(row => (IReadOnlyList<CellJson>)[.. row.Select(MapCell)])]),
        PictureRowBlock row => new RowJson(MapFigure(row.Figure), Map(row.Blocks)),
        _ => throw new NotSupportedException($"No JSON shape for block {block.GetType().Name}."),
    };

    public FigureJson MapFigure(FigureBlock figure) =>
        new(urls.Image(leafletId, figure.FileName), figure.Alt, figure.Caption, figure.IsDecorative);

    private static CellJson MapCell(TableCell cell) => new(MapInlines(cell.Inlines), cell.Inlines.PlainText());

    private static IReadOnlyList<InlineJson> MapInlines(IEnumerable<Inline> inlines) => [.. inlines.Select(MapInline)];

    private static InlineJson MapInline(Inline inline) => inline switch
    {
        TextInline text => new TextJson(text.Text),
        StrongInline strong => new StrongJson(MapInlines(strong.Children)),
        LinkInline link => new LinkJson(link.Href, MapInlines(link.Children)),
        _ => throw new NotSupportedException($"No JSON shape for inline {inline.GetType().Name}."),
    };

    /// <summary>Every figure of the document, nested ones included, in reading order.</summary>
    public static IEnumerable<FigureBlock> Figures(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var nested = block switch
            {
                FigureBlock figure => [figure],
                PictureRowBlock row => Figures(row.Blocks).Prepend(row.Figure),
                CalloutBlock callout => Figures(callout.Blocks),
                ListBlock list => list.Items.SelectMany(item => Figures(item.Blocks)),
                _ => [],
            };
            foreach (var figure in nested)
            {
                yield return figure;
            }
        }
    }
}
