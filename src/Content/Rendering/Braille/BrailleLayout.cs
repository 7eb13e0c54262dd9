using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Braille;

/// <summary>
/// Lays a leaflet out as a BRF file, as a braille transcriber would (BANA's "Braille Formats" conventions): liblouis
/// translates each piece of text to braille ASCII and this class decides where it goes.
/// <list type="bullet">
/// <item>Pages of <see cref="BrailleChoice.Cells"/> × <see cref="BrailleChoice.Lines"/>; the first line of each carries only
/// the page number in braille at the right, so the number never competes with text for room. Lines end CR LF and a form
/// feed ends each page, as embossers expect.</item>
/// <item>The title and the leaflet's sections (level 2) are centred headings, subsections (level 3) start in cell 5;
/// a blank line goes before each heading (not at the top of a page) and a heading never ends a page: it moves on with
/// the first line of what follows it.</item>
/// <item>Paragraphs start in cell 3 and run on from cell 1. List items start in cell 1 and run on from cell 3 (a nested list
/// two cells further in), numbered as in print; print's bullets are left out, as the layout shows the items.</item>
/// <item>A table is linearised row by row, each row an item giving every cell after its column heading.</item>
/// <item>A picture's description is a transcriber's note between UEB's transcriber's note indicators, starting in cell 7 and running
/// on from cell 5; decorative pictures are left out.</item>
/// <item>A link's address follows its words in brackets, unless the words are the address.</item>
/// </list>
/// Bold is not marked: print uses it for stress that the words already carry, and braille readers find frequent
/// emphasis indicators a hindrance. A word too long for a line is split with a hyphen.
/// </summary>
public sealed partial class BrailleLayout
{
    /// <summary>UEB's opening transcriber's note indicator (dots 4, 46, 126) in braille ASCII.</summary>
    public const string TranscribersNoteOpening = "@.<";

    /// <summary>UEB's closing transcriber's note indicator (dots 4, 46, 345) in braille ASCII.</summary>
    public const string TranscribersNoteClosing = "@.>";

    public const string LineEnd = "\r\n";

    public const char PageEnd = '\f';

    private readonly BrailleTranslator translator;
    private readonly BrailleTable table;
    private readonly BrailleChoice choice;
    private readonly ReaderStrings strings;
    private readonly List<List<string>> pages = [];
    private bool blankBeforeNext;

    private BrailleLayout(BrailleTranslator translator, BrailleTable table, BrailleChoice choice, ReaderStrings strings)
        => (this.translator, this.table, this.choice, this.strings) = (translator, table, choice, strings);

    /// <summary>The BRF text of <paramref name="document"/>: braille ASCII, so every character is ASCII.</summary>
    /// <exception cref="BrailleUnavailableException">liblouis or the table cannot be loaded.</exception>
    public static string Render(LeafletDocument document, BrailleTable table, BrailleChoice choice, BrailleTranslator translator, ReaderStrings words)
    {
        choice.Validate();
        var layout = new BrailleLayout(translator, table, choice, words);
        layout.Heading(document.Metadata.Title, centred: true);
        foreach (var block in document.Blocks)
        {
            layout.Block(block, listDepth: 0);
        }
        layout.About(document.Metadata);
        return layout.Text();
    }

