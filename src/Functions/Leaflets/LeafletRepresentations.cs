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

    public static RepresentationResult Json(
        Leaflet leaflet, LeafletDocument document, DateOnly today, ApiUrls urls, HttpResponseOptions options, RepresentationCache cache)
    {
        var version = RepresentationVersions.Json(leaflet, document, ReviewStatuses.Of(document.Metadata, today), urls);
        return new RepresentationResult(
            cache.GetOrRender(version, () => LeafletJson.Leaflet(leaflet, document, today, urls)), LeafletJson.MediaType, options.CacheControl,
            EntityTag.Of(version), ReviewStatuses.LastChangedAsShown(document, today))
        {
            LastModifiedValidates = true,
            ContentLanguage = document.Metadata.Language,
        };
    }

    /// <summary>The page carries its Content-Security-Policy whichever route served it.</summary>
    public static RepresentationResult Html(
        Leaflet leaflet, LeafletDocument document, DateOnly today, ApiUrls urls, HttpResponseOptions options, StringsLibrary strings,
        RepresentationCache cache)
    {
        var language = document.Metadata.Language;
        var version = RepresentationVersions.Html(leaflet, document, ReviewStatuses.Of(document.Metadata, today), urls, strings);
        var page = cache.GetOrRender(version, () => Encoding.UTF8.GetBytes(LeafletHtmlRenderer.Render(
            leaflet, document.Variant, urls.PageLinks(leaflet.Id, leaflet.TranslationLanguage(language)), today, language, strings)));
        return new RepresentationResult(
            page, LeafletHtmlRenderer.ContentType, options.CacheControl, EntityTag.Of(version), ReviewStatuses.LastChangedAsShown(document, today))
        {
            LastModifiedValidates = true,
            ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicyOfPage(urls, options),
            ContentLanguage = language,
        };
    }

    /// <summary>Describes the HTML page (its <c>url</c>), which is what a search engine would show.</summary>
    public static RepresentationResult JsonLd(
        Leaflet leaflet, LeafletDocument document, ApiUrls urls, HttpResponseOptions options, RepresentationCache cache)
    {
        var version = RepresentationVersions.JsonLd(leaflet, document, urls);
        var description = cache.GetOrRender(version, () =>
        {
            var variant = document.Variant;
            LanguagePage Page(string language) => new(language, urls.Html(leaflet.Id, variant, leaflet.TranslationLanguage(language)));
            var translations = leaflet.LanguagesOf(variant).Skip(1).Select(Page).ToList();
            var languages = leaflet.TranslationLanguage(document.Metadata.Language) is null
                ? new PageLanguages(null, translations)
                : new PageLanguages(Page(leaflet.MainLanguage), []);
            return Encoding.UTF8.GetBytes(MedicalWebPageJsonLd.Serialize(document, Page(document.Metadata.Language).Url, languages));
        });
        return new RepresentationResult(
            description, MedicalWebPageJsonLd.ContentType, options.CacheControl, EntityTag.Of(version), document.DateModified)
        {
            LastModifiedValidates = true,
            ContentLanguage = document.Metadata.Language,
        };
    }
}
