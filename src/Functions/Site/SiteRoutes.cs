using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Leaflets.Content;
using Leaflets.Content.Catalog;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Search;
using Leaflets.Content.Text;
using Leaflets.Functions.Leaflets;

namespace Leaflets.Functions.Site;

/// <summary>
/// What every page of the library website needs around its renderer: the catalog, today's date, the links of the page
/// at the request's path (<see cref="SiteUrls"/>), the <c>?page=</c> of a list, the language of a page of the site's
/// own, and the answers (the page with its validators, language and policy; for an error, the page for people when the
/// request prefers HTML, else the API's problem).
/// The catch-all calls <see cref="HomeAsync"/> and <see cref="NotFound"/>.
/// </summary>
public sealed class SiteRoutes(
    LeafletCatalog catalog, TimeProvider time, IOptions<HttpResponseOptions> http, IOptions<SiteOptions> site, RepresentationCache cache)
{
    public LeafletCatalog Catalog => catalog;

    /// <summary>Today (UTC): it decides each leaflet's review status.</summary>
    public DateOnly Today => time.Today();

    /// <summary>The links of the page at the request's path: relative to it, or under the configured root.</summary>
    public SiteUrls UrlsFor(HttpRequest request)
        => new(site.Value, FunctionResponse.SiteRootOf(request), SiteUrls.DepthOf(request.Path.Value ?? "/"));

    /// <summary>Whether the request takes a page at all: checked last, as the API's routes do, so a 404 or 400 comes first.</summary>
    private static bool AcceptsPage(HttpRequest request) => AcceptHeader.Accepts(request.Headers.Accept, LeafletRepresentations.HtmlMediaType);

    /// <summary>
    /// Whether an error is answered with a page for people: only when the request prefers HTML to problem+json, as
    /// a browser's Accept does. No Accept, or <c>*/*</c>, gets the problem, as every API client always has.
    /// </summary>
    private static bool PrefersPage(HttpRequest request)
        => AcceptHeader.Choose(request.Headers.Accept, ProblemResult.MediaType, LeafletRepresentations.HtmlMediaType) == LeafletRepresentations.HtmlMediaType;

    /// <summary>
    /// The list's page number (<c>?page=</c>, 1 when absent) with the words searched for (<c>?q=</c>), in the site's
    /// page size, or the 400 to answer instead.
    /// </summary>
    public bool TryReadListing(HttpRequest request, SiteUrls urls, [NotNullWhen(true)] out LeafletQuery? query, [NotNullWhen(false)] out IActionResult? error)
    {
        var parsed = LeafletQuery.Parse(request.Query(SiteUrls.QueryParameter), null, null, request.Query(SiteUrls.PageParameter), null);
        query = parsed.Query;
        error = query is null
            ? Error(request, urls, Problems.InvalidParameter(string.Join(" ", parsed.Errors.Select(e => e.Message))))
            : null;
        return query is not null;
    }

    /// <summary>
    /// The language of a page of the site's own (home, search, a topic): one of the snapshot's strings' languages
    /// (<see cref="StringsLibrary.Languages"/>), chosen as every route chooses (<see cref="LanguageNegotiation"/>), with
    /// the page in each of them for its language switch; or the error to answer instead, for a language the site is not
    /// in the 404 page linking to this page in each language it is in. <paramref name="pageIn"/> is the page's address
    /// among the given links.
    /// </summary>
    public async Task<(SiteLanguage? Language, IActionResult? Error)> ChooseSiteLanguageAsync(
        HttpRequest request, SiteUrls urls, Func<SiteUrls, string> pageIn, CancellationToken cancellationToken)
    {
        var strings = (await catalog.GetSnapshotAsync(cancellationToken)).Content.Strings;
        var versions = strings.Languages.Select(tag => (tag, pageIn(urls.NamingLanguage(tag)))).ToList();
        if (LanguageNegotiation.TryChoose(request, strings.Languages, out var language, out var problem))
        {
            // The address without a language lets the reader's browser choose (Accept-Language).
            return (new SiteLanguage(strings, language) { Versions = versions, Choosing = pageIn(urls.InLanguage(SiteUrls.DefaultLanguage)) }, null);
        }
        return (null, Error(request, urls, problem, versions));
    }

    /// <summary>
    /// A page that mixes many leaflets (a list), its tag taken over its bytes as the API's list's is; or the 404 when
    /// <c>?page=</c> is past its last page (page 1 always exists, even with nothing in it). Kept under
    /// <paramref name="cacheKey"/> (<see cref="ListKey"/>: every input of its bytes) and answered from memory without
    /// finding its leaflets again (<see cref="RepresentationCache.GetOrRenderPageAsync"/>): only a page that was shown is
    /// kept, so a kept one is never past the last.
    /// </summary>
    /// <param name="language">The page's language, which it is sent in (Content-Language).</param>
    /// <param name="find">The page's leaflets (a search, or a slice of a list), found only when the page is not kept.</param>
    public async Task<IActionResult> ListPageAsync(HttpRequest request, SiteUrls urls, SiteLanguage language, string cacheKey,
        Func<ValueTask<SearchPage>> find, Func<SearchPage, string> render)
    {
        IActionResult? refused = null;
        var body = await cache.GetOrRenderPageAsync(cacheKey, find, shown =>
        {
            // The 404 before the 406, as ever: a page that is not there is not there whatever the client takes.
            refused = shown.Query.Page > shown.PageCount ? Error(request, urls, Problems.NoSuchPage(shown.Query.Page, shown.PageCount))
                : AcceptsPage(request) ? null
                : Problems.NotAcceptable(LeafletRepresentations.HtmlMediaType);
            return refused is null ? Encoding.UTF8.GetBytes(render(shown)) : null;
        });
        if (body is null)
        {
            return refused!;
        }
        return AcceptsPage(request)
            ? Page(body, urls, body.TagOfBytes, body.LastModified, lastModifiedValidates: false, language.Strings.For(language.Language).Language)
            : Problems.NotAcceptable(LeafletRepresentations.HtmlMediaType);
    }

    /// <summary>
    /// A page of one leaflet, whose tag is known from the inputs that shape its bytes (<see cref="RepresentationVersions"/>),
    /// dated by when the leaflet last changed (so If-Modified-Since is answered too); <paramref name="contentLanguage"/>
    /// when its language was negotiated (<see cref="RepresentationResult.ContentLanguage"/>).
    /// </summary>
    public IActionResult Page(HttpRequest request, SiteUrls urls, string version, DateTimeOffset lastModified, Func<string> render, string? contentLanguage = null)
        => AcceptsPage(request)
            ? Page(cache.GetOrRender(version, () => Encoding.UTF8.GetBytes(render())), urls, EntityTag.Of(version), lastModified,
                lastModifiedValidates: true, contentLanguage)
            : Problems.NotAcceptable(LeafletRepresentations.HtmlMediaType);

    /// <summary>
    /// An error: the page for people (404 or 400, with the search form and a link home) when the request prefers HTML,
    /// otherwise the problem itself. Never cached, like every problem. The page is in the site's language the request
    /// chooses, else in its default language (a language the site is not in chooses none).
    /// </summary>
    /// <param name="inLanguages">For a page asked for in a language it is not in: each it is in, with its address.</param>
    public IActionResult Error(HttpRequest request, SiteUrls urls, ProblemResult problem, IReadOnlyList<(string Language, string Href)>? inLanguages = null)
    {
        if (!PrefersPage(request))
        {
            return problem;
        }
        var strings = catalog.CurrentStrings;
        var language = SiteLanguage.Only(strings, LanguageNegotiation.TryChoose(request, strings.Languages, out var chosen, out _)
            ? chosen
            : SiteUrls.DefaultLanguage);
        var page = problem.Status switch
        {
            StatusCodes.Status404NotFound => NotFoundPage.Render(urls, language, inLanguages),
            StatusCodes.Status400BadRequest => BadRequestPage.Render(urls, language),
            _ => null,
        };
        return page is null
            ? problem
            : new RepresentationResult(Encoding.UTF8.GetBytes(page), LeafletHtmlRenderer.ContentType, "no-store")
            {
                StatusCode = problem.Status,
                ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicyOfSitePage(urls, http.Value),
                ContentLanguage = strings.For(language.Language).Language,
            };
    }

    /// <summary>How a page shows a problem found before its own work (a query it does not take): see <see cref="Error"/>.</summary>
    public Func<ProblemResult, IActionResult> ErrorPageFor(HttpRequest request) => problem => Error(request, UrlsFor(request), problem);

    /// <summary>The site's root (<c>/</c>, <c>/?page=2</c>): the topics and the leaflets A to Z.</summary>
    public async Task<IActionResult> HomeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var urls = UrlsFor(request);
        if (!TryReadListing(request, urls, out var query, out var badPage))
        {
            return badPage;
        }
        var (language, notInLanguage) = await ChooseSiteLanguageAsync(request, urls, links => links.HomePage(query.Page), cancellationToken);
        if (language is null)
        {
            return notInLanguage!;
        }
        var snapshot = await catalog.GetSnapshotAsync(cancellationToken);
        var views = LeafletViews.Of(snapshot.Content);
        // The home page lists; words in its address are not searched.
        var listing = query with { Words = [] };
        return await ListPageAsync(request, urls, language, ListKey(HomePageRepresentation, snapshot, listing, language, urls),
            () => ValueTask.FromResult(LeafletSearch.PageOf(views.AToZ, listing)), aToZ => HomePage.Render(views.Topics, aToZ, urls, language));
    }

    /// <summary>
    /// The key a page of the site's own lists (home, a topic, a search) is kept under: everything it shows comes from
    /// the snapshot, this page of it, the words of its language and where it is served (<see cref="RepresentationCache.ListKey"/>).
    /// </summary>
    public string ListKey(string representation, CatalogSnapshot snapshot, LeafletQuery query, SiteLanguage language, SiteUrls urls, string? topic = null)
        => RepresentationCache.ListKey(representation, snapshot, Today, query.Key, topic, language.Language, language.Strings.For(language.Language).Version, urls.Key);

    /// <summary>Any other path: the 404 page for a request that prefers HTML, the no-such-route problem otherwise.</summary>
    public IActionResult NotFound(HttpRequest request)
        => Error(request, UrlsFor(request), Problems.NoSuchRoute((request.PathBase + request.Path).Value ?? "/"));

    /// <summary>Names the home page's body in the cache, apart from every other page's.</summary>
    private const string HomePageRepresentation = "text/html;site-home";

    private RepresentationResult Page(RepresentationBody body, SiteUrls urls, EntityTag tag, DateTimeOffset? lastModified, bool lastModifiedValidates, string? contentLanguage = null)
        => new(body, LeafletHtmlRenderer.ContentType, http.Value.CacheControl, tag, lastModified)
        {
            LastModifiedValidates = lastModifiedValidates,
            ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicyOfSitePage(urls, http.Value),
            ContentLanguage = contentLanguage,
        };
}
