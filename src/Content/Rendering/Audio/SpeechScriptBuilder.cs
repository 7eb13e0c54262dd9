using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// Writes what is spoken for one leaflet document (<see cref="SpeechScript"/>): SSML 1.1, one chapter for the title,
/// summary and what comes before the first section, one for each section (level 2 heading), and one for "About this
/// leaflet" (version and review dates, as on paper and in braille), so a listener can skip between them. Each
/// chapter is a whole <c>&lt;speak&gt;</c> document an engine speaks on its own; <see cref="WholeDocument"/> joins them.
/// <list type="bullet">
/// <item>A heading (but the title, which starts the script) gets a pause before it and a shorter one after it, so a
/// listener hears where a part starts; a chapter starts with that pause.</item>
/// <item>A list is read item by item, each item its own sentence (<c>&lt;s&gt;</c>), a numbered item with its number.</item>
/// <item>A table is read row by row, each cell after its column heading ("Treatment: Vertebroplasty").</item>
/// <item>An informative picture's description is read where the picture stands, after "Picture:"; a decorative picture
/// is not (as the HTML hides it and braille leaves it out), though a caption under it is, being words on the page.</item>
/// <item>A link is read by its words, never its address: a listener cannot follow it, and an address read aloud is noise.</item>
/// <item>Dates are written out from the strings' date template ("15 February 2018", "15 Chwefror 2018"), not put in
/// <c>&lt;say-as interpret-as="date"&gt;</c>: espeak-ng ignores say-as dates and reads their digits as they stand, and
/// the words give each language its own order and month names.</item>
/// </list>
/// Bold is not marked, as in braille: the words carry the stress. Deterministic: the same document and strings give
/// the same bytes.
/// </summary>
public sealed partial class SpeechScriptBuilder
{
    public const string Namespace = "http://www.w3.org/2001/10/synthesis";

    public const string SsmlVersion = "1.1";

    /// <summary>The pause before a heading: longer than between paragraphs, so the change of part is heard.</summary>
    public const string PauseBeforeHeading = "800ms";

    /// <summary>The pause after a heading, before what it heads.</summary>
    public const string PauseAfterHeading = "400ms";

    /// <summary>The mark at the start of chapter <c>n</c> (1-based) in <see cref="WholeDocument"/>.</summary>
    public static string ChapterMark(int number) => "chapter-" + number.ToString(CultureInfo.InvariantCulture);

    private static readonly XNamespace Ssml = Namespace;

    private readonly ReaderStrings words;
    private readonly List<(string Title, List<XNode> Content)> chapters = [];

    private SpeechScriptBuilder(ReaderStrings words) => this.words = words;

    /// <summary>The script of <paramref name="document"/>, in the words of <paramref name="strings"/> (the snapshot's).</summary>
    public static SpeechScript Build(LeafletDocument document, StringsLibrary strings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(strings);
        var metadata = document.Metadata;
        var builder = new SpeechScriptBuilder(strings.For(metadata.Language));
        builder.Start(metadata.Title);
        builder.Heading(metadata.Title, title: true);
        builder.Add(Paragraph(metadata.Summary));
        if (TranslationNotice.For(metadata, strings) is { } notice)
        {
            var sentences = new XElement(Ssml + "p", Sentence(notice.Text, notice.TextLanguage));
            if (notice.MainText is { } mainText)
            {
                sentences.Add(Sentence(mainText, notice.MainLanguage));
            }
            builder.Add(sentences);
        }
        foreach (var block in document.Blocks)
        {
            if (block is HeadingBlock { Level: <= 2 } section)
            {
                var title = Normalise(section.Inlines.PlainText());
                builder.Start(title);
                builder.Heading(title);
                continue;
            }
            builder.Block(block);
        }
        builder.About(metadata);
        return new SpeechScript(metadata.Language, [.. builder.chapters.Select(chapter => Chapter(metadata.Language, chapter.Title, chapter.Content))]);
    }

