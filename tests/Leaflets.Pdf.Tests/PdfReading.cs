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

    public static byte[] Render(Leaflet leaflet, LeafletVariant variant, PdfRenderOptions options)
        => Rendered.GetOrAdd($"{leaflet.Id}|{leaflet.Variants[variant].ContentHash}|{variant}|{options}", _ => new LeafletPdfRenderer().Render(leaflet, variant, options));

    public static byte[] RenderSample(LeafletVariant variant = LeafletVariant.Plain, int size = 18, PaperSize paper = PaperSize.A4, string? url = PublicUrl)
        => Render(Sample, variant, new PdfRenderOptions(size, paper, url));

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
            var text = new System.Text.StringBuilder();
            Letter? previous = null;
            foreach (var letter in page.Letters)
            {
                if (previous is not null && !Continues(previous, letter))
                {
                    text.Append(' ');
                }
                text.Append(letter.Value);
                previous = letter;
            }
            words.AddRange(text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        return words;
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

    /// <summary>Every structure element below StructTreeRoot, depth first: (type, alt text, depth).</summary>
    public static List<(string Type, string? Alt, int Depth)> StructureElements(PdfDocument pdf)
    {
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        var root = Dictionary(pdf, catalog.Data["StructTreeRoot"]);
        var found = new List<(string, string?, int)>();
        Walk(pdf, root.Data["K"], 0, found);
        return found;
    }

    private static void Walk(PdfDocument pdf, IToken kids, int depth, List<(string, string?, int)> found)
    {
        var resolved = Resolve(pdf, kids);
        if (resolved is ArrayToken array)
        {
            foreach (var kid in array.Data)
            {
                Walk(pdf, kid, depth, found);
            }
            return;
        }
        if (resolved is not DictionaryToken element || !element.Data.TryGetValue("S", out var type))
        {
            return; // a marked-content id or an object reference
        }
        var alt = element.Data.TryGetValue("Alt", out var altToken) ? (Resolve(pdf, altToken) as StringToken)?.Data : null;
        found.Add((((NameToken)type).Data, alt, depth));
        if (element.Data.TryGetValue("K", out var children))
        {
            Walk(pdf, children, depth + 1, found);
        }
    }
}
