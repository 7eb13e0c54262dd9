using System.Text;
using Leaflets.Content;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Rendering.Json;
using Leaflets.Content.Rendering.JsonLd;
using Leaflets.Content.Text;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// The ways one leaflet variant can be sent: the JSON block tree, the standalone HTML page, and the schema.org JSON-LD
/// description. Which inputs shape each one's bytes, and so its ETag, is decided in <see cref="RepresentationVersions"/>;
/// that version is also the key the rendered body is kept under (<see cref="RepresentationCache"/>), so each is rendered
/// once per version, not per request.
/// </summary>
public static class LeafletRepresentations
{
    public const string HtmlMediaType = "text/html";

    /// <summary>What leaflets/{id} offers, in the order a tie (or <c>*/*</c>) is settled.</summary>
    public static readonly string[] Offered = [LeafletJson.MediaType, MedicalWebPageJsonLd.ContentType, HtmlMediaType];

    public static string OfferedList => string.Join(", ", Offered[..^1]) + " or " + Offered[^1];

    /// <summary>
    /// A file to keep (braille, EPUB): sent as an attachment in the document's language, kept under its version
    /// (<see cref="RepresentationCache"/>) so it is rendered once, and a client that holds it gets its 304 without a render.
    /// </summary>
    public static RepresentationResult Download(
        HttpRequest request, LeafletDocument document, string version, string contentType, string fileName, Func<byte[]> render,
        LeafletRoutes routes)
    {
        var unrendered = Response(new RepresentationBody(ReadOnlyMemory<byte>.Empty));
        return unrendered.IsNotModified(request) ? unrendered : Response(routes.Cache.GetOrRender(version, render));

        RepresentationResult Response(RepresentationBody body) =>
            new(body, contentType, routes.Http.CacheControl, EntityTag.Of(version), ReviewStatuses.LastChangedAsShown(document, routes.Today))
            {
                LastModifiedValidates = true,
                // A file to keep, not a page to show: a browser saves it for the reader's app or embosser.
                ContentDisposition = $"attachment; filename=\"{fileName}\"",
                ContentLanguage = document.Metadata.Language,
            };
    }

    /// <summary>
    /// The leaflet's JSON. Its version is decided from <paramref name="found"/>'s metadata, so a kept body is answered
    /// without reading the leaflet's bodies; they are read only to render (<see cref="DocumentLookup.WithBodiesAsync"/>).
    /// </summary>
    public static async Task<RepresentationResult> JsonAsync(
        DocumentLookup found, DateOnly today, ApiUrls urls, HttpResponseOptions options, RepresentationCache cache, CancellationToken cancellationToken)
    {
        var (leaflet, document) = Of(found);
        var version = RepresentationVersions.Json(leaflet, document, ReviewStatuses.Of(document.Metadata, today), urls);
        var body = await cache.GetOrRenderAsync(version, async () =>
        {
            var loaded = await found.WithBodiesAsync(drawsImages: false, cancellationToken);
            return LeafletJson.Leaflet(loaded.Leaflet!, loaded.Document!, today, urls);
        });
        return new RepresentationResult(
            body, LeafletJson.MediaType, options.CacheControl, EntityTag.Of(version), ReviewStatuses.LastChangedAsShown(document, today))
        {
            LastModifiedValidates = true,
            ContentLanguage = document.Metadata.Language,
        };
    }

    /// <summary>The page carries its Content-Security-Policy whichever route served it. Its bodies are read as for <see cref="JsonAsync"/>.</summary>
    public static async Task<RepresentationResult> HtmlAsync(
        DocumentLookup found, DateOnly today, ApiUrls urls, HttpResponseOptions options, RepresentationCache cache, CancellationToken cancellationToken)
    {
        var (leaflet, document) = Of(found);
        var (language, strings) = (document.Metadata.Language, found.Strings);
        var version = RepresentationVersions.Html(leaflet, document, ReviewStatuses.Of(document.Metadata, today), urls, strings);
        var page = await cache.GetOrRenderAsync(version, async () =>
        {
            var loaded = await found.WithBodiesAsync(drawsImages: false, cancellationToken);
            return Encoding.UTF8.GetBytes(LeafletHtmlRenderer.Render(
                loaded.Leaflet!, document.Variant, urls.PageLinks(leaflet.Id, leaflet.TranslationLanguage(language)), today, language, strings));
        });
        return new RepresentationResult(
            page, LeafletHtmlRenderer.ContentType, options.CacheControl, EntityTag.Of(version), ReviewStatuses.LastChangedAsShown(document, today))
        {
            LastModifiedValidates = true,
            ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicyOfPage(urls, options),
            ContentLanguage = language,
        };
    }

    /// <summary>Describes the HTML page (its <c>url</c>), which is what a search engine would show. Its bodies are read as for <see cref="JsonAsync"/>.</summary>
    public static async Task<RepresentationResult> JsonLdAsync(
        DocumentLookup found, ApiUrls urls, HttpResponseOptions options, RepresentationCache cache, CancellationToken cancellationToken)
    {
        var (leaflet, document) = Of(found);
        var version = RepresentationVersions.JsonLd(leaflet, document, urls);
        var description = await cache.GetOrRenderAsync(version, async () =>
        {
            var loaded = (await found.WithBodiesAsync(drawsImages: false, cancellationToken)).Document!;
            var variant = loaded.Variant;
            LanguagePage Page(string language) => new(language, urls.Html(leaflet.Id, variant, leaflet.TranslationLanguage(language)));
            var translations = leaflet.LanguagesOf(variant).Skip(1).Select(Page).ToList();
            var languages = leaflet.TranslationLanguage(loaded.Metadata.Language) is null
                ? new PageLanguages(null, translations)
                : new PageLanguages(Page(leaflet.MainLanguage), []);
            return Encoding.UTF8.GetBytes(MedicalWebPageJsonLd.Serialize(loaded, Page(loaded.Metadata.Language).Url, languages));
        });
        return new RepresentationResult(
            description, MedicalWebPageJsonLd.ContentType, options.CacheControl, EntityTag.Of(version), document.DateModified)
        {
            LastModifiedValidates = true,
            ContentLanguage = document.Metadata.Language,
        };
    }

    private static (Leaflet Leaflet, LeafletDocument Document) Of(DocumentLookup found)
        => found.Found ? (found.Leaflet, found.Document) : throw new ArgumentException("A representation is made of a leaflet that was found.", nameof(found));
}
