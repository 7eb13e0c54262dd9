using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Html;
using Microsoft.AspNetCore.Http;

namespace Leaflets.Functions.Http;

/// <summary>The security headers of our responses, written by the two results every function returns.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// A leaflet's address names the condition a patient is reading about, so it is never sent on to the sites
    /// a leaflet links to.
    /// </summary>
    public const string ReferrerPolicy = "no-referrer";

    /// <summary>
    /// The CSP source of the page's one embedded stylesheet. A hash, not 'unsafe-inline', so an injected style
    /// element or attribute would not apply; it changes by itself when the stylesheet does.
    /// </summary>
    public static readonly string StyleSheetSource =
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(LeafletHtmlRenderer.StyleSheet)))}'";

    /// <summary>Every response: no content sniffing, no referrer.</summary>
    public static void ApplyTo(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = ReferrerPolicy;
    }

    /// <summary>
    /// The Content-Security-Policy of a leaflet page. The page runs no script, has no form and embeds nothing: it
    /// may load its own embedded stylesheet, the webfont's stylesheet and font files (<c>/assets/</c>), and the
    /// images its links point at, all of them ours (the request's origin, or the configured site root's). Who may
    /// frame it is <see cref="HttpResponseOptions.FrameAncestors"/>.
    /// </summary>
    public static string ContentSecurityPolicyOfPage(ApiUrls urls, HttpResponseOptions options)
    {
        var ours = new Uri(urls.SiteRoot).GetLeftPart(UriPartial.Authority);
        return $"default-src 'none'; img-src 'self' {ours}; style-src {StyleSheetSource} {ours}; font-src {ours}; "
            + $"base-uri 'none'; form-action 'none'; frame-ancestors {string.Join(' ', options.FrameAncestorSources)}";
    }

    /// <summary>
    /// The Content-Security-Policy of a page of the library website. It runs no script and has nothing inline (its
    /// QR code is inline SVG, which needs no source): its stylesheets, the webfont and the leaflets' images are the
    /// site's own, and its two forms send to the site (search) and the API (print), all of them on the origin the page
    /// came from, or under the configured root when links are absolute there. Who may frame it is
    /// <see cref="HttpResponseOptions.FrameAncestors"/>, as for the standalone page.
    /// </summary>
    public static string ContentSecurityPolicyOfSitePage(SiteUrls urls, HttpResponseOptions options)
    {
        var ours = urls.ConfiguredRoot is { } root ? "'self' " + new Uri(root).GetLeftPart(UriPartial.Authority) : "'self'";
        return $"default-src 'none'; img-src {ours}; style-src {ours}; font-src {ours}; form-action {ours}; "
            + $"base-uri 'none'; frame-ancestors {string.Join(' ', options.FrameAncestorSources)}";
    }
}
