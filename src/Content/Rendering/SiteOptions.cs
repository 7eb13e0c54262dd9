using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering;

/// <summary>Bound from the "Site" configuration section (env <c>Site__PublicBaseUrl</c>).</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    public const string InvalidMessage =
        "Site:PublicBaseUrl must be the absolute http(s) address of the site root, without query or fragment, "
        + "for example https://leaflets.example.org.";

    /// <summary>
    /// The public root of the site (for example <c>https://leaflets.example.org</c>). When set, API links use
    /// <c>{root}/api</c> instead of the request's Host header (so a forged Host can never end up in a cached
    /// document), and printed PDFs carry the address and a QR code of their online version.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The configured root without a trailing slash, or null when none is set.</summary>
    public string? Root => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : PublicBaseUrl.Trim().TrimEnd('/');

    /// <summary>API links under the configured root, or null when none is set.</summary>
    public ApiUrls? ApiUrls => Root is { } root ? ApiUrls.UnderSiteRoot(root) : null;

    public bool IsValid => Root is null
        || (Uri.TryCreate(Root, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0);

    /// <summary>
    /// Where a reader finds the current online version of a leaflet variant (the HTML page), printed on the last
    /// page of its PDF; null when no public root is configured, because a Host header must never be printed.
    /// </summary>
    public string? OnlineVersionOf(string leafletId, LeafletVariant variant) => ApiUrls?.Html(leafletId, variant);
}
