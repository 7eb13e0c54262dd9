using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Leaflets.Content.Model;

namespace Leaflets.Content.Readability;

/// <summary>A stretch of running text and the source line it starts on.</summary>
internal sealed record TextPassage(int Line, string Text, bool IsHeading = false);

/// <summary>
/// What a reader reads, as passages. Readability figures use body text only: paragraphs, list items,
/// callouts (with their label), table cells, figure captions and the words of easy-read rows.
/// Headings are left out of the figures because they are labels, not sentences: counted as sentences
/// they would make every leaflet look easier than it is. References are not part of the body and are
/// never counted; URLs are removed (nobody reads them as words). Alternative text is not counted
/// either: sighted readers never see it, and screen-reader users meet it as a picture description.
/// </summary>
internal static partial class ReadableText
{
    public static ImmutableArray<TextPassage> Of(LeafletDocument document, bool includeHeadings = false)
    {
        var passages = ImmutableArray.CreateBuilder<TextPassage>();
        Collect(document.Blocks, passages, includeHeadings);
        return passages.ToImmutable();
    }

    private static void Collect(IEnumerable<Block> blocks, ImmutableArray<TextPassage>.Builder passages, bool includeHeadings)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock heading when includeHeadings:
                    Add(passages, heading.Line, heading.Inlines.PlainText(), isHeading: true);
                    break;
                case ParagraphBlock paragraph:
                    Add(passages, paragraph.Line, paragraph.Inlines.PlainText());
                    break;
                case ListBlock list:
                    foreach (var item in list.Items)
                    {
                        Collect(item.Blocks, passages, includeHeadings);
                    }
                    break;
                case FigureBlock { Caption: { } caption } figure:
                    Add(passages, figure.Line, caption);
                    break;
                case CalloutBlock callout:
                    CollectCallout(callout, passages, includeHeadings);
                    break;
                case TableBlock table:
                    foreach (var cell in table.Header.Concat(table.Rows.SelectMany(r => r)))
                    {
                        Add(passages, table.Line, cell.Inlines.PlainText());
                    }
                    break;
                case PictureRowBlock row:
                    Collect([row.Figure], passages, includeHeadings);
                    Collect(row.Blocks, passages, includeHeadings);
                    break;
            }
        }
    }

    private static void CollectCallout(CalloutBlock callout, ImmutableArray<TextPassage>.Builder passages, bool includeHeadings)
    {
        var label = callout.Label.TrimEnd().TrimEnd(':') + ": ";
        if (callout.Blocks is [ParagraphBlock first, ..])
        {
            Add(passages, first.Line, label + first.Inlines.PlainText());
            Collect(callout.Blocks.Skip(1), passages, includeHeadings);
        }
        else
        {
            Collect(callout.Blocks, passages, includeHeadings);
        }
    }

    private static void Add(ImmutableArray<TextPassage>.Builder passages, int line, string text, bool isHeading = false)
    {
        var withoutUrls = Url().Replace(text, " ");
        if (!string.IsNullOrWhiteSpace(withoutUrls))
        {
            passages.Add(new TextPassage(line, withoutUrls, isHeading));
        }
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
