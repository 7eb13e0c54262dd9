using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;

namespace Leaflets.Content.Rendering;

/// <summary>
/// Every URL a page of the library website links to: other site pages, the site's assets, the API's images and PDFs.
/// Under the configured public root (<see cref="SiteOptions.Root"/>) when there is one; otherwise relative to the page
/// being written, so the site works behind a proxy at any path (from <c>/leaflets/x</c> the search is
/// <c>../search</c>; from <c>/</c> it is <c>search</c>). The one absolute address, the leaflet page's own for its QR
/// code, is under the configured root or else the origin the request came to.
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
        Api = new ApiUrls(Home + ApiUrls.RoutePrefix);
    }

    /// <summary>The configured root, or null when links are relative.</summary>
    public string? ConfiguredRoot { get; }

    /// <summary>The absolute root of the site: the configured one, else the request's origin; null when neither is known.</summary>
    public string? Origin { get; }

    /// <summary>The API's routes, as this page reaches them (relative, or under the configured root).</summary>
    public ApiUrls Api { get; }

    /// <summary>What, besides the content, decides every URL this writes: part of a page's entity tag.</summary>
    public string Key => $"{_base}|{Origin}";

    /// <summary>
    /// How many folders deep a request path is: <c>/</c> and <c>/search</c> are 0, <c>/leaflets/x</c> is 1, and
    /// <c>/leaflets/x/</c> is 2 (a browser resolves relative links against the last slash).
    /// </summary>
    public static int DepthOf(string path) => Math.Max(0, path.Count(c => c == '/') - 1);

    public string Home => _base.Length == 0 ? "./" : _base;

    /// <summary>The home page's A to Z at <paramref name="page"/>; page 1 is the home page itself.</summary>
    public string HomePage(int page) => page == 1 ? Home : $"{Home}?{PageParameter}={page}";

    /// <summary>Where the search form sends its words.</summary>
    public string SearchForm => _base + SearchPath;

    public string Search(string words, int page = 1)
    {
        var url = $"{SearchForm}?{QueryParameter}={Uri.EscapeDataString(words)}";
        return page == 1 ? url : $"{url}&{PageParameter}={page}";
    }

    public string Topic(string slug, int page = 1)
    {
        var url = $"{_base}{TopicsPath}/{Uri.EscapeDataString(slug)}";
        return page == 1 ? url : $"{url}?{PageParameter}={page}";
    }

    /// <summary>A leaflet's page; plain is the default, so its URL carries no query.</summary>
    public string Leaflet(string id, LeafletVariant variant) => _base + LeafletPagePath(id, variant);

    /// <summary>The leaflet page's own absolute address (for its QR code); null when the origin is unknown.</summary>
    public string? AbsoluteLeaflet(string id, LeafletVariant variant) => Origin is { } origin ? $"{origin}/{LeafletPagePath(id, variant)}" : null;

    /// <summary>A static file of the site (<see cref="Site.SiteAssets"/>).</summary>
    public string Asset(string fileName) => Api.Asset(fileName);

    /// <summary>Where the print form sends its choices: the PDF route, its query made by the form's fields.</summary>
    public string PrintForm(string id) => Api.Pdf(id, LeafletVariant.Plain);

    /// <summary>A leaflet's images from the API, and its other variants on the site.</summary>
    public LeafletLinks LinksOf(string id)
        => new(Api.PageLinks(id).ImageBaseUrl, $"{_base}{LeafletsPath}/{Uri.EscapeDataString(id)}?variant={LeafletLinks.VariantPlaceholder}");

    /// <summary>
    /// A leaflet page's path below the site root; plain, the default, and the main language (<paramref name="translation"/>
    /// null) add no query, so those addresses stay canonical.
    /// </summary>
    internal static string LeafletPagePath(string id, LeafletVariant variant, string? translation = null)
    {
        var query = new List<string>(2);
        if (variant != LeafletVariant.Plain)
        {
            query.Add($"{LeafletVariants.Parameter}={variant.Slug()}");
        }
        if (translation is not null)
        {
            query.Add($"{LanguageTags.Parameter}={translation}");
        }
        var path = $"{LeafletsPath}/{Uri.EscapeDataString(id)}";
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }
}
