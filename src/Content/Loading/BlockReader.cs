using System.Collections.Immutable;
using Leaflets.Content.Model;
using Markdig;
using Markdig.Extensions.Footnotes;
using MdTables = Markdig.Extensions.Tables;
using Md = Markdig.Syntax;
using MdInlines = Markdig.Syntax.Inlines;

namespace Leaflets.Content.Loading;

/// <summary>
/// Turns a Markdown body into the model's blocks, reporting every construct outside the authoring format.
/// Line numbers are lines of the whole file, because <see cref="SourceText"/> keeps the front matter lines blank.
/// </summary>
internal sealed class BlockReader(ProblemLog problems, IReadOnlySet<string> imageFiles)
{
    // Footnotes are parsed (not left as odd text or silent link definitions) so that they can be reported.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseFootnotes().Build();

    private const int MaxListDepth = 2;

    private readonly InlineReader _inlines = new(problems);
    private readonly AnchorSet _anchors = new();
    private readonly List<string> _usedImages = [];
    private int _previousHeadingLevel = 1;

    /// <summary>Image file names in the order the document first uses them (the order they enter the content hash).</summary>
    public IReadOnlyList<string> UsedImages => _usedImages;

    public ImmutableArray<Block> Read(string body)
    {
        if (NestingDepth.FirstTooDeep(body) is { } tooDeep)
        {
            problems.Add(tooDeep.Line, ContentRules.NestingTooDeep, TooDeep($"this line is nested {tooDeep.Depth} levels deep"));
            return [];
        }
        Md.MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body, Pipeline);
        }
        catch (ArgumentException) // Markdig's own depth limit, for nesting the count above does not see
        {
            problems.Add(1, ContentRules.NestingTooDeep, TooDeep("Markdown elements in this file are nested too deeply"));
            return [];
        }
        return ReadBlocks(document, listDepth: 0, nested: false);
    }

    private static string TooDeep(string what) =>
        $"{what}; lists, callouts and [brackets] may nest at most {ContentLimits.MaxNestingDepth} levels (the format needs two)";

    private ImmutableArray<Block> ReadBlocks(IEnumerable<Md.Block> blocks, int listDepth, bool nested)
    {
        var result = ImmutableArray.CreateBuilder<Block>();
        foreach (var block in blocks)
        {
            if (ReadBlock(block, listDepth, nested) is { } read)
            {
                result.Add(read);
            }
        }
        return result.ToImmutable();
    }

    private Block? ReadBlock(Md.Block block, int listDepth, bool nested)
    {
        var line = block.Line + 1;
        switch (block)
        {
            case Md.HeadingBlock heading when nested:
                problems.Add(line, ContentRules.UnsupportedMarkdown, "headings must stand on their own, not inside a list or callout");
                return null;
            case Md.HeadingBlock heading:
                return ReadHeading(heading, line);
            case Md.ParagraphBlock paragraph:
                return ReadParagraph(paragraph, line);
            case Md.ListBlock list:
                return ReadList(list, line, listDepth + 1);
            case Md.QuoteBlock quote when nested:
                problems.Add(line, ContentRules.UnsupportedMarkdown, "callouts must stand on their own, not inside a list or another callout");
                return null;
            case Md.QuoteBlock quote:
                return ReadCallout(quote, line);
            case MdTables.Table table:
                return ReadTable(table, line);
            case Md.HtmlBlock:
                problems.Add(line, ContentRules.HtmlBlock, "raw HTML (including <!-- comments -->) is not allowed; use Markdown");
                return null;
            case FootnoteGroup group:
                foreach (var footnote in group)
                {
                    problems.Add(footnote.Line + 1, ContentRules.Footnote, "footnotes are not allowed; put the words in the text or in references");
                }
                return null;
            case Md.CodeBlock:
                problems.Add(line, ContentRules.CodeBlock, "code blocks (indented by four spaces or fenced with ```) are not allowed; write plain paragraphs");
                return null;
            case Md.ThematicBreakBlock:
                problems.Add(line, ContentRules.HorizontalRule, "horizontal rules are not allowed; use a ## heading to start a new section");
                return null;
            case Md.LinkReferenceDefinitionGroup:
                return null;
            default:
                problems.Add(line, ContentRules.UnsupportedMarkdown, $"'{block.GetType().Name}' is not part of the authoring format");
                return null;
        }
    }

    private HeadingBlock? ReadHeading(Md.HeadingBlock heading, int line)
    {
        if (heading.IsSetext)
        {
            // Markdig places a setext heading on its underline; the editor looks for the words above it.
            problems.Add(line - Math.Max(0, heading.Lines.Count - 1) - 1, ContentRules.HeadingSetext, "underlined headings are not allowed; start the line with ## or ###");
            return null;
        }
        var level = heading.Level;
        if (level == 1)
        {
            problems.Add(line, ContentRules.HeadingLevelOne, "a # heading is not allowed in the body; the title comes from the front matter, so start sections with ##");
            return null;
        }
        if (level > 3)
        {
            problems.Add(line, ContentRules.HeadingTooDeep, $"headings go no deeper than ###; this one has {level} #");
            _previousHeadingLevel = level;
            return null;
        }
        if (level > _previousHeadingLevel + 1)
        {
            problems.Add(line, ContentRules.HeadingSkipsLevel,
                $"this {new string('#', level)} heading skips a level: the heading before it is level {_previousHeadingLevel}");
        }
        _previousHeadingLevel = level;
        var inlines = _inlines.Read(heading.Inline);
        var text = inlines.PlainText();
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(line, ContentRules.HeadingEmpty, "this heading has no words");
            return null;
        }
        return new HeadingBlock(line, level, inlines, _anchors.Add(text));
    }

    private Block ReadParagraph(Md.ParagraphBlock paragraph, int line)
    {
        var children = paragraph.Inline?.Where(i => i is not MdInlines.LiteralInline { Content.IsEmpty: true }).ToList() ?? [];
        if (children is [MdInlines.LinkInline { IsImage: true } image])
        {
            return ReadFigure(image, line);
        }
        return new ParagraphBlock(line, _inlines.Read(paragraph.Inline));
    }

    private Block ReadFigure(MdInlines.LinkInline image, int line)
    {
        var url = image.Url ?? string.Empty;
        var alt = _inlines.Read(image).PlainText().Trim();
        var caption = string.IsNullOrWhiteSpace(image.Title) ? null : image.Title.Trim();
        if (ImagePaths.Check(url, imageFiles, problems, line) is { } fileName && !_usedImages.Contains(fileName))
        {
            _usedImages.Add(fileName);
        }
        return new FigureBlock(line, url, alt, caption);
    }

    private ListBlock? ReadList(Md.ListBlock list, int line, int depth)
    {
        if (depth > MaxListDepth)
        {
            problems.Add(line, ContentRules.ListTooDeep, "lists may be nested one level at most; split this into separate lists or sentences");
            return null;
        }
        if (!list.IsOrdered && list.BulletType != '-')
        {
            problems.Add(line, ContentRules.ListMarker, $"bullet lists use '-', not '{list.BulletType}'");
        }
        var items = ImmutableArray.CreateBuilder<ListItem>();
        foreach (var item in list.OfType<Md.ListItemBlock>())
        {
            items.Add(new ListItem(ReadBlocks(item, depth, nested: true)));
        }
        return new ListBlock(line, list.IsOrdered, items.ToImmutable());
    }

    private CalloutBlock? ReadCallout(Md.QuoteBlock quote, int line)
    {
        if (quote.FirstOrDefault() is not Md.ParagraphBlock { Inline.FirstChild: MdInlines.EmphasisInline { DelimiterCount: 2 } } first)
        {
            problems.Add(line, ContentRules.CalloutLabelMissing,
                "a block quote is a callout and must start with a bold label, e.g. > **Important:** ...");
            return null;
        }
        var firstInlines = _inlines.Read(first.Inline);
        var label = firstInlines[0] is StrongInline strong ? strong.Children.PlainText().Trim().TrimEnd(':').Trim() : string.Empty;
        if (label.Length == 0)
        {
            problems.Add(line, ContentRules.CalloutLabelMissing, "the callout's bold label has no words");
            return null;
        }
        var blocks = ImmutableArray.CreateBuilder<Block>();
        var rest = firstInlines.RemoveAt(0);
        if (rest.FirstOrDefault() is TextInline lead)
        {
            var trimmed = lead.Text.TrimStart().TrimStart(':').TrimStart();
            rest = trimmed.Length == 0 ? rest.RemoveAt(0) : rest.SetItem(0, new TextInline(trimmed));
        }
        if (!rest.IsEmpty)
        {
            blocks.Add(new ParagraphBlock(first.Line + 1, rest));
        }
        blocks.AddRange(ReadBlocks(quote.Skip(1), listDepth: 0, nested: true));
        return new CalloutBlock(line, label, blocks.ToImmutable());
    }

    private TableBlock? ReadTable(MdTables.Table table, int line)
    {
        var rows = table.OfType<MdTables.TableRow>().ToList();
        if (rows.Count == 0 || !rows[0].IsHeader || rows[0].OfType<MdTables.TableCell>().All(c => ReadCell(c).IsEmpty))
        {
            problems.Add(line, ContentRules.TableHeaderMissing, "tables need a header row naming each column, followed by a |---| line");
            return null;
        }
        var header = ReadRow(rows[0]);
        var body = rows.Skip(1).Select(ReadRow).ToImmutableArray();
        return new TableBlock(line, header, body);
    }

    private ImmutableArray<TableCell> ReadRow(MdTables.TableRow row) =>
        [.. row.OfType<MdTables.TableCell>().Select(cell => new TableCell(ReadCell(cell)))];

    private ImmutableArray<Inline> ReadCell(MdTables.TableCell cell)
    {
        var paragraph = cell.OfType<Md.ParagraphBlock>().FirstOrDefault();
        return paragraph is null ? [] : _inlines.Read(paragraph.Inline);
    }
}
