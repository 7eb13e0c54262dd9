using System.Collections.Immutable;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Audio;

namespace Leaflets.Content.Tests.Speech;

/// <summary>
/// A <see cref="SpeechScript"/> made from a real document's headings and text, without the SSML builder (which is
/// written in parallel): the title and first paragraphs as one chapter, then one chapter per second-level section,
/// each sentence in its own <c>&lt;s&gt;</c>. Enough to speak a real leaflet's words end to end.
/// </summary>
internal static partial class HandMadeScripts
{
    public const string SsmlNamespace = "http://www.w3.org/2001/10/synthesis";

    public static SpeechScript From(LeafletDocument document)
    {
        var chapters = new List<(string Title, List<string> Sentences)> { (document.Metadata.Title, [document.Metadata.Title]) };
        foreach (var block in document.Blocks)
        {
            if (block is HeadingBlock { Level: 2 } heading)
            {
                chapters.Add((heading.Inlines.PlainText(), [heading.Inlines.PlainText()]));
                continue;
            }
            chapters[^1].Sentences.AddRange(Sentences(block));
        }
        return new SpeechScript(
            document.Metadata.Language,
            [.. chapters.Select(chapter => new SpeechChapter(chapter.Title, Ssml(document.Metadata.Language, chapter.Sentences), chapter.Sentences.Sum(Words)))]);
    }

    /// <summary>One SSML document of sentences, each a paragraph of one sentence.</summary>
    public static string Ssml(string language, IEnumerable<string> sentences)
    {
        var ssml = new StringBuilder($"<speak version=\"1.1\" xmlns=\"{SsmlNamespace}\" xml:lang=\"{language}\">");
        foreach (var sentence in sentences)
        {
            ssml.Append("<p><s>").Append(SecurityElement.Escape(sentence)).Append("</s></p>");
        }
        return ssml.Append("</speak>").ToString();
    }

    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static IEnumerable<string> Sentences(Block block) => block switch
    {
        HeadingBlock heading => [heading.Inlines.PlainText()],
        ParagraphBlock paragraph => SplitSentences(paragraph.Inlines.PlainText()),
        ListBlock list => list.Items.SelectMany(item => item.Blocks).SelectMany(Sentences),
        CalloutBlock callout => callout.Blocks.SelectMany(Sentences),
        PictureRowBlock row => [.. SplitSentences(row.Figure.Alt), .. row.Blocks.SelectMany(Sentences)],
        FigureBlock figure => SplitSentences(figure.Alt),
        TableBlock table => table.Rows.Select(cells => string.Join(", ", cells.Select(cell => cell.Inlines.PlainText()))),
        _ => [],
    };

    private static IEnumerable<string> SplitSentences(string text) =>
        SentenceEnd().Split(text).Select(sentence => sentence.Trim()).Where(sentence => sentence.Length > 0);

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
