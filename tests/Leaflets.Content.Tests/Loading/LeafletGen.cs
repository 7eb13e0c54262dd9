using System.Collections.Immutable;
using System.Text;
using CsCheck;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Tests.Loading;

/// <summary>
/// Near-valid content trees for property tests: leaflets built from the format's own constructs (headings, lists,
/// callouts, tables, figures, links) mixed with the mistakes editors make and the edge values of each limit, so
/// that most samples load and the rest break one rule or a few. Shared with Leaflets.Pdf.Tests (linked source).
/// </summary>
internal static class LeafletGen
{
    private static readonly Gen<string> Word = Gen.Frequency(
        (40, Gen.OneOf("bone", "cement", "pain", "doctor", "needle", "spine", "you", "will", "feel", "better", "the", "a", "in", "x-ray")),
        (4, Gen.OneOf("café", "Ŵyn", "łokieć", "Größe", "άλγος", "боль", "2.5 mm", "50%", "£10", "→", "“quoted”", "it’s", "A&E")),
        (1, Gen.OneOf("&amp;", "&#x2014;", "\\*", "[", "]", "(", ")", "_", "~~", "|", "#", ":", "'", "\"", "{", "<", ">", "&")));

    private static Gen<string> Words(int min, int max) => Word.Array[min, max].Select(words => string.Join(' ', words));

    private static readonly Gen<string> Url = Gen.Frequency(
        (20, Gen.OneOf("https://www.nhs.uk/conditions/bone-cancer/", "http://example.org/a?b=c&d=e", "mailto:team@example.org", "tel:+441234567890",
            "https://example.org/a(b)c")),
        (1, Gen.OneOf("www.nice.org.uk", "javascript:alert(1)", "", "/relative")));

    private static readonly Gen<string> Inline = Gen.Frequency(
        (60, Words(1, 8)),
        (10, Words(1, 3).Select(w => $"**{w}**")),
        (2, Words(1, 3).Select(w => $"*{w}*")),
        (10, Gen.Select(Words(2, 5), Url, (text, url) => $"[{text}]({url})")),
        (1, Gen.OneOf("[click here](https://example.org)", "`code`", "<b>bold</b>", "[^1]", "<https://example.org>", "![a bone](images/a.png)",
            "**unclosed", "[unclosed](", "\\", "  \n", "<!-- note -->", "***both***")));

    private static readonly Gen<string> Paragraph = Inline.Array[1, 6].Select(parts => string.Join(' ', parts));

    private static readonly Gen<string> Figure = Gen.Select(
        Gen.Frequency(
            (20, Gen.OneOf("images/a.png", "images/b.png", "images/c.jpg")),
            (1, Gen.OneOf("images/missing.png", "../a.png", "images/a..png", "<images/a b.png>", "images/A.PNG", ""))),
        Words(1, 5),
        Gen.OneOf("", " \"The cement sets hard.\"", " \"\""),
        (url, alt, caption) => $"![{alt}]({url}{caption})");

    private static readonly Gen<string> List = Gen.Select(
        Gen.Frequency((20, Gen.OneOf("- ", "1. ")), (1, Gen.OneOf("* ", "+ "))),
        Paragraph.Array[1, 4],
        Gen.Int[0, 12],
        (marker, items, nestedAt) => string.Join('\n', items.Select((item, i) =>
            (i == nestedAt ? "  " : string.Empty) + marker + item)));

    private static readonly Gen<string> Callout = Gen.Select(
        Gen.Frequency((20, Gen.OneOf("**Important:** ", "**Note** ")), (1, Gen.OneOf("", "**:** ", "*Soft:* "))),
        Paragraph,
        Gen.Bool,
        (label, text, second) => $"> {label}{text}" + (second ? "\n>\n> " + text : string.Empty));