    /// <summary>
    /// The whole script as one SSML document (what <c>/audio/ssml</c> serves): every chapter's content in order, each
    /// after a <c>&lt;mark name="chapter-n"/&gt;</c>, so an engine that reports marks tells where each chapter starts.
    /// </summary>
    public static string WholeDocument(SpeechScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var speak = Speak(script.Language);
        for (var index = 0; index < script.Chapters.Length; index++)
        {
            speak.Add(new XElement(Ssml + "mark", new XAttribute("name", ChapterMark(index + 1))));
            speak.Add(XElement.Parse(script.Chapters[index].Ssml).Nodes());
        }
        return Serialize(speak);
    }

    /// <summary>The words a listener hears in an SSML document: its text, whitespace-separated, markup left out.</summary>
    public static int CountWords(XElement speak)
        => speak.DescendantNodes().OfType<XText>().Sum(text => Word().Matches(text.Value).Count);

    private void Start(string title) => chapters.Add((title, []));

    private void Add(XNode node) => chapters[^1].Content.Add(node);

    /// <param name="title">The leaflet's title, which starts the script: no pause before it.</param>
    private void Heading(string text, bool title = false)
    {
        if (!title)
        {
            Add(Break(PauseBeforeHeading));
        }
        Add(new XElement(Ssml + "p", Sentence(text)));
        Add(Break(PauseAfterHeading));
    }

