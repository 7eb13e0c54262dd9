using System.Text.RegularExpressions;

namespace Leaflets.Functions.Http;

/// <summary>Bound from the "Http" configuration section (env <c>Http__CacheMaxAgeSeconds</c>, ...).</summary>
public sealed partial class HttpResponseOptions
{
    public const string SectionName = "Http";

    public const string InvalidFrameAncestorsMessage =
        "Http:FrameAncestors must be 'none', or 'self' and/or origins separated by spaces, "
        + "for example \"'self' https://partner.example.org https://*.nhs.example\" (env Http__FrameAncestors).";

    /// <summary>How long shared caches and browsers may reuse a content response without asking again.</summary>
    public int CacheMaxAgeSeconds { get; set; } = 300;

    /// <summary>
    /// Who may show the HTML page inside a frame (CSP <c>frame-ancestors</c>). 'none' by default: a page that no
    /// one may frame cannot be overlaid by another site to trick a reader into a click; partners that embed our
    /// pages are listed here by origin.
    /// </summary>
    public string FrameAncestors { get; set; } = "'none'";

    /// <summary>
    /// How long the site's static files (<c>/assets/</c>: the webfont, its stylesheet, the site's stylesheet) may be
    /// reused without asking again. They change only with a deployment, so a day by default: the fonts, the largest
    /// files, are fetched once a day at most, and asking again is a 304 when nothing changed. Not a year and
    /// <c>immutable</c>: the names carry no version, so after a deployment that changes a stylesheet every reader
    /// must get it within this time.
    /// </summary>
    public int AssetCacheMaxAgeSeconds { get; set; } = 86_400;

    public string CacheControl => $"public, max-age={Math.Max(0, CacheMaxAgeSeconds)}";

    public string AssetCacheControl => $"public, max-age={Math.Max(0, AssetCacheMaxAgeSeconds)}";

    /// <summary>The sources, one space apart. Anything else (a ';' above all) would let the setting rewrite the rest of the policy.</summary>
    public IReadOnlyList<string> FrameAncestorSources =>
        (FrameAncestors ?? "").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    public bool FrameAncestorsAreValid =>
        FrameAncestorSources is ["'none'"]
        || (FrameAncestorSources.Count > 0 && FrameAncestorSources.All(source => source == "'self'" || Origin().IsMatch(source)));

    [GeneratedRegex(@"^https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?$")]
    private static partial Regex Origin();
}
