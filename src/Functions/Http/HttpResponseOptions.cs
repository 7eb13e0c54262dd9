namespace Leaflets.Functions.Http;

/// <summary>Bound from the "Http" configuration section (env <c>Http__CacheMaxAgeSeconds</c>, ...).</summary>
public sealed class HttpResponseOptions
{
    public const string SectionName = "Http";

    /// <summary>How long shared caches and browsers may reuse a content response without asking again.</summary>
    public int CacheMaxAgeSeconds { get; set; } = 300;

    /// <summary>
    /// The public base of the API (for example <c>https://leaflets.example.org/api</c>). When set, links use it
    /// instead of the request's Host header, so a forged Host can never end up in a cached document.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public string CacheControl => $"public, max-age={Math.Max(0, CacheMaxAgeSeconds)}";
}
