using System.Diagnostics.CodeAnalysis;
using Leaflets.Content;
using Leaflets.Content.Catalog;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// What every leaflets route needs before its own work: the catalog, today's date, the response and site settings,
/// and the links base. One service, so each function class takes it and its logger and nothing else in common.
/// </summary>
public sealed class LeafletRoutes(LeafletCatalog catalog, TimeProvider time, IOptions<HttpResponseOptions> http, IOptions<SiteOptions> site)
{
    public LeafletCatalog Catalog => catalog;

    public HttpResponseOptions Http => http.Value;

    public SiteOptions Site => site.Value;

    /// <summary>Today (UTC): it decides each leaflet's review status.</summary>
    public DateOnly Today => time.Today();

    /// <summary>The variant of leaflet <paramref name="id"/> that <c>?variant=</c> names, or the problem to answer instead.</summary>
    public Task<DocumentLookup> FindDocumentAsync(HttpRequest request, string id, CancellationToken cancellationToken)
        => LeafletLookup.FindDocumentAsync(catalog, request, id, cancellationToken);

    /// <summary>
    /// As <see cref="FindDocumentAsync"/>, with the links base for a representation that links elsewhere
    /// (<see cref="FunctionResponse.TryUrlsFor"/>), or the problem to answer instead.
    /// </summary>
    public async Task<DocumentLookup> FindLinkedDocumentAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var found = await FindDocumentAsync(request, id, cancellationToken);
        if (!found.Found)
        {
            return found;
        }
        return TryUrlsFor(request, out var urls, out var noHost) ? found with { Urls = urls } : new DocumentLookup(null, null, noHost);
    }

    public bool TryUrlsFor(HttpRequest request, [NotNullWhen(true)] out ApiUrls? urls, [NotNullWhen(false)] out ProblemResult? problem)
        => FunctionResponse.TryUrlsFor(request, site.Value, out urls, out problem);
}
