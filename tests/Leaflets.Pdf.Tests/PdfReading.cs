using System.Collections.Concurrent;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace Leaflets.Pdf.Tests;

/// <summary>Renders once per leaflet/variant/options and reads the PDF back with PdfPig.</summary>
internal static class PdfReading
{
    public const string PublicUrl = "https://leaflets.example.org/leaflets/cementoplasty";

    private static readonly ConcurrentDictionary<string, byte[]> Rendered = new();
    private static readonly Lazy<Leaflet> SampleLeaflet = new(() => TestLeaflets.Sample(tableRows: 14));

    public static Leaflet Sample => SampleLeaflet.Value;

    public static byte[] Render(Leaflet leaflet, LeafletVariant variant, PdfRenderOptions options) => Render(PdfRequest.For(leaflet, variant, options));

    public static byte[] Render(PdfRequest request)
        => Rendered.GetOrAdd($"{request.LeafletId}|{request.CacheKey}", _ => new LeafletPdfRenderer().Render(request));

    public static byte[] RenderSample(
        LeafletVariant variant = LeafletVariant.Plain, int size = 18, PaperSize paper = PaperSize.A4, string? url = PublicUrl,
        ReviewStatus review = ReviewStatus.Current)
        => Render(Sample, variant, new PdfRenderOptions(size, paper, url, review));

    /// <summary>
    /// The words of all pages in the order they were drawn (the content stream order assistive
    /// technology follows), not re-sorted by position: letters on one baseline that touch form words,
    /// anything else starts a new one.
    /// </summary>
    public static List<string> Words(PdfDocument pdf)
    {
        var words = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            words.AddRange(Text(page.Letters).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        return words;
    }

    /// <summary>Letters in drawing order as text: a space wherever the next letter does not touch the previous one.</summary>
    public static string Text(IEnumerable<Letter> letters)
    {
        var text = new System.Text.StringBuilder();
        Letter? previous = null;
        foreach (var letter in letters)
        {
            if (previous is not null && !Continues(previous, letter))
            {
                text.Append(' ');
            }
            text.Append(letter.Value);
            previous = letter;
        }
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The words a page draws inside the marked-content sequences with these ids (tagged content, never artifacts).</summary>
    public static string MarkedText(Page page, IReadOnlyCollection<int> mcids)
    {
        var letters = new List<Letter>();
        void Collect(IEnumerable<MarkedContentElement> elements)
        {
            foreach (var element in elements)
            {
                if (!element.IsArtifact && mcids.Contains(element.MarkedContentIdentifier))
                {
                    letters.AddRange(element.Letters);
                }
                Collect(element.Children);
            }
        }
        Collect(page.GetMarkedContents());
        return Text(letters);
    }

    /// <summary>Every glyph at or above the body size and inside the paper's margins (20 mm, or 15 mm on A5).</summary>
    public static void AssertGlyphsAtBodySizeInsideMargins(PdfDocument pdf, int size, PaperSize paper)
    {
        var margin = (paper == PaperSize.A5 ? 15 : 20) * 72 / 25.4;
        Assert.NotEmpty(pdf.GetPages().SelectMany(InkLetters));
        foreach (var page in pdf.GetPages())
        {
            foreach (var letter in page.Letters)
            {
                Assert.True(letter.PointSize >= size - 0.01, $"'{letter.Value}' on page {page.Number} is {letter.PointSize} pt, below {size} pt.");
                var box = letter.BoundingBox;
                Assert.True(box.Left >= margin - 0.5 && box.Right <= page.Width - margin + 0.5
                    && box.Bottom >= margin - 0.5 && box.Top <= page.Height - margin + 0.5,
                    $"'{letter.Value}' on page {page.Number} at {box} is outside the {margin:0.0} pt margins.");
            }
        }
    }

    private static bool Continues(Letter previous, Letter next)
        => Math.Abs(previous.StartBaseLine.Y - next.StartBaseLine.Y) < 1 && Math.Abs(previous.EndBaseLine.X - next.StartBaseLine.X) < 1;

    public static IEnumerable<Letter> InkLetters(Page page) => page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value));

    public static DictionaryToken Dictionary(PdfDocument pdf, IToken token)
    {
        var resolved = Resolve(pdf, token);
        return resolved as DictionaryToken ?? (resolved as StreamToken)?.StreamDictionary
            ?? throw new InvalidOperationException($"Expected a dictionary, found {resolved}.");
    }

    public static IToken Resolve(PdfDocument pdf, IToken token)
        => token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    /// <summary>
    /// A PDF text string (/Alt, /Lang, /Title): a literal string, or a hex one as text beyond Latin-1 is written
    /// (UTF-16BE, so "balŵn" or a curly apostrophe); null for any other token.
    /// </summary>
    public static string? TextString(PdfDocument pdf, IToken token) => Resolve(pdf, token) switch
    {
        StringToken text => text.Data,
        HexToken hex => hex.Data,
        _ => null,
    };

    /// <summary>Every structure element below StructTreeRoot, depth first: (type, alt text, depth).</summary>
    public static List<(string Type, string? Alt, int Depth)> StructureElements(PdfDocument pdf)
        => [.. TaggedElements(pdf).Select(e => (e.Type, e.Alt, e.Depth))];