    private static readonly Gen<string> Table = Gen.Select(
        Gen.Int[1, 4],
        Words(1, 3).Array[1, 5],
        Gen.Frequency((20, Gen.Const(true)), (1, Gen.Const(false))),
        (columns, cells, header) =>
        {
            var row = (int start) => "| " + string.Join(" | ", Enumerable.Range(0, columns).Select(c => cells[(start + c) % cells.Length])) + " |";
            var lines = new List<string>();
            if (header)
            {
                lines.Add(row(0));
            }
            lines.Add("|" + string.Concat(Enumerable.Repeat("---|", columns)));
            lines.Add(row(1));
            lines.Add(row(2));
            return string.Join('\n', lines);
        });

    private static readonly Gen<string> Block = Gen.Frequency(
        (40, Paragraph),
        (12, Gen.Select(Gen.Frequency((1, Gen.Const(1)), (40, Gen.Const(2)), (1, Gen.Int[4, 6])), Words(1, 5), (level, words) => new string('#', level) + " " + words)),
        (12, List),
        (8, Callout),
        (6, Table),
        (10, Figure),
        (1, Gen.OneOf("```\ncode\n```", "---", "***", "<div>boxed</div>", "Underlined\n---", "[^1]: a note", "    indented", "[ref]: https://example.org",
            "- > **Note:** quote in list", "> > **Deep:** quote", "- - - - - - - - - - item", new string('[', 12), "- a\n  - b\n    - c")));

    private static readonly Gen<string> Body = Block.Array[0, 10].Select(blocks => string.Join("\n\n", blocks) + "\n");

    private static readonly Gen<string> Date = Gen.Frequency(
        (40, Gen.Select(Gen.Int[2015, 2035], Gen.Int[1, 12], Gen.Int[1, 28], (y, m, d) => $"{y:D4}-{m:D2}-{d:D2}")),
        (1, Gen.OneOf("9999-12-31", "0001-01-01", "1899-12-31", "2199-12-31", "2024-02-30", "01/03/2024", "2024-3-1", "\"2024-03-01\"", "")));

    private static Gen<string> Text(int limit) => Gen.Frequency(
        (40, Words(1, 8)),
        (1, Gen.OneOf(new string('t', limit), new string('t', limit + 1), "", "\"quoted: with a colon\"", "[a, list]", "~", "'single'", "|\n  folded")));

    private static readonly Gen<string> References = Gen.OneOf(
        "references:\n  - title: Cement for bones\n    publisher: Example Publisher\n    year: 2020",
        "references:\n  - title: Cement for bones\n    publisher: Example Publisher\n    year: 2020",
        "references:\n  - title: Cement for bones\n    publisher: Example Publisher\n    year: 2020",
        "references:\n  - title: Cement for bones\n    publisher: Example Publisher\n    year: 2020",
        "references:\n  - title: Cement for bones\n    publisher: Example Publisher\n    year: 2020\n    url: https://example.org/cement",
        "references:\n  - title: Cement for bones\n    year: 20200",
        "references: []",
        "references:\n  - title: A\n    publisher: B\n    year: 2020\n    url: www.bad",
        "");

    private static readonly Gen<string> FrontMatter = Gen.Select(
        Gen.Select(Text(ContentLimits.MaxTitleLength), Text(ContentLimits.MaxSummaryLength), Gen.Frequency((30, Gen.OneOf("en-GB", "cy", "zh-Hant-TW")), (1, Gen.OneOf("English", "")))),
        Gen.Select(Date, Gen.Frequency((3, Gen.Const(string.Empty)), (1, Date)), Gen.Frequency((30, Gen.OneOf("1", "2")), (1, Gen.OneOf("0", "two", "\"3\"", "")))),
        Gen.Select(References, Gen.Frequency((30, Gen.OneOf("", "topics: [bones, pain]", "codes:\n  - system: SNOMED-CT\n    code: \"1234\"")), (1, Gen.OneOf("colour: red", "title: again", "codes: 3")))),
        (texts, dates, more) =>
        {
            var (title, summary, language) = texts;
            var (last, next, version) = dates;
            var (references, extra) = more;
            var lines = new List<string>
            {
                $"title: {title}", $"summary: {summary}", $"language: {language}", $"lastReviewed: {last}", $"version: {version}", references, extra,
            };
            if (next.Length > 0)
            {
                lines.Add($"nextReview: {next}");
            }
            return "---\n" + string.Join('\n', lines.Where(line => line.Length > 0 && !line.EndsWith(": ", StringComparison.Ordinal))) + "\n---\n";
        });

