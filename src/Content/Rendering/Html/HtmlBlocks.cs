using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Html;

/// <summary>Writes body blocks. One method per node type, so a new block type is one new case.</summary>
internal sealed class HtmlBlocks(HtmlWriter html, Leaflet leaflet, LeafletLinks links)
{
    public void Write(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            Write(block);
        }
    }

    private void Write(Block block)
    {
        switch (block)
        {
            case HeadingBlock heading: WriteHeading(heading); break;
            case ParagraphBlock paragraph: WriteParagraph(paragraph); break;
            case ListBlock list: WriteList(list); break;
            case FigureBlock figure: WriteFigure(figure); break;
            case CalloutBlock callout: WriteCallout(callout); break;
            case TableBlock table: WriteTable(table); break;
            case PictureRowBlock row: WritePictureRow(row); break;
            default: throw new NotSupportedException($"The HTML renderer does not know the block {block.GetType().Name}.");
        }
        html.Line();
    }

    private void WriteHeading(HeadingBlock heading)
    {
        // The title is the page's only h1, so body headings are h2 and h3 exactly as written.
        var name = heading.Level switch
        {
            2 => "h2",
            3 => "h3",
            _ => throw new NotSupportedException($"Heading level {heading.Level} (line {heading.Line}) has no place in a leaflet."),
        };
        html.Open(name, ("id", heading.Anchor));
        HtmlInlines.Write(html, heading.Inlines);
        html.Close(name);
    }

    private void WriteParagraph(ParagraphBlock paragraph)
    {
        html.Open("p");
        HtmlInlines.Write(html, paragraph.Inlines);
        html.Close("p");
    }

    private void WriteList(ListBlock list)
    {
        var name = list.Ordered ? "ol" : "ul";
        html.Open(name).Line();
        foreach (var item in list.Items)
        {
            html.Open("li");
            // A single paragraph is the common case: write its words straight into the item.
            if (item.Blocks is [ParagraphBlock only])
            {
                HtmlInlines.Write(html, only.Inlines);
            }
            else
            {
                Write(item.Blocks);
            }
            html.Close("li").Line();
        }
        html.Close(name);
    }

    private void WriteFigure(FigureBlock figure)
    {
        if (figure.IsDecorative && figure.Caption is null)
        {
            // Decorative: no figure semantics at all, and hidden from assistive technology.
            html.Open("div", ("class", "decoration"), ("aria-hidden", "true"));
            WriteImage(figure);
            html.Close("div");
            return;
        }
        html.Open("figure");
        WriteImage(figure);
        if (figure.Caption is { } caption)
        {
            html.Element("figcaption", caption);
        }
        html.Close("figure");
    }

    private void WriteImage(FigureBlock figure)
    {
        leaflet.Images.TryGetValue(figure.FileName, out var image);
        html.Void("img",
            ("src", links.ImageUrl(figure.FileName)),
            ("alt", figure.Alt),
            ("width", image?.PixelWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("height", image?.PixelHeight.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private void WriteCallout(CalloutBlock callout)
    {
        var label = callout.Label.TrimEnd().TrimEnd(':');
        html.Open("div", ("class", "callout"), ("role", "note"));
        if (callout.Blocks is [ParagraphBlock first, ..])
        {
            // The label leads the first sentence, as the editor wrote it: "Important: call your team ...".
            html.Open("p").Open("strong").Text(label + ":").Close("strong").Text(" ");
            HtmlInlines.Write(html, first.Inlines);
            html.Close("p");
            Write(callout.Blocks.Skip(1));
        }
        else
        {
            html.Open("p").Element("strong", label + ":").Close("p");
            Write(callout.Blocks);
        }
        html.Close("div");
    }

    private void WriteTable(TableBlock table)
    {
        html.Open("table").Line().Open("thead").Open("tr");
        foreach (var cell in table.Header)
        {
            html.Open("th", ("scope", "col"));
            HtmlInlines.Write(html, cell.Inlines);
            html.Close("th");
        }
        html.Close("tr").Close("thead").Line().Open("tbody").Line();
        foreach (var row in table.Rows)
        {
            html.Open("tr");
            foreach (var cell in row)
            {
                html.Open("td");
                HtmlInlines.Write(html, cell.Inlines);
                html.Close("td");
            }
            html.Close("tr").Line();
        }
        html.Close("tbody").Close("table");
    }

    private void WritePictureRow(PictureRowBlock row)
    {
        // Picture first in the source as well as on screen, so reading order matches what is seen.
        html.Open("div", ("class", "picture-row")).Line();
        html.Open("div", ("class", "picture"));
        WriteFigure(row.Figure);
        html.Close("div").Line();
        html.Open("div", ("class", "words")).Line();
        Write(row.Blocks);
        html.Close("div").Line();
        html.Close("div");
    }
}
