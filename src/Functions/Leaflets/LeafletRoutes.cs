using System.Diagnostics.CodeAnalysis;
using Leaflets.Content;
using Leaflets.Content.Catalog;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Text;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// What every leaflets route needs before its own work: the catalog, today's date, the response and site settings,
/// the links base, the leaflet a route names, and the memory its rendered bodies are kept in. One service, so each function class takes it and its logger
/// and nothing else in common.
/// </summary>
public sealed class LeafletRoutes(
    LeafletCatalog catalog, TimeProvider time, IOptions<HttpResponseOptions> http, IOptions<SiteOptions> site, RepresentationCache cache)
{
    public RepresentationCache Cache => cache;

    public LeafletCatalog Catalog => catalog;

    public HttpResponseOptions Http => http.Value;

    public SiteOptions Site => site.Value;

    /// <summary>Today (UTC): it decides each leaflet's review status.</summary>
    public DateOnly Today => time.Today();

    /// <summary>
    /// The response <paramref name="respond"/> makes from the variant of leaflet <paramref name="id"/> that
    /// <c>?variant=</c> names, with the strings of the same snapshot, or the problem to answer instead
    /// (<see cref="LeafletLookup.FindDocumentAsync"/>). A route that renders the images' bytes (PDF, EPUB) says so
    /// (<paramref name="drawsImages"/>); the others are not given them.
    /// </summary>
    public async Task<IActionResult> WithDocumentAsync(HttpRequest request, string id, CancellationToken cancellationToken,
        Func<Leaflet, LeafletDocument, StringsLibrary, Task<IActionResult>> respond, bool drawsImages = false)
    {
        var found = await LeafletLookup.FindDocumentAsync(catalog, request, id, drawsImages, cancellationToken);
        return found.Found ? await respond(found.Leaflet, found.Document, found.Strings) : found.Problem;
    }

    /// <summary>
    /// The response <paramref name="respond"/> makes from the leaflet as the snapshot holds it, its bodies perhaps not read
    /// (<see cref="LeafletLookup.FindAsync"/>), or the problem to answer instead: for a route whose rendered body is kept
    /// under a version the metadata decides, so a kept body is answered without the bodies and they are read only to render
    /// (<see cref="DocumentLookup.WithBodiesAsync"/>).
    /// </summary>
    public async Task<IActionResult> WithFoundAsync(HttpRequest request, string id, CancellationToken cancellationToken,
        Func<DocumentLookup, Task<IActionResult>> respond)
    {
        var found = await LeafletLookup.FindAsync(catalog, request, id, cancellationToken);
        return found.Found ? await respond(found) : found.Problem;
    }

    public Task<IActionResult> WithDocumentAsync(HttpRequest request, string id, CancellationToken cancellationToken,
        Func<Leaflet, LeafletDocument, StringsLibrary, IActionResult> respond, bool drawsImages = false)
        => WithDocumentAsync(request, id, cancellationToken, (leaflet, document, strings) => Task.FromResult(respond(leaflet, document, strings)), drawsImages);

    /// <summary>The links base (<see cref="FunctionResponse.TryUrlsFor"/>), or the problem to answer instead.</summary>
    public bool TryUrlsFor(HttpRequest request, [NotNullWhen(true)] out ApiUrls? urls, [NotNullWhen(false)] out ProblemResult? problem)
        => FunctionResponse.TryUrlsFor(request, site.Value, out urls, out problem);
}