    /// <summary>Every structure element below StructTreeRoot, depth first, with the marked-content ids it owns itself.</summary>
    public static List<(string Type, string? Alt, int Depth, List<int> Mcids)> TaggedElements(PdfDocument pdf)
    {
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        var root = Dictionary(pdf, catalog.Data["StructTreeRoot"]);
        var found = new List<(string, string?, int, List<int>)>();
        Walk(pdf, root.Data["K"], 0, found, owner: null);
        return found;
    }

    private static void Walk(PdfDocument pdf, IToken kids, int depth, List<(string, string?, int, List<int>)> found, List<int>? owner)
    {
        var resolved = Resolve(pdf, kids);
        if (resolved is ArrayToken array)
        {
            foreach (var kid in array.Data)
            {
                Walk(pdf, kid, depth, found, owner);
            }
            return;
        }
        if (resolved is NumericToken mcid)
        {
            owner?.Add(mcid.Int);
            return;
        }
        if (resolved is not DictionaryToken element)
        {
            return;
        }
        if (!element.Data.TryGetValue("S", out var type))
        {
            // A marked-content reference (/Type /MCR) or an object reference (/Type /OBJR).
            if (element.Data.TryGetValue("MCID", out var referenced) && Resolve(pdf, referenced) is NumericToken number)
            {
                owner?.Add(number.Int);
            }
            return;
        }
        var alt = element.Data.TryGetValue("Alt", out var altToken) ? TextString(pdf, altToken) : null;
        var mcids = new List<int>();
        found.Add((((NameToken)type).Data, alt, depth, mcids));
        if (element.Data.TryGetValue("K", out var children))
        {
            Walk(pdf, children, depth + 1, found, mcids);
        }
    }

    /// <summary>
    /// Every structure element below StructTreeRoot, depth first, with the words of the marked content it owns itself,
    /// read on the page each marked-content id belongs to (/Pg of the reference, else of the element), and its own /Lang.
    /// </summary>
    public static List<(string Type, int Depth, string Text, string? Lang)> ElementTexts(PdfDocument pdf)
    {
        var pages = (ArrayToken)Resolve(pdf, Dictionary(pdf, pdf.Structure.Catalog.CatalogDictionary.Data["Pages"]).Data["Kids"]);
        var pageNumbers = pages.Data.OfType<IndirectReferenceToken>().Select((page, index) => (page.Data, index + 1)).ToDictionary();
        var found = new List<(string Type, int Depth, List<(int Page, int Mcid)> Owned, string? Lang)>();
        void Visit(IToken kids, int depth, List<(int, int)>? owner, int? page)
        {
            switch (Resolve(pdf, kids))
            {
                case ArrayToken array:
                    foreach (var kid in array.Data)
                    {
                        Visit(kid, depth, owner, page);
                    }
                    break;
                case NumericToken mcid when page is { } on:
                    owner?.Add((on, mcid.Int));
                    break;
                case DictionaryToken element:
                    var own = element.Data.TryGetValue("Pg", out var pg) && pg is IndirectReferenceToken reference ? pageNumbers[reference.Data] : page;
                    if (!element.Data.TryGetValue("S", out var type))
                    {
                        if (element.Data.TryGetValue("MCID", out var referenced) && Resolve(pdf, referenced) is NumericToken number && own is { } at)
                        {
                            owner?.Add((at, number.Int));
                        }
                        break;
                    }
                    var owned = new List<(int, int)>();
                    var lang = element.Data.TryGetValue("Lang", out var langToken) ? (Resolve(pdf, langToken) as StringToken)?.Data : null;
                    found.Add((((NameToken)type).Data, depth, owned, lang));
                    if (element.Data.TryGetValue("K", out var children))
                    {
                        Visit(children, depth + 1, owned, own);
                    }
                    break;
            }
        }
        Visit(Dictionary(pdf, pdf.Structure.Catalog.CatalogDictionary.Data["StructTreeRoot"]).Data["K"], 0, null, null);
        return [.. found.Select(e => (e.Type, e.Depth, string.Join(" ", e.Owned.GroupBy(o => o.Page)
            .Select(onPage => MarkedText(pdf.GetPage(onPage.Key), [.. onPage.Select(o => o.Mcid)]))).Trim(), e.Lang))];
    }

    /// <summary>The lines of the running footer on a page: artifact text below every line of tagged text.</summary>
    public static List<string> FooterLines(Page page)
    {
        var tagged = new List<Letter>();
        var artifacts = new List<Letter>();
        void Collect(IEnumerable<MarkedContentElement> elements)
        {
            foreach (var element in elements)
            {
                (element.IsArtifact ? artifacts : tagged).AddRange(element.Letters);
                Collect(element.Children);
            }
        }
        Collect(page.GetMarkedContents());
        var lowestTagged = tagged.Count == 0 ? page.Height : tagged.Min(l => l.StartBaseLine.Y);
        return [.. artifacts.Where(l => l.StartBaseLine.Y < lowestTagged - 1 && !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(line => line.Key)
            .Select(line => Text(line.OrderBy(l => l.StartBaseLine.X)))];
    }

    /// <summary>A page's tagged words (never artifacts) in drawing order.</summary>
    public static string TaggedText(Page page)
    {
        var letters = new List<Letter>();
        void Collect(IEnumerable<MarkedContentElement> elements)
        {
            foreach (var element in elements.Where(e => !e.IsArtifact))
            {
                letters.AddRange(element.Letters);
                Collect(element.Children);
            }
        }
        Collect(page.GetMarkedContents());
        return Text(letters);
    }
}