    private void Block(Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                Heading(Normalise(heading.Inlines.PlainText()));
                break;
            case ParagraphBlock paragraph:
                Add(Paragraph(paragraph.Inlines.PlainText()));
                break;
            case ListBlock list:
                Add(new XElement(Ssml + "p", ListSentences(list)));
                break;
            case TableBlock table:
                Add(Table(table));
                break;
            case FigureBlock figure:
                Figure(figure);
                break;
            case CalloutBlock callout:
                Callout(callout);
                break;
            case PictureRowBlock row:
                Figure(row.Figure);
                foreach (var inner in row.Blocks)
                {
                    Block(inner);
                }
                break;
            default:
                throw new NotSupportedException($"No spoken form for {block.GetType().Name}.");
        }
    }

    /// <summary>
    /// Each item a sentence, a list inside an item its own sentences after it: SSML has no nested paragraphs, and a
    /// listener hears the nesting in the order of the items.
    /// </summary>
    private static IEnumerable<XElement> ListSentences(ListBlock list)
    {
        var number = 0;
        foreach (var item in list.Items)
        {
            number++;
            var first = true;
            foreach (var block in item.Blocks)
            {
                if (block is ListBlock inner)
                {
                    foreach (var sentence in ListSentences(inner))
                    {
                        yield return sentence;
                    }
                }
                else
                {
                    var sentence = Sentence(SentenceText(block));
                    if (first && list.Ordered)
                    {
                        // The number as the reader sees it, said as a number, then the item.
                        sentence.AddFirst(
                            new XElement(Ssml + "say-as", new XAttribute("interpret-as", "cardinal"), number.ToString(CultureInfo.InvariantCulture)),
                            ". ");
                    }
                    yield return sentence;
                }
                first = false;
            }
        }
    }

    /// <summary>The words of a block inside a list item, where only sentences may stand.</summary>
    private static string SentenceText(Block block) => block switch
    {
        ParagraphBlock paragraph => paragraph.Inlines.PlainText(),
        HeadingBlock heading => heading.Inlines.PlainText(),
        _ => throw new NotSupportedException($"No spoken form for {block.GetType().Name} inside a list item."),
    };

    private XElement Table(TableBlock table)
    {
        var spoken = new XElement(Ssml + "p", Sentence(words.Audio.Table));
        foreach (var row in table.Rows)
        {
            var sentence = new XElement(Ssml + "s");
            for (var column = 0; column < row.Length; column++)
            {
                if (column > 0)
                {
                    // A short pause keeps one "heading: cell" pair apart from the next without a word for it.
                    sentence.Add(new XElement(Ssml + "break", new XAttribute("strength", "medium")));
                }
                var cell = Normalise(row[column].Inlines.PlainText());
                sentence.Add(column < table.Header.Length ? $"{Normalise(table.Header[column].Inlines.PlainText())}: {cell}" : cell);
            }
            spoken.Add(sentence);
        }
        return spoken;
    }

    private void Figure(FigureBlock figure)
    {
        var spoken = new XElement(Ssml + "p");
        if (!figure.IsDecorative)
        {
            spoken.Add(Sentence(ReaderStrings.Fill(words.Audio.Picture, ("description", Normalise(figure.Alt)))));
        }
        if (figure.Caption is { Length: > 0 } caption)
        {
            spoken.Add(Sentence(caption));
        }
        if (spoken.HasElements)
        {
            Add(spoken);
        }
    }

    /// <summary>The label leads the first paragraph, as on the page ("Important: NICE says ...").</summary>
    private void Callout(CalloutBlock callout)
    {
        var label = Normalise(callout.Label).TrimEnd(':');
        var rest = callout.Blocks.AsEnumerable();
        if (callout.Blocks is [ParagraphBlock first, ..])
        {
            Add(new XElement(Ssml + "p", label + ":", new XElement(Ssml + "break", new XAttribute("strength", "weak")), " " + Normalise(first.Inlines.PlainText())));
            rest = rest.Skip(1);
        }
        else
        {
            Add(Paragraph(label + ":"));
        }
        foreach (var inner in rest)
        {
            Block(inner);
        }
    }

    private void About(LeafletMetadata metadata)
    {
        var about = words.Leaflet;
        Start(about.AboutThisLeaflet);
        Heading(about.AboutThisLeaflet);
        Add(new XElement(Ssml + "p",
            Sentence($"{about.Version}: {metadata.Version.ToString(CultureInfo.InvariantCulture)}."),
            Sentence($"{about.LastReviewed}: {ReaderDate.Format(metadata.LastReviewed, words)}."),
            Sentence($"{about.NextReviewDue}: {ReaderDate.Format(metadata.NextReview, words)}.")));
    }

    private static XElement Paragraph(string text) => new(Ssml + "p", Normalise(text));

    private static XElement Sentence(string text, string? language = null)
        => new(Ssml + "s", language is null ? null : new XAttribute(XNamespace.Xml + "lang", language), Normalise(text));

    private static XElement Break(string time) => new(Ssml + "break", new XAttribute("time", time));

    private static XElement Speak(string language)
        => new(Ssml + "speak", new XAttribute("version", SsmlVersion), new XAttribute(XNamespace.Xml + "lang", language));

    private static SpeechChapter Chapter(string language, string title, List<XNode> content)
    {
        var speak = Speak(language);
        speak.Add(content);
        return new SpeechChapter(title, Serialize(speak), CountWords(speak));
    }

    /// <summary>
    /// The document with each of <c>&lt;speak&gt;</c>'s children on its own line and nothing indented: whitespace
    /// between blocks means nothing to an engine, but an indenting writer also puts it inside a sentence that starts
    /// with an element (a list item's number), where it would be text.
    /// </summary>
    private static string Serialize(XElement speak)
    {
        var text = new StringBuilder(XmlDeclaration).Append('\n');
        var lines = new XElement(speak.Name, speak.Attributes());
        foreach (var child in speak.Nodes().Where(node => node is not XText { Value: var value } || !string.IsNullOrWhiteSpace(value)))
        {
            lines.Add(new XText("\n"), child);
        }
        lines.Add(new XText("\n"));
        return text.Append(lines.ToString(SaveOptions.DisableFormatting)).Append('\n').ToString();
    }

    private const string XmlDeclaration = """<?xml version="1.0" encoding="utf-8"?>""";

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A run of letters or digits (with the apostrophes and hyphens inside words): one spoken word.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
