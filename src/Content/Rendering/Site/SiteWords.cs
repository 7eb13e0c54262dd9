using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// The website's words that depend on a value (a count, a variant, a print size), each chosen from the strings table
/// in one place, so no page writes English of its own.
/// </summary>
internal static class SiteWords
{
    public static SiteStrings Strings => ReaderStrings.English.Site;

    public static string Language => ReaderStrings.English.Language;

    /// <summary>The text of a page's <c>title</c>: what the page shows, then the site's name.</summary>
    public static string Title(string page) => ReaderStrings.Fill(Strings.PageTitle, ("page", page), ("site", Strings.SiteName));

    public static string LeafletCount(int count) => count == 1
        ? Strings.LeafletCountOne
        : ReaderStrings.Fill(Strings.LeafletCountOther, ("count", Number(count)));

    /// <summary>The sentence that announces a search's results; it also starts the page's title.</summary>
    public static string ResultCount(int count, string query) => count switch
    {
        0 => ReaderStrings.Fill(Strings.NoResults, ("query", query)),
        1 => ReaderStrings.Fill(Strings.ResultCountOne, ("query", query)),
        _ => ReaderStrings.Fill(Strings.ResultCountOther, ("count", Number(count)), ("query", query)),
    };

    public static string PageOfPages(int page, int pages)
        => ReaderStrings.Fill(Strings.PageOfPages, ("page", Number(page)), ("pages", Number(pages)));

    public static string VariantName(LeafletVariant variant) => variant switch
    {
        LeafletVariant.Plain => Strings.VariantPlain,
        LeafletVariant.EasyRead => Strings.VariantEasyRead,
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    /// <summary>The link to a leaflet's other variant, in the standalone page's words.</summary>
    public static string SwitchTo(LeafletVariant variant) => variant switch
    {
        LeafletVariant.Plain => ReaderStrings.English.Leaflet.ReadStandardVersion,
        LeafletVariant.EasyRead => ReaderStrings.English.Leaflet.ReadEasyReadVersion,
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    /// <summary>A print size with its size in words ("24 point: very large"), for every size the PDF route offers.</summary>
    public static string PrintSize(int points)
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

    public static string Paper(PaperSize paper) => paper switch
    {
        PaperSize.A4 => Strings.PaperA4,
        PaperSize.A5 => Strings.PaperA5,
        PaperSize.Letter => Strings.PaperLetter,
        _ => throw new ArgumentOutOfRangeException(nameof(paper)),
    };

    /// <summary>A language's name by its primary subtag ("en-GB" is English); a language the table lacks shows its tag.</summary>
    public static string LanguageName(string tag)
        => Strings.LanguageNames.TryGetValue(tag.Split('-')[0].ToLowerInvariant(), out var name) ? name : tag;

    public static string List(IEnumerable<string> items) => string.Join(Strings.ListSeparator, items);

    public static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
