using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Search;

namespace Leaflets.Content.Rendering;

/// <summary>
/// Every absolute URL the service hands out: links in the JSON, the HTML page and the JSON-LD, and the online address
/// printed on a PDF. The base (scheme, host and path up to and including <see cref="RoutePrefix"/>, e.g.
/// <c>https://example.org/api</c>) is the configured site (<see cref="SiteOptions.ApiUrls"/>) or, when none is set,
/// the host the client used.
/// </summary>
public sealed class ApiUrls
{
    /// <summary>The path every API route sits under; each function route begins with it (host.json's routePrefix is empty).</summary>
    public const string RoutePrefix = "api";

    /// <param name="baseUrl">The API's base, ending in <c>/</c><see cref="RoutePrefix"/>: the site root is what comes before.</param>
    public ApiUrls(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        BaseUrl = baseUrl.TrimEnd('/');
        if (!BaseUrl.EndsWith("/" + RoutePrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The API base must end in /{RoutePrefix}, under the site root: '{baseUrl}'.", nameof(baseUrl));
        }
        SiteRoot = BaseUrl[..^(RoutePrefix.Length + 1)];
    }

    /// <summary>The API under a site root (scheme, host and any path the site sits under): <c>{root}/api</c>.</summary>
    public static ApiUrls UnderSiteRoot(string siteRoot) => new($"{siteRoot.TrimEnd('/')}/{RoutePrefix}");

    public string BaseUrl { get; }

    /// <summary>The site's root: the API base without its <see cref="RoutePrefix"/>; the site's own files are below it.</summary>
    public string SiteRoot { get; }

    /// <summary>A static file of the site (<see cref="Site.SiteAssets"/>), such as the webfont's stylesheet.</summary>
    public string Asset(string fileName) => $"{SiteRoot}/{Site.SiteAssets.Folder}/{Uri.EscapeDataString(fileName)}";

    public string Leaflets => $"{BaseUrl}/leaflets";

    /// <summary>
    /// The plain variant is the default, so its URL carries no variant; <paramref name="translation"/> (a language
    /// tag, null for the main language) adds <c>lang=</c>, so the main language's links stay canonical.
    /// </summary>
    public string Leaflet(string id, LeafletVariant variant, string? translation = null)
        => WithQuery(LeafletPath(id), (LeafletVariants.Parameter, UnlessPlain(variant)), (LanguageTags.Parameter, translation));

    /// <summary>The PDF of a variant at the default size and paper; like <see cref="Leaflet"/>, plain carries no variant.</summary>
    public string Pdf(string id, LeafletVariant variant, string? translation = null)
        => WithQuery(LeafletPath(id) + "/pdf", (LeafletVariants.Parameter, UnlessPlain(variant)), (LanguageTags.Parameter, translation));

    /// <summary>The braille (BRF) of a variant in grade 2 on a 40 × 25 page; like <see cref="Leaflet"/>, plain carries no variant.</summary>
    public string Braille(string id, LeafletVariant variant, string? translation = null)
        => WithQuery(LeafletPath(id) + "/braille", (LeafletVariants.Parameter, UnlessPlain(variant)), (LanguageTags.Parameter, translation));

    /// <summary>The EPUB of a variant; like <see cref="Leaflet"/>, plain carries no variant.</summary>
    public string Epub(string id, LeafletVariant variant, string? translation = null)
        => WithQuery(LeafletPath(id) + "/epub", (LeafletVariants.Parameter, UnlessPlain(variant)), (LanguageTags.Parameter, translation));

    /// <summary>The spoken version (Ogg Opus) of a variant; like <see cref="Leaflet"/>, plain carries no variant.</summary>
    public string Audio(string id, LeafletVariant variant, string? translation = null)
        => WithQuery(LeafletPath(id) + "/audio", (LeafletVariants.Parameter, UnlessPlain(variant)), (LanguageTags.Parameter, translation));

    /// <summary>The SSML a variant's spoken version is made from; like <see cref="Leaflet"/>, plain carries no variant.</summary>
    public string AudioSsml(string id, LeafletVariant variant, string? translation = null)
        => WithQuery(LeafletPath(id) + "/audio/ssml", (LeafletVariants.Parameter, UnlessPlain(variant)), (LanguageTags.Parameter, translation));

    /// <summary>The standalone HTML page of a variant (the one partners embed); always names the variant.</summary>
    public string Html(string id, LeafletVariant variant, string? translation = null) => PageLinks(id, translation).VariantUrl(variant);

    /// <summary>
    /// The leaflet's page on the library website, under the site root (<see cref="SiteUrls.LeafletPagePath"/>), in
    /// <paramref name="translation"/> (null for the main language).
    /// </summary>
    public string SitePage(string id, LeafletVariant variant, string? translation = null)
        => $"{SiteRoot}/{SiteUrls.LeafletPagePath(id, variant, translation)}";

    /// <summary>
    /// What the HTML page of a leaflet links to: its images, and its other variants on the same route, in the same
    /// language (<paramref name="translation"/>, null for the main language).
    /// </summary>
    public LeafletLinks PageLinks(string id, string? translation = null)
    {
        var leaflet = LeafletPath(id);
        return new LeafletLinks(
            leaflet + "/images",
            WithQuery(leaflet + "/html", (LeafletVariants.Parameter, LeafletLinks.VariantPlaceholder), (LanguageTags.Parameter, translation)))
        {
            FontsStyleSheet = Asset(Site.SiteAssets.FontsStyleSheet),
        };
    }

    public string Image(string id, string fileName) => $"{Leaflets}/{Uri.EscapeDataString(id)}/images/{Uri.EscapeDataString(fileName)}";

    /// <summary>The list URL for another page of the same search; defaults are left out to keep links short.</summary>
    public string Search(LeafletQuery query, int page)
    {
        var parts = new List<string>();
        if (!query.Words.IsEmpty)
        {
            parts.Add("q=" + Uri.EscapeDataString(string.Join(' ', query.Words)));
        }
        if (query.Topic is { } topic)
        {
            parts.Add("topic=" + Uri.EscapeDataString(topic));
        }
        if (query.Code is { } code)
        {
            parts.Add("code=" + Uri.EscapeDataString(code.ToString()));
        }
        if (query.Sort != LeafletSort.Relevance)
        {
            parts.Add(LeafletSorts.Parameter + "=" + query.Sort.Slug());
        }
        if (page != 1)
        {
            parts.Add("page=" + page);
        }
        if (query.Language is { } language)
        {
            parts.Add(LanguageTags.Parameter + "=" + Uri.EscapeDataString(language));
        }
        if (query.PageSize != LeafletQuery.DefaultPageSize)
        {
            parts.Add("pageSize=" + query.PageSize);
        }
        return parts.Count == 0 ? Leaflets : Leaflets + "?" + string.Join('&', parts);
    }

    private string LeafletPath(string id) => $"{Leaflets}/{Uri.EscapeDataString(id)}";

    /// <summary>Plain is the default variant, so links leave it out.</summary>
    internal static string? UnlessPlain(LeafletVariant variant) => variant == LeafletVariant.Plain ? null : variant.Slug();

    /// <summary>
    /// The parameters with a value, in order; a null value leaves its parameter out. Values go in as given, so a
    /// caller escapes any that need it: variant slugs and well-formed language tags (letters, digits, hyphens) need
    /// none, and the variant placeholder must stay as it is for <see cref="LeafletLinks.VariantUrl"/> to fill. The
    /// website's addresses (<see cref="SiteUrls"/>) are built the same way.
    /// </summary>
    internal static string WithQuery(string path, params ReadOnlySpan<(string Name, string? Value)> parameters)
    {
        var query = new List<string>();
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                query.Add(name + "=" + value);
            }
        }
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }
}
