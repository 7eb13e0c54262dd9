using System.Text.RegularExpressions;

namespace Leaflets.Content.Tests.Text;

/// <summary>
/// Words a reader sees come from the strings table (src/Content/Text/Strings), never from a literal in a renderer, so a
/// translation is a new strings file and nothing English is left behind in the code. Every string literal under
/// src/Content/Rendering is read; one that holds a phrase (a word followed by a lowercase word) fails the test unless it
/// is plainly not for a reader: a message to a developer, operator or API client (an exception's, a log's, a
/// <c>*Messages</c> helper's argument, or a constant named <c>*Message</c>), the value of a markup attribute no one
/// reads (class, id, rel...), a raw literal (the CSS and XMP templates), or PDF syntax (Pdf/Drawing writes operators
/// and objects such as "re f" and "endstream endobj"; every word it draws was laid out in Pdf/Layout, which is
/// scanned). A single word ("Version") is not caught.
/// </summary>
public sealed partial class RendererWordsTests
{
    /// <summary>Literals that look like reader text but are not, each with the reason.</summary>
    private static readonly Dictionary<string, string> NotForReaders = new(StringComparer.Ordinal)
    {
        ["the quick brown fox jumps over the lazy dog and then rests a while"] =
            "Typography measures the average glyph width of this sample; it is never drawn",
        ["Unified English Braille grade x"] = "BrailleTable.Name says which braille a file is in for logs, check findings and render's progress; no braille file holds it",
        ["Welsh braille grade x"] = "BrailleTable.Name says which braille a file is in for logs, check findings and render's progress; no braille file holds it",
        ["azure-speech x voices x"] = "ISpeechEngine.Name, part of the audio's representation version and logs; never spoken or shown",
        ["espeak-ng x voices x default rate"] = "ISpeechEngine.Name, part of the audio's representation version and logs; never spoken or shown",
        ["Leaflets x (Concentus x, x kbit/s, x ms frames, mono)"] = "The Ogg file's ENCODER comment, as opusenc writes its own: encoder settings for tools, not words for a listener",
        ["Mx xhxv1h-xz"] = "SVG path data: one run of a QR code's dark modules (Html/QrCodeSvg); it is drawn, never read",
    };

    /// <summary>Attributes whose values a reader sees or hears; any other attribute's value is markup.</summary>
    private static readonly HashSet<string> ReadAttributes =
        ["alt", "title", "aria-label", "aria-description", "aria-roledescription", "placeholder", "content", "label", "value", "summary"];

    [Fact]
    public void No_renderer_source_file_holds_an_english_phrase_outside_the_strings_table()
    {
        var root = Path.Combine(RepositoryPaths.Root, "src", "Content", "Rendering");
        var pdfSyntax = Path.Combine(root, "Pdf", "Drawing") + Path.DirectorySeparatorChar;
        var found = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.StartsWith(pdfSyntax, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(path => ReaderPhrases(File.ReadAllText(path))
                .Select(literal => $"{Path.GetRelativePath(RepositoryPaths.Root, path)}:{literal.Line}: \"{literal.Value}\""))
            .ToList();

        Assert.True(found.Count == 0,
            "Move these words to ReaderStrings (src/Content/Text) and en.json, or, if no reader ever sees them, say why in "
            + nameof(RendererWordsTests) + ":\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_finds_a_phrase_shown_to_a_reader_but_not_messages_markup_or_comments()
    {
        const string source = """
            // A comment with "words in quotes" is not code.
            /// <summary>Nor is "a doc comment".</summary>
            internal static class Sample
            {
                private const string InvalidMessage = "The settings are out of range";
                private static readonly char Quote = '"';
                public static void Write(HtmlWriter html, string title, int count)
                {
                    html.Element("h2", "Read this first", ("class", "notice boxed"));
                    html.Void("img", ("alt", "A picture of the spine"));
                    html.Text($"Shown {count} of {Total(count, "all items")}");
                    html.Text(@"Say ""hello"" to us" + "Page {page} of {pages}");
                    Log.LogError("Rendering the page failed for {Id}", title);
                    if (count < 0) throw new ArgumentException($"The count {count} is not allowed here.", nameof(count));
                    var error = ChoiceMessages.MustBeOneOf("size", ["16"], "x", "the body text size in points");
                    var css = \"\"\"
                        .picture-row .picture figure { margin: 0; }
                        \"\"\";
                }
            }
            """;

        var phrases = ReaderPhrases(source.Replace("\\\"", "\"", StringComparison.Ordinal)).Select(l => l.Value).ToList();

        Assert.Equal(["Read this first", "A picture of the spine", "Shown x of x", "all items", "Say \"hello\" to us", "Page {page} of {pages}"], phrases);
    }

    private static IEnumerable<CSharpLiteral> ReaderPhrases(string source)
    {
        var file = CSharpLiterals.Read(source);
        var code = file.Code;
        CSharpLiteral? previous = null;
        foreach (var literal in file.Literals.OrderBy(l => l.Start))
        {
            if (Phrase().IsMatch(literal.Value) && !literal.IsRaw && !NotForReaders.ContainsKey(literal.Value)
                && !IsMessage(code, literal.Start) && !IsMarkupAttributeValue(code, previous, literal))
            {
                yield return literal;
            }
            previous = literal;
        }
    }

    /// <summary>An argument of an exception, a log call or a *Messages helper, or the value of a constant named *Message.</summary>
    private static bool IsMessage(string code, int start)
    {
        var depth = 0;
        for (var at = start - 1; at >= 0; at--)
        {
            switch (code[at])
            {
                case ')': depth++; break;
                case '(' when depth > 0: depth--; break;
                case '(':
                    var callee = Callee().Match(code[..at]).Value;
                    return callee.EndsWith("Exception", StringComparison.Ordinal)
                        || LogCall().IsMatch(callee)
                        || MessagesCall().IsMatch(callee);
                case ';' or '{' or '}' when depth == 0:
                    return MessageConstant().IsMatch(code[at..start]);
            }
        }
        return false;
    }

    /// <summary>
    /// The second of a pair like <c>("class", "notice boxed")</c> whose attribute no reader reads (a tuple, not a call
    /// such as <c>html.Element("p", "Some words")</c>).
    /// </summary>
    private static bool IsMarkupAttributeValue(string code, CSharpLiteral? previous, CSharpLiteral literal)
    {
        if (previous is null || !AttributeName().IsMatch(previous.Value) || ReadAttributes.Contains(previous.Value)
            || code[previous.End..literal.Start].Trim() != ",")
        {
            return false;
        }
        var before = code[..previous.Start].TrimEnd();
        return before.EndsWith('(') && Callee().Match(before[..^1]).Length == 0;
    }

    // A word, a space and a lowercase word: "Last reviewed", "of x" (a placeholder or hole reads as a word).
    [GeneratedRegex(@"\b[A-Za-z][a-z]* [a-z{]+")]
    private static partial Regex Phrase();

    [GeneratedRegex(@"[\w.]+\s*$")]
    private static partial Regex Callee();

    [GeneratedRegex(@"(^|\.)Log\w*$")]
    private static partial Regex LogCall();

    [GeneratedRegex(@"Messages\.\w+$")]
    private static partial Regex MessagesCall();

    [GeneratedRegex(@"\w*Message\s*=[^=]")]
    private static partial Regex MessageConstant();

    // SVG's attribute names are camelCase (viewBox).
    [GeneratedRegex("^[a-z][a-zA-Z-]*$")]
    private static partial Regex AttributeName();
}