    private static readonly Gen<byte[]> Markdown = Gen.Frequency(
        (60, Gen.Select(FrontMatter, Body, (front, body) => Encoding.UTF8.GetBytes(front + "\n" + body))),
        (1, Gen.Select(FrontMatter, Body, (front, body) => Encoding.UTF8.GetBytes(front.Replace("\n", "\r\n") + body))),
        (1, Gen.Select(FrontMatter, Body, (front, body) => Encoding.UTF8.GetBytes(body + front))),
        (1, Gen.Byte.Array[0, 200]));

    /// <summary>Figures: mostly whole PNGs of each kind the renderer handles differently and JPEG headers, sometimes broken.</summary>
    public static readonly Gen<byte[]> Image = Gen.Frequency(
        (12, Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Byte, (w, h, fill) => TestPng.Grey(w, h, fill))),
        (12, Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.OneOf<byte>(0, 1, 2, 3, 4), (w, h, filter) => TestPng.TransparentPalette(w, h, filter))),
        (8, Gen.Select(Gen.Int[1, 30], Gen.Int[1, 30], Gen.OneOf<byte>(2, 4, 6), Gen.OneOf<byte>(8, 16), Gen.Bool,
            (w, h, colorType, depth, interlaced) => TestPng.Solid(w, h, colorType, depth, interlaced))),
        (4, Gen.Select(Gen.Int[1, 600], Gen.Int[1, 600], Gen.OneOf<byte>(0xC0, 0xC2), (w, h, frame) => TestJpeg.Headers(w, h, frame))),
        (1, Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Int[5, 255], (w, h, filter) => TestPng.TransparentPalette(w, h, (byte)filter))),
        (1, Gen.OneOf("<html>Not found</html>"u8.ToArray(), TestPng.Build(TestPng.Header(0, 10, 8, 0), []), TestPng.Build(TestPng.Header(50_000, 50_000, 8, 3), [], ("PLTE", [0, 0, 0])))),
        (1, Gen.Byte.Array[0, 100]));

    /// <summary>One to three leaflets, each a plain.md, maybe an easy-read.md and up to three figures.</summary>
    public static readonly Gen<ImmutableArray<ContentFile>> ContentTree =
        Gen.Select(Markdown, Gen.Frequency((3, Gen.Const((byte[]?)null)), (1, Markdown.Select(bytes => (byte[]?)bytes))),
                Gen.Select(Gen.Frequency((20, Gen.OneOf("a.png", "b.png", "c.jpg")), (1, Gen.OneOf("A.PNG", "a b.png"))), Image).Array[0, 3],
                Gen.Frequency((20, Gen.OneOf("bones", "hips", "spine")), (1, Gen.OneOf("bad_id", "ok\n"))),
                (plain, easyRead, images, id) =>
                {
                    var files = new List<ContentFile> { new($"leaflets/{id}/plain.md", [.. plain]) };
                    if (easyRead is not null)
                    {
                        files.Add(new ContentFile($"leaflets/{id}/easy-read.md", [.. easyRead]));
                    }
                    files.AddRange(images.DistinctBy(i => i.Item1).Select(image => new ContentFile($"leaflets/{id}/images/{image.Item1}", [.. image.Item2])));
                    return files;
                })
            .Array[1, 3]
            .Select(leaflets => leaflets.SelectMany(files => files).DistinctBy(file => file.Path).ToImmutableArray());
}
