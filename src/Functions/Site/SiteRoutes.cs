using System.Diagnostics.CodeAnalysis;
using System.Text;
using Leaflets.Content;
using Leaflets.Content.Catalog;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Search;
using Leaflets.Functions.Leaflets;

namespace Leaflets.Functions.Site;

/// <summary>
/// What every page of the library website needs around its renderer: the catalog, today's date, the links of the page
/// at the request's path (<see cref="SiteUrls"/>), the <c>?page=</c> of a list, and the answers (the page with its
/// validators and policy; for an error, the page for people when the request prefers HTML, else the API's problem).
/// The catch-all calls <see cref="HomeAsync"/> and <see cref="NotFound"/>.
/// </summary>
public sealed class SiteRoutes(LeafletCatalog catalog, TimeProvider time, IOptions<HttpResponseOptions> http, IOptions<SiteOptions> site)
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
    /// A page that mixes many leaflets (a list), its tag taken over its bytes as the API's list's is; or the 404 when
    /// <c>?page=</c> is past its last page (page 1 always exists, even with nothing in it).
    /// </summary>
    public IActionResult ListPage(HttpRequest request, SiteUrls urls, SearchPage shown, Func<string> render)
    {
        if (shown.Query.Page > shown.PageCount)
        {
            return Error(request, urls, Problems.NoSuchPage(shown.Query.Page, shown.PageCount));
        }
        if (!AcceptsPage(request))
        {
            return Problems.NotAcceptable(LeafletRepresentations.HtmlMediaType);
        }
        var body = Encoding.UTF8.GetBytes(render());
        var lastModified = shown.Items.IsEmpty ? (DateTimeOffset?)null : shown.Items.Max(leaflet => leaflet.DateModified);
        return Page(body, urls, EntityTag.OfBytes(body), lastModified, lastModifiedValidates: false);
    }

    /// <summary>
    /// A page of one leaflet, whose tag is known from the inputs that shape its bytes (<see cref="RepresentationVersions"/>),
    /// dated by when the leaflet last changed (so If-Modified-Since is answered too).
    /// </summary>
    public IActionResult Page(HttpRequest request, SiteUrls urls, string version, DateTimeOffset lastModified, Func<string> render)
        => AcceptsPage(request)
            ? Page(Encoding.UTF8.GetBytes(render()), urls, EntityTag.Of(version), lastModified, lastModifiedValidates: true)
            : Problems.NotAcceptable(LeafletRepresentations.HtmlMediaType);

    /// <summary>
    /// An error: the page for people (404 or 400, with the search form and a link home) when the request prefers HTML,
    /// otherwise the problem itself. Never cached, like every problem.
    /// </summary>
    public IActionResult Error(HttpRequest request, SiteUrls urls, ProblemResult problem)
    {
        if (!PrefersPage(request))
        {
            return problem;
        }
        var page = problem.Status switch
        {
            StatusCodes.Status404NotFound => NotFoundPage.Render(urls),
            StatusCodes.Status400BadRequest => BadRequestPage.Render(urls),
            _ => null,
        };
        return page is null
            ? problem
            : new RepresentationResult(Encoding.UTF8.GetBytes(page), LeafletHtmlRenderer.ContentType, "no-store")
            {
                StatusCode = problem.Status,
                ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicyOfSitePage(urls, http.Value),
            };
    }

    /// <summary>The site's root (<c>/</c>, <c>/?page=2</c>): the topics and the leaflets A to Z.</summary>
    public async Task<IActionResult> HomeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var urls = UrlsFor(request);
        if (!TryReadListing(request, urls, out var query, out var badPage))
        {
            return badPage;
        }
        var leaflets = (await catalog.GetSnapshotAsync(cancellationToken)).Content.Leaflets.Values;
        var aToZ = LeafletSearch.Search(leaflets, query with { Words = [] }, LeafletSearch.ByTitle);
        return ListPage(request, urls, aToZ, () => HomePage.Render(Topics.Of(leaflets), aToZ, urls));
    }

    /// <summary>Any other path: the 404 page for a request that prefers HTML, the no-such-route problem otherwise.</summary>
    public IActionResult NotFound(HttpRequest request)
        => Error(request, UrlsFor(request), Problems.NoSuchRoute((request.PathBase + request.Path).Value ?? "/"));

    private RepresentationResult Page(byte[] body, SiteUrls urls, EntityTag tag, DateTimeOffset? lastModified, bool lastModifiedValidates)
        => new(body, LeafletHtmlRenderer.ContentType, http.Value.CacheControl, tag, lastModified)
        {
            LastModifiedValidates = lastModifiedValidates,
            ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicyOfSitePage(urls, http.Value),
        };
}
