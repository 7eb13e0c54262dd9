using System.Text;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Rendering.Json;
using Leaflets.Content.Rendering.JsonLd;
using Leaflets.Functions.Http;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// The ways one leaflet variant can be sent: the JSON block tree, the standalone HTML page, and the
/// schema.org JSON-LD description. Each has a representation name of its own in its ETag, so a cache never
/// answers a request for one with the bytes of another.
/// </summary>
public static class LeafletRepresentations
{
    public const string HtmlMediaType = "text/html";

    /// <summary>Part of the HTML ETag; bump when the page's markup changes.</summary>
    public const string HtmlRepresentation = "text/html;leaflet=1";

    /// <summary>Part of the JSON-LD ETag; bump when the description's fields change.</summary>
    public const string JsonLdRepresentation = "application/ld+json;leaflet=1";

    /// <summary>What leaflets/{id} offers, in the order a tie (or <c>*/*</c>) is settled.</summary>
    public static readonly string[] Offered = [LeafletJson.MediaType, MedicalWebPageJsonLd.ContentType, HtmlMediaType];

    public static string OfferedList => string.Join(", ", Offered[..^1]) + " or " + Offered[^1];

    public static RepresentationResult Json(Leaflet leaflet, LeafletDocument document, DateOnly today, ApiUrls urls, HttpResponseOptions options)
    {
        // The body also depends on the date (review status) and on the link base, so both are in the tag.
        var tag = EntityTag.Derive(
            document.ContentHash, document.Variant.Slug(), LeafletJson.Representation,
            ReviewStatuses.Of(document.Metadata, today).Slug(), urls.BaseUrl);
        return new RepresentationResult(
            LeafletJson.Leaflet(leaflet, document, today, urls), LeafletJson.MediaType,
            options.CacheControl, tag, document.Metadata.LastReviewed);
    }

    /// <summary>
    /// The page shows the review status (it changes with the date) and absolute links, so both are in the tag. It
    /// carries its Content-Security-Policy whichever route served it.
    /// </summary>
    public static RepresentationResult Html(Leaflet leaflet, LeafletDocument document, DateOnly today, ApiUrls urls, HttpResponseOptions options)
    {
        var tag = EntityTag.Derive(
            document.ContentHash, document.Variant.Slug(), HtmlRepresentation,
            ReviewStatuses.Of(document.Metadata, today).Slug(), urls.BaseUrl);
        var page = LeafletHtmlRenderer.Render(leaflet, document.Variant, LinksFor(leaflet.Id, urls), today);
        return new RepresentationResult(
            Encoding.UTF8.GetBytes(page), LeafletHtmlRenderer.ContentType,
            options.CacheControl, tag, document.Metadata.LastReviewed)
        {
            ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicyOfPage(urls, options),
        };
    }

    /// <summary>Describes the HTML page (its <c>url</c>), which is what a search engine would show.</summary>
    public static RepresentationResult JsonLd(Leaflet leaflet, LeafletDocument document, ApiUrls urls, HttpResponseOptions options)
    {
        var tag = EntityTag.Derive(document.ContentHash, document.Variant.Slug(), JsonLdRepresentation, urls.BaseUrl);
        var description = MedicalWebPageJsonLd.Serialize(document, HtmlUrl(leaflet.Id, document.Variant, urls));
        return new RepresentationResult(
            Encoding.UTF8.GetBytes(description), MedicalWebPageJsonLd.ContentType,
            options.CacheControl, tag, document.Metadata.LastReviewed);
    }

    public static string HtmlUrl(string id, LeafletVariant variant, ApiUrls urls) => LinksFor(id, urls).VariantUrl(variant);

    /// <summary>Absolute image URLs, and variant switches that stay on the HTML route.</summary>
    private static LeafletLinks LinksFor(string id, ApiUrls urls)
    {
        var leaflet = $"{urls.Leaflets}/{Uri.EscapeDataString(id)}";
        return new LeafletLinks(leaflet + "/images", leaflet + "/html?variant=" + LeafletLinks.VariantPlaceholder);
    }
}
