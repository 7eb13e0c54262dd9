namespace Leaflets.Functions.Http;

/// <summary>Bound from the "Http" configuration section (env <c>Http__CacheMaxAgeSeconds</c>, ...).</summary>
public sealed class HttpResponseOptions
{
    public const string SectionName = "Http";

    /// <summary>How long shared caches and browsers may reuse a content response without asking again.</summary>
    public int CacheMaxAgeSeconds { get; set; } = 300;

    public string CacheControl => $"public, max-age={Math.Max(0, CacheMaxAgeSeconds)}";
}
