using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Site;
using Leaflets.Functions.Leaflets;

namespace Leaflets.Functions.Site;

/// <summary>
/// GET /leaflets/{id}?variant=plain|easy-read&amp;lang=: the leaflet for people, in the language negotiated among
/// those the variant is in, in the site's frame, with its print form and a QR code of this page's address. The API's
/// leaflet is at /api/leaflets/{id}.
/// </summary>
public sealed class GetLeafletPage(SiteRoutes routes, ILogger<GetLeafletPage> logger)
{
    [Function(nameof(GetLeafletPage))]
    [QueryParameters(LeafletVariants.Parameter, LanguageNegotiation.Parameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = SiteUrls.LeafletsPath + "/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        var urls = routes.UrlsFor(request);
        var found = await LeafletLookup.FindDocumentAsync(routes.Catalog, request, id, drawsImages: false, cancellationToken);
        if (!found.Found)
        {
            // A language the variant is not in: the 404 page links to it in each language it is in.
            return routes.Error(request, urls, found.Problem,
                [.. found.LanguagesOffered.Select(language => (language, urls.Leaflet(id, found.Variant, language)))]);
        }
        // The QR code needs the page's absolute address: with no configured root and no Host, there is none to give.
        if (urls.Origin is null)
        {
            return Problems.MissingHost();
        }
        var (leaflet, document) = (found.Leaflet, found.Document);
        var today = routes.Today;
        var status = ReviewStatuses.Of(document.Metadata, today);
        // The page shows this variant's text and status, and offers the leaflet's other variants and languages.
        DateTimeOffset[] changes = [ReviewStatuses.LastChangedAsShown(document, today), leaflet.DateModified];
        var language = document.Metadata.Language;
        return routes.Page(request, urls, RepresentationVersions.SiteLeaflet(leaflet, document.Variant, status, urls, language, found.Strings),
            changes.Max(), () => LeafletPage.Render(leaflet, document.Variant, urls, today, language, found.Strings),
            document.Metadata.Language);
    }, routes.ErrorPageFor(request));
}