    /// <summary>
    /// Every word of <paramref name="document"/> a print reader reads, in print: the title, headings, text, lists,
    /// tables, picture descriptions and captions. What the braille must give back (<see cref="Checking.BrailleCheck"/>).
    /// </summary>
    public static string SourceText(LeafletDocument document)
    {
        var text = new StringBuilder(document.Metadata.Title).Append('\n');
        Append(document.Blocks);
        return text.ToString();

        void Append(IEnumerable<Block> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case HeadingBlock heading:
                        text.Append(heading.Inlines.PlainText()).Append('\n');
                        break;
                    case ParagraphBlock paragraph:
                        text.Append(paragraph.Inlines.PlainText()).Append('\n');
                        break;
                    case ListBlock list:
                        foreach (var item in list.Items)
                        {
                            Append(item.Blocks);
                        }
                        break;
                    case TableBlock table:
                        foreach (var cell in table.Header.Concat(table.Rows.SelectMany(row => row)))
                        {
                            text.Append(cell.Inlines.PlainText()).Append('\n');
                        }
                        break;
                    case FigureBlock figure:
                        text.Append(figure.Alt).Append('\n').Append(figure.Caption).Append('\n');
                        break;
                    case CalloutBlock callout:
                        text.Append(callout.Label).Append('\n');
                        Append(callout.Blocks);
                        break;
                    case PictureRowBlock row:
                        Append([row.Figure, .. row.Blocks]);
                        break;
                }
            }
        }
    }

    /// <summary>Where a block's first line and its runover lines start (0-based cells).</summary>
    private readonly record struct Indents(int First, int Runover);

    private int TextLinesPerPage => choice.Lines - 1;

    private List<string> CurrentPage => pages.Count > 0 ? pages[^1] : NewPage();

    private void Block(Block block, int listDepth)
    {
        switch (block)
        {
            case HeadingBlock heading:
                Heading(heading.Inlines.BrailleText(), centred: heading.Level <= 2);
                break;
            case ParagraphBlock paragraph:
                Place(Wrap(Braille(paragraph.Inlines.BrailleText()), listDepth == 0 ? new Indents(2, 0) : Item(listDepth, first: false)));
                break;
            case ListBlock list:
                var number = 0;
                foreach (var item in list.Items)
                {
                    number++;
                    ListItem(item, list.Ordered ? number.ToString(CultureInfo.InvariantCulture) + ". " : "", listDepth + 1);
                }
                break;
            case TableBlock tableBlock:
                foreach (var row in tableBlock.Rows)
                {
                    var cells = row.Select((cell, column) => column < tableBlock.Header.Length
                        ? $"{tableBlock.Header[column].Inlines.BrailleText()}: {cell.Inlines.BrailleText()}"
                        : cell.Inlines.BrailleText());
                    Place(Wrap(Braille(string.Join("; ", cells)), Item(listDepth + 1, first: true)));
                }
                break;
            case FigureBlock figure:
                Figure(figure);
                break;
            case CalloutBlock callout:
                Place(Wrap(Braille(callout.Label), new Indents(2, 0)));
                foreach (var inner in callout.Blocks)
                {
                    Block(inner, listDepth);
                }
                break;
            case PictureRowBlock row:
                Figure(row.Figure);
                foreach (var inner in row.Blocks)
                {
                    Block(inner, listDepth);
                }
                break;
            default:
                throw new NotSupportedException($"No braille layout for {block.GetType().Name}.");
        }
    }

    private void ListItem(ListItem item, string marker, int depth)
    {
        var first = true;
        foreach (var block in item.Blocks)
        {
            if (first && block is ParagraphBlock paragraph)
            {
                Place(Wrap(Braille(marker + paragraph.Inlines.BrailleText()), Item(depth, first: true)));
            }
            else
            {
                Block(block, depth);
            }
            first = false;
        }
    }

    /// <summary>1-3 for a list, 3-5 for a list inside it, and so on; a later paragraph of an item starts where its runovers do.</summary>
    private static Indents Item(int depth, bool first)
    {
        var start = 2 * (depth - 1);
        return first ? new Indents(start, start + 2) : new Indents(start + 2, start + 2);
    }

    private void Figure(FigureBlock figure)
    {
        if (figure.IsDecorative)
        {
            return;
        }
        var description = ReaderStrings.Fill(strings.Print.BraillePicture, ("description", Normalise(figure.Alt)));
        Place(Wrap(TranscribersNoteOpening + Braille(description) + TranscribersNoteClosing, new Indents(6, 4)));
        if (figure.Caption is { Length: > 0 } caption)
        {
            Place(Wrap(Braille(Normalise(caption)), new Indents(2, 0)));
        }
    }

    private void About(LeafletMetadata metadata)
    {
        var words = strings.Leaflet;
        Heading(words.AboutThisLeaflet, centred: true);
        foreach (var line in new[]
        {
            $"{words.Version}: {metadata.Version.ToString(CultureInfo.InvariantCulture)}",
            $"{words.LastReviewed}: {ReaderDate.Format(metadata.LastReviewed, strings)}",
            $"{words.NextReviewDue}: {ReaderDate.Format(metadata.NextReview, strings)}",
        })
        {
            Place(Wrap(Braille(line), new Indents(0, 2)));
        }
    }

    private void Heading(string text, bool centred)
    {
        var lines = centred ? Centre(Braille(Normalise(text))) : Wrap(Braille(Normalise(text)), new Indents(4, 4));
        var page = CurrentPage;
        var blank = page.Count > 0 ? 1 : 0;
        // The heading and the first line after it must share a page.
        if (page.Count + blank + lines.Count + 1 > TextLinesPerPage && page.Count > 0)
        {
            NewPage();
        }
        blankBeforeNext = CurrentPage.Count > 0;
        Place(lines);
    }

    /// <summary>Puts lines on the pages, after a blank line if a heading comes before them; a full page starts another.</summary>
    private void Place(List<string> lines)
    {
        var page = CurrentPage;
        if (blankBeforeNext && page.Count > 0)
        {
            if (page.Count + 1 >= TextLinesPerPage)
            {
                page = NewPage();
            }
            else
            {
                page.Add("");
            }
        }
        blankBeforeNext = false;
        foreach (var line in lines)
        {
            if (page.Count >= TextLinesPerPage)
            {
                page = NewPage();
            }
            page.Add(line);
        }
    }

    private List<string> NewPage()
    {
        var page = new List<string>(TextLinesPerPage);
        pages.Add(page);
        return page;
    }

    /// <summary>Each line of a centred heading, with at least three blank cells each side as BANA asks.</summary>
    private List<string> Centre(string braille)
    {
        var width = choice.Cells - 6;
        return [.. Wrap(braille, new Indents(0, 0), width).Select(line => new string(' ', (choice.Cells - line.Length) / 2) + line)];
    }

    private List<string> Wrap(string braille, Indents indents) => Wrap(braille, indents, choice.Cells);

    /// <summary>Breaks braille ASCII at its spaces into lines of at most <paramref name="width"/> cells.</summary>
    private static List<string> Wrap(string braille, Indents indents, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder().Append(' ', indents.First);
        var lineHasWord = false;
        foreach (var word in braille.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var room = width - line.Length - (lineHasWord ? 1 : 0);
                if (rest.Length <= room)
                {
                    line.Append(lineHasWord ? " " : "").Append(rest);
                    lineHasWord = true;
                    break;
                }
                var emptyRoom = width - indents.Runover;
                if (lineHasWord && rest.Length <= emptyRoom)
                {
                    // The word fits whole on the next line.
                    lines.Add(line.ToString());
                    line.Clear().Append(' ', indents.Runover);
                    lineHasWord = false;
                    continue;
                }
                // Too long for any line: split it with a hyphen where this line ends.
                var take = room - 1;
                if (take < 2)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(' ', indents.Runover);
                    lineHasWord = false;
                    continue;
                }
                line.Append(lineHasWord ? " " : "").Append(rest.AsSpan(0, take)).Append('-');
                rest = rest[take..];
                lines.Add(line.ToString());
                line.Clear().Append(' ', indents.Runover);
                lineHasWord = false;
            }
        }
        if (lineHasWord)
        {
            lines.Add(line.ToString());
        }
        return lines;
    }

    private string Braille(string text) => translator.Translate(Normalise(text), table);

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Every page: its number at the right of the first line, then its lines, CR LF each, then a form feed.</summary>
    private string Text()
    {
        var text = new StringBuilder();
        for (var index = 0; index < pages.Count; index++)
        {
            var number = Braille((index + 1).ToString(CultureInfo.InvariantCulture));
            text.Append(' ', choice.Cells - number.Length).Append(number).Append(LineEnd);
            foreach (var line in pages[index])
            {
                text.Append(line.TrimEnd()).Append(LineEnd);
            }
            text.Append(PageEnd);
        }
        return text.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

internal static class BrailleInlines
{
    /// <summary>The words of the inlines as braille gives them: a link's address follows its words unless they are the address.</summary>
    public static string BrailleText(this IEnumerable<Inline> inlines)
    {
        var text = new StringBuilder();
        Append(text, inlines);
        return text.ToString();
    }

    private static void Append(StringBuilder text, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline plain:
                    text.Append(plain.Text);
                    break;
                case StrongInline strong:
                    Append(text, strong.Children);
                    break;
                case LinkInline link:
                    var words = link.Children.PlainText();
                    text.Append(words);
                    var address = PrintedAddress.Of(link.Href);
                    if (address is not null && !string.Equals(words.Trim(), address, StringComparison.OrdinalIgnoreCase))
                    {
                        text.Append(" (").Append(address).Append(')');
                    }
                    break;
            }
        }
    }
}
