using System.Text.RegularExpressions;
using Leaflets.Content.Checking;
using Leaflets.Content.Checking.Pdf;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Rendering.Pdf.Fonts;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace Leaflets.Pdf.Tests;

/// <summary>
/// The Welsh cementoplasty leaflet (content/leaflets/cementoplasty/*.cy.md) printed and read back: Welsh throughout,
/// with its Welsh letters drawn. Text the PDF marks as English (/Lang en on a structure element or its marked content,
/// as an English fallback or the unreviewed-translation notice in the main language is) is not Welsh chrome and is
/// left out of the search for English words.
/// </summary>
public sealed partial class WelshLeafletTests
{
    private const string Id = "cementoplasty";
    private const string Welsh = "cy";

    /// <summary>Words only our code could put on a Welsh print in English: the leaflet's own words are all Welsh.</summary>
    private static readonly string[] EnglishChrome =
    [
        "Version", "Reviewed", "reviewed", "Page", "References", "About this leaflet", "Last reviewed", "Next review", "continued",
        "overdue", "latest version", "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ];

    public static TheoryData<LeafletVariant, int, PaperSize> Prints() => new()
    {
        { LeafletVariant.Plain, 18, PaperSize.A4 },
        { LeafletVariant.Plain, 24, PaperSize.A5 },
        { LeafletVariant.EasyRead, 18, PaperSize.A4 },
        { LeafletVariant.EasyRead, 24, PaperSize.A5 },
    };

    [Theory]
    [MemberData(nameof(Prints))]
    public void A_Welsh_print_declares_Welsh_passes_our_PDF_checker_and_holds_no_English_chrome_word(LeafletVariant variant, int size, PaperSize paper)
    {
        // Overdue, as the real leaflet is: the review notice is chrome too.
        var request = RealContent.Print(Id, variant, Welsh, new PdfRenderOptions(size, paper, PdfReading.PublicUrl, ReviewStatus.Overdue));
        var bytes = PdfReading.Render(request);

        var report = PdfAccessibilityChecker.Check(bytes, request.Document.Metadata);
        Assert.True(report.Findings.Count == 0, string.Join('\n', report.Findings));
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(Welsh, ((StringToken)PdfReading.Resolve(pdf, pdf.Structure.Catalog.CatalogDictionary.Data["Lang"])).Data);
        var text = NotMarkedEnglish(pdf);
        Assert.All(EnglishChrome, word => Assert.DoesNotContain(word, text, StringComparison.Ordinal));
        Assert.Contains("Tudalen 1 o", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LeafletVariant.Plain)]
    [InlineData(LeafletVariant.EasyRead)]
    public void Every_word_with_a_Welsh_accent_is_drawn_whole(LeafletVariant variant)
    {
        var document = RealContent.Get(Id).Document(variant, Welsh);
        var written = PrintedWords(document).Where(word => word.Any(IsAccented)).ToHashSet(StringComparer.Ordinal);
        using var pdf = PdfDocument.Open(PdfReading.Render(RealContent.Print(Id, variant, Welsh, new PdfRenderOptions())));
        var drawn = PdfReading.Words(pdf).SelectMany(word => Word().Matches(word).Select(match => match.Value)).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("balŵn", written);
        Assert.Contains("â", written);
        Assert.All(written, word => Assert.Contains(word, drawn));
        // Atkinson Hyperlegible has â and its kin but not ŵ or ŷ: those come from the fallback face, never as a missing glyph.
        Assert.All(pdf.GetPages().SelectMany(page => page.Letters).Where(letter => letter.Value.Any(IsAccented)), letter =>
            Assert.Contains(LeafletFonts.Primary(bold: false).Covers(letter.Value[0]) ? "Atkinson" : "DejaVu", letter.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void Atkinson_draws_a_e_i_o_u_with_a_circumflex_and_the_fallback_face_the_w_and_y_that_Atkinson_lacks()
    {
        foreach (var bold in new[] { false, true })
        {
            Assert.All("âêîôûÂÊÎÔÛ", letter => Assert.Same(LeafletFonts.Primary(bold), LeafletFonts.For(letter, bold)));
            Assert.All("ŵŷŴŶ", letter => Assert.Same(LeafletFonts.Fallback(bold), LeafletFonts.For(letter, bold)));
        }
    }

    [Fact]
    public void The_Welsh_easy_read_keeps_to_the_easy_read_page_limit()
    {
        var bytes = PdfReading.Render(RealContent.Print(Id, LeafletVariant.EasyRead, Welsh, new PdfRenderOptions()));

        Assert.InRange(PdfAccessibilityChecker.Check(bytes).PageCount, 1, PrintAccessibilityCheck.EasyReadMaxPages);
    }

    /// <summary>A letter with an accent, as Welsh writes ŵ, ŷ, â, ê, î, ô, û, ẁ, ä, ï and the like.</summary>
    private static bool IsAccented(char letter) => char.IsLetter(letter) && letter > '\u007F';

    [GeneratedRegex(@"[\p{L}\u2019]+")]
    private static partial Regex Word();

    /// <summary>The words a print draws from the leaflet's own text: its title and the words of every block.</summary>
    private static IEnumerable<string> PrintedWords(LeafletDocument document)
    {
        var texts = RealContent.Flatten(document.Blocks).SelectMany(block => block switch
        {
            HeadingBlock heading => [heading.Inlines.PlainText()],
            ParagraphBlock paragraph => [paragraph.Inlines.PlainText()],
            FigureBlock figure => figure.Caption is null ? [] : [figure.Caption],
            CalloutBlock callout => [callout.Label],
            TableBlock table => table.Header.Concat(table.Rows.SelectMany(row => row)).Select(cell => cell.Inlines.PlainText()),
            _ => Array.Empty<string>(),
        }).Prepend(document.Metadata.Title);
        return texts.SelectMany(text => Word().Matches(text).Select(match => match.Value));
    }

    /// <summary>
    /// Every page's words in drawing order, leaving out marked content that is English: marked content whose own
    /// properties say /Lang en, or that a structure element with /Lang en (or one inside it) owns.
    /// </summary>
    private static string NotMarkedEnglish(PdfDocument pdf)
    {
        var english = EnglishMarkedContent(pdf);
        var words = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            var letters = new List<Letter>();
            void Collect(IEnumerable<MarkedContentElement> elements)
            {
                foreach (var element in elements)
                {
                    if (IsEnglish(element.Language) || english.Contains((page.Number, element.MarkedContentIdentifier)))
                    {
                        continue;
                    }
                    letters.AddRange(element.Letters);
                    Collect(element.Children);
                }
            }
            Collect(page.GetMarkedContents());
            words.Add(PdfReading.Text(letters));
        }
        return string.Join(' ', words);
    }

    private static bool IsEnglish(string? language)
        => language is not null && (language.Equals("en", StringComparison.OrdinalIgnoreCase) || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase));

    /// <summary>(page, marked-content id) of everything owned by a structure element marked English or inside one.</summary>
    private static HashSet<(int Page, int Mcid)> EnglishMarkedContent(PdfDocument pdf)
    {
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        var pages = (ArrayToken)PdfReading.Resolve(pdf, PdfReading.Dictionary(pdf, catalog.Data["Pages"]).Data["Kids"]);
        var pageNumbers = pages.Data.OfType<IndirectReferenceToken>().Select((page, index) => (page.Data, index + 1)).ToDictionary();
        var english = new HashSet<(int, int)>();
        void Visit(IToken kids, int? page, bool inEnglish)
        {
            switch (PdfReading.Resolve(pdf, kids))
            {
                case ArrayToken array:
                    foreach (var kid in array.Data)
                    {
                        Visit(kid, page, inEnglish);
                    }
                    break;
                case NumericToken mcid when inEnglish && page is { } on:
                    english.Add((on, mcid.Int));
                    break;
                case DictionaryToken element:
                    var own = element.Data.TryGetValue("Pg", out var pg) && pg is IndirectReferenceToken reference ? pageNumbers[reference.Data] : page;
                    if (!element.Data.TryGetValue("S", out _))
                    {
                        if (inEnglish && element.Data.TryGetValue("MCID", out var referenced) && PdfReading.Resolve(pdf, referenced) is NumericToken number && own is { } at)
                        {
                            english.Add((at, number.Int));
                        }
                        break;
                    }
                    var marked = element.Data.TryGetValue("Lang", out var lang) && IsEnglish(PdfReading.TextString(pdf, lang));
                    if (element.Data.TryGetValue("K", out var children))
                    {
                        Visit(children, own, inEnglish || marked);
                    }
                    break;
            }
        }
        Visit(PdfReading.Dictionary(pdf, catalog.Data["StructTreeRoot"]).Data["K"], null, inEnglish: false);
        return english;
    }
}
