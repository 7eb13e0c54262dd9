using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering;

/// <summary>
/// Every URL a page of the library website links to: other site pages, the site's assets, the API's images and PDFs.
/// Under the configured public root (<see cref="SiteOptions.Root"/>) when there is one; otherwise relative to the page
/// being written, so the site works behind a proxy at any path (from <c>/leaflets/x</c> the search is
/// <c>../search</c>; from <c>/</c> it is <c>search</c>). The one absolute address, the leaflet page's own for its QR
/// code, is under the configured root or else the origin the request came to. A page in a language other than the
/// site's default (<see cref="InLanguage"/>) carries <c>?lang=</c> in its links to other site pages and in its search
/// form, so a reader who chose Welsh stays in Welsh; a link to a leaflet names its language only when asked to.
/// </summary>
public sealed class SiteUrls
{
    public const string SearchPath = "search";
    public const string TopicsPath = "topics";
    public const string LeafletsPath = "leaflets";

    /// <summary>The query parameters the site's pages read.</summary>
    public const string QueryParameter = "q";
    public const string PageParameter = "page";

    private readonly string _base;

    /// <param name="site">The configured public root, if any.</param>
    /// <param name="origin">Scheme, host and path base the request came to (<c>https://example.org</c>), or null when unknown.</param>
    /// <param name="depth">How many folders deep the page's path is (<see cref="DepthOf"/>): relative links climb that many.</param>
    public SiteUrls(SiteOptions site, string? origin, int depth)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ConfiguredRoot = site.Root;
        Origin = site.Root ?? origin?.TrimEnd('/');
        _base = site.Root is { } root ? root + "/" : string.Concat(Enumerable.Repeat("../", depth));
        // "./api" rather than "api" at the top: the API base is always a path ending in "/api" below the site root.
        Api = new ApiUrls(_base.Length == 0 ? "./" + ApiUrls.RoutePrefix : _base + ApiUrls.RoutePrefix);
    }

    private SiteUrls(SiteUrls other, string? language)
    {
        (ConfiguredRoot, Origin, _base, Api, Language) = (other.ConfiguredRoot, other.Origin, other._base, other.Api, language);
    }

    /// <summary>The language the site's own pages are in unless a reader asks for another: the first with strings.</summary>
    public static string DefaultLanguage => StringsLibrary.EnglishTag;

    /// <summary>The <c>lang</c> this page's links to other site pages carry; null for the site's default language.</summary>
    public string? Language { get; }

    /// <summary>These links for a page whose own words are in <paramref name="language"/> (a strings file's tag).</summary>
    public SiteUrls InLanguage(string language)
    {
        var carried = string.Equals(language, DefaultLanguage, StringComparison.OrdinalIgnoreCase) ? null : language;
        return carried == Language ? this : new SiteUrls(this, carried);
    }

    /// <summary>
    /// These links naming <paramref name="language"/> even when it is the default: for a link that must reach that
    /// language whatever the reader's browser prefers (the 404 page's list of the languages a page is in).
    /// </summary>
    public SiteUrls NamingLanguage(string language) => new(this, language);

    /// <summary>The configured root, or null when links are relative.</summary>
    public string? ConfiguredRoot { get; }

    /// <summary>The absolute root of the site: the configured one, else the request's origin; null when neither is known.</summary>
    public string? Origin { get; }

    /// <summary>The API's routes, as this page reaches them (relative, or under the configured root).</summary>
    public ApiUrls Api { get; }

    /// <summary>What, besides the content, decides every URL this writes: part of a page's entity tag.</summary>
    public string Key => $"{_base}|{Origin}|{Language}";

    /// <summary>
    /// How many folders deep a request path is: <c>/</c> and <c>/search</c> are 0, <c>/leaflets/x</c> is 1, and
    /// <c>/leaflets/x/</c> is 2 (a browser resolves relative links against the last slash).
    /// </summary>
    public static int DepthOf(string path) => Math.Max(0, path.Count(c => c == '/') - 1);

    public string Home => HomePage(1);

    /// <summary>The home page's A to Z at <paramref name="page"/>; page 1 is the home page itself.</summary>
    public string HomePage(int page) => ApiUrls.WithQuery(_base.Length == 0 ? "./" : _base, PageOf(page), (LanguageTags.Parameter, Language));

    /// <summary>
    /// Where the search form sends its words: a GET form drops the query of its action, so the page's language goes
    /// in a hidden field (<see cref="Language"/>, named <see cref="LanguageTags.Parameter"/>).
    /// </summary>
    public string SearchForm => _base + SearchPath;

    public string Search(string words, int page = 1)
        => ApiUrls.WithQuery(SearchForm, (QueryParameter, Uri.EscapeDataString(words)), PageOf(page), (LanguageTags.Parameter, Language));

    public string Topic(string slug, int page = 1)
        => ApiUrls.WithQuery($"{_base}{TopicsPath}/{Uri.EscapeDataString(slug)}", PageOf(page), (LanguageTags.Parameter, Language));

    /// <summary>
    /// A leaflet's page. Plain is the default variant and no language lets the page choose (the reader's
    /// Accept-Language, else the leaflet's main language), so that URL carries no query; a link that must show one
    /// language (a language switch, a hreflang alternate) names it.
    /// </summary>
    public string Leaflet(string id, LeafletVariant variant, string? language = null) => _base + LeafletPagePath(id, variant, language);

    /// <summary>The leaflet page's own absolute address (for its QR code); null when the origin is unknown.</summary>
    public string? AbsoluteLeaflet(string id, LeafletVariant variant, string? language = null)
        => Origin is { } origin ? $"{origin}/{LeafletPagePath(id, variant, language)}" : null;

    /// <summary>A static file of the site (<see cref="Site.SiteAssets"/>).</summary>
    public string Asset(string fileName) => Api.Asset(fileName);

    /// <summary>Where the print form sends its choices: the PDF route, its query made by the form's fields.</summary>
    public string PrintForm(string id) => Api.Pdf(id, LeafletVariant.Plain);

    /// <summary>
    /// A variant's braille in <paramref name="language"/>, named even for the main language: without it the route would
    /// choose by the browser's Accept-Language, not by the page the reader is on.
    /// </summary>
    public string Braille(string id, LeafletVariant variant, string language) => Api.Braille(id, variant, language);

    /// <summary>A variant's EPUB in <paramref name="language"/>, named even for the main language, as <see cref="Braille"/>.</summary>
    public string Epub(string id, LeafletVariant variant, string language) => Api.Epub(id, variant, language);

    /// <summary>A variant's spoken version in <paramref name="language"/>, named even for the main language, as <see cref="Braille"/>.</summary>
    public string Audio(string id, LeafletVariant variant, string language) => Api.Audio(id, variant, language);

    /// <summary>A leaflet's images from the API, and its other variants on the site.</summary>
    public LeafletLinks LinksOf(string id)
        => new(Api.PageLinks(id).ImageBaseUrl, $"{_base}{LeafletsPath}/{Uri.EscapeDataString(id)}?variant={LeafletLinks.VariantPlaceholder}");

    /// <summary>
    /// A leaflet page's path below the site root; plain, the default, and no language (the page chooses) add no query,
    /// so those addresses stay canonical.
    /// </summary>
    internal static string LeafletPagePath(string id, LeafletVariant variant, string? language = null)
        => ApiUrls.WithQuery($"{LeafletsPath}/{Uri.EscapeDataString(id)}",
            (LeafletVariants.Parameter, ApiUrls.UnlessPlain(variant)),
            (LanguageTags.Parameter, language is null ? null : Uri.EscapeDataString(language)));

    private static (string, string?) PageOf(int page)
        => (PageParameter, page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
