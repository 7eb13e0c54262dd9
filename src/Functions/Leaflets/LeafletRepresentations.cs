using System.Text;
using Leaflets.Content;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Rendering.Json;
using Leaflets.Content.Rendering.JsonLd;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// The ways one leaflet variant can be sent: the JSON block tree, the standalone HTML page, and the schema.org JSON-LD
/// description. Which inputs shape each one's bytes, and so its ETag, is decided in <see cref="RepresentationVersions"/>.
/// </summary>
public static class LeafletRepresentations
{
    public const string HtmlMediaType = "text/html";

    /// <summary>What leaflets/{id} offers, in the order a tie (or <c>*/*</c>) is settled.</summary>
    public static readonly string[] Offered = [LeafletJson.MediaType, MedicalWebPageJsonLd.ContentType, HtmlMediaType];

    public static string OfferedList => string.Join(", ", Offered[..^1]) + " or " + Offered[^1];

    public static RepresentationResult Json(Leaflet leaflet, LeafletDocument document, DateOnly today, ApiUrls urls, HttpResponseOptions options)
        => new(
            LeafletJson.Leaflet(leaflet, document, today, urls), LeafletJson.MediaType, options.CacheControl,
            EntityTag.Of(RepresentationVersions.Json(document, ReviewStatuses.Of(document.Metadata, today), urls)),
            ReviewStatuses.LastChangedAsShown(document, today))
        {
            LastModifiedValidates = true,
        };

    /// <summary>The page carries its Content-Security-Policy whichever route served it.</summary>
    public static RepresentationResult Html(Leaflet leaflet, LeafletDocument document, DateOnly today, ApiUrls urls, HttpResponseOptions options)
    {
        var page = LeafletHtmlRenderer.Render(leaflet, document.Variant, urls.PageLinks(leaflet.Id), today);
        return new RepresentationResult(
            Encoding.UTF8.GetBytes(page), LeafletHtmlRenderer.ContentType, options.CacheControl,
            EntityTag.Of(RepresentationVersions.Html(document, ReviewStatuses.Of(document.Metadata, today), urls)),
            ReviewStatuses.LastChangedAsShown(document, today))
        {
            LastModifiedValidates = true,
            ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicyOfPage(urls, options),
        };
    }

    /// <summary>Describes the HTML page (its <c>url</c>), which is what a search engine would show.</summary>
    public static RepresentationResult JsonLd(Leaflet leaflet, LeafletDocument document, ApiUrls urls, HttpResponseOptions options)
    {
        var description = MedicalWebPageJsonLd.Serialize(document, urls.Html(leaflet.Id, document.Variant));
        return new RepresentationResult(
            Encoding.UTF8.GetBytes(description), MedicalWebPageJsonLd.ContentType, options.CacheControl,
            EntityTag.Of(RepresentationVersions.JsonLd(document, urls)), document.DateModified)
        {
            LastModifiedValidates = true,
        };
    }
}
