using System.Globalization;
using System.Linq.Expressions;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Search;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// The website's words in one page's language (the strings of a strings file, or English's for a language without
/// one), and those that depend on a value (a count, a variant, a print size), each chosen from the strings table in
/// one place, so no page writes English of its own.
/// </summary>
internal sealed class SiteWords(StringsLibrary library, string language)
{
    private readonly ReaderStrings strings = library.For(language);

    /// <summary>Every table of the page's strings, the leaflet page's words among them.</summary>
    public ReaderStrings All => strings;

    public SiteStrings Strings => strings.Site;

    /// <summary>The page's language: its <c>html lang</c>.</summary>
    public string Language => strings.Language;

    /// <summary>
    /// The <c>lang</c> of an element showing one key: English where the page's strings file lacks it (and fell back),
    /// else null, as the page's language already says.
    /// </summary>
    public string? LanguageOf(Expression<Func<ReaderStrings, string>> key) => strings.LanguageInside(key, Language);

    /// <summary>The text of a page's <c>title</c>: what the page shows, then the site's name.</summary>
    public string Title(string page) => ReaderStrings.Fill(Strings.PageTitle, ("page", page), ("site", Strings.SiteName));

    /// <summary>The title of a page of a list: from its second page on, it also says which page it is.</summary>
    public string Title(string page, SearchPage list) => list.Query.Page == 1
        ? Title(page)
        : Title(ReaderStrings.Fill(Strings.PagedTitle, ("page", page), ("pageOfPages", PageOfPages(list.Query.Page, list.PageCount))));

    public string LeafletCount(int count) => count == 1
        ? Strings.LeafletCountOne
        : ReaderStrings.Fill(Strings.LeafletCountOther, ("count", Number(count)));

    /// <summary>The sentence that announces a search's results; it also starts the page's title.</summary>
    public string ResultCount(int count, string query) => count switch
    {
        0 => ReaderStrings.Fill(Strings.NoResults, ("query", query)),
        1 => ReaderStrings.Fill(Strings.ResultCountOne, ("query", query)),
        _ => ReaderStrings.Fill(Strings.ResultCountOther, ("count", Number(count)), ("query", query)),
    };

    public string PageOfPages(int page, int pages)
        => ReaderStrings.Fill(Strings.PageOfPages, ("page", Number(page)), ("pages", Number(pages)));

    public string VariantName(LeafletVariant variant) => variant switch
    {
        LeafletVariant.Plain => Strings.VariantPlain,
        LeafletVariant.EasyRead => Strings.VariantEasyRead,
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    /// <summary>The link to a leaflet's other variant, in the standalone page's words.</summary>
    public (string Text, string? Language) SwitchTo(LeafletVariant variant) => variant switch
    {
        LeafletVariant.Plain => (strings.Leaflet.ReadStandardVersion, LanguageOf(s => s.Leaflet.ReadStandardVersion)),
        LeafletVariant.EasyRead => (strings.Leaflet.ReadEasyReadVersion, LanguageOf(s => s.Leaflet.ReadEasyReadVersion)),
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    /// <summary>A print size with its size in words ("24 point: very large"), for every size the PDF route offers.</summary>
    public string PrintSize(int points)
    {
        var words = points switch
        {
            16 => Strings.SizeLarge,
            18 => Strings.SizeLarger,
            20 => Strings.SizeExtraLarge,
            24 => Strings.SizeVeryLarge,
            _ => throw new ArgumentOutOfRangeException(nameof(points), points, "This print size has no words in the strings table."),
        };
        return ReaderStrings.Fill(Strings.SizeOption, ("size", Number(points)), ("words", words));
    }

    public string Paper(PaperSize paper) => paper switch
    {
        PaperSize.A4 => Strings.PaperA4,
        PaperSize.A5 => Strings.PaperA5,
        PaperSize.Letter => Strings.PaperLetter,
        _ => throw new ArgumentOutOfRangeException(nameof(paper)),
    };

    /// <summary>A language's name by its primary subtag ("en-GB" is English); a language the table lacks shows its tag.</summary>
    public string LanguageName(string tag)
        => Strings.LanguageNames.TryGetValue(tag.Split('-')[0].ToLowerInvariant(), out var name) ? name : tag;

    /// <summary>
    /// A language's name in itself ("Cymraeg"), as a language switch shows it, with the <c>lang</c> to read it in; a
    /// language whose strings do not name it gets this page's name for it.
    /// </summary>
    public (string Name, string? Language) OwnName(string tag) => library.OwnNameOf(tag) is { } own
        ? (own, tag)
        : (LanguageName(tag), null);

    public string List(IEnumerable<string> items) => string.Join(Strings.ListSeparator, items);

    /// <summary>
    /// A whole number as the page's language writes it, from the runtime's culture data (ICU): "10,000" in English,
    /// "10.000" in Spanish, "10 000" in French. A language ICU does not know gets its root's digits and separators.
    /// </summary>
    public string Number(int value) => value.ToString("N0", _culture);

    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(language);
}
