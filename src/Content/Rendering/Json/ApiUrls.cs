using Leaflets.Content.Model;
using Leaflets.Content.Search;

namespace Leaflets.Content.Rendering.Json;

/// <summary>
/// Builds the absolute URLs a JSON document links to. The base (scheme, host and path up to and including the
/// API prefix, e.g. <c>https://example.org/api</c>) comes from whoever serves the request, so links point back
/// to the host the client actually used.
/// </summary>
public sealed class ApiUrls
{
    public ApiUrls(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        BaseUrl = baseUrl.TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string Leaflets => $"{BaseUrl}/leaflets";

    /// <summary>The plain variant is the default, so its URL carries no query.</summary>
    public string Leaflet(string id, LeafletVariant variant) => variant == LeafletVariant.Plain
        ? $"{Leaflets}/{Uri.EscapeDataString(id)}"
        : $"{Leaflets}/{Uri.EscapeDataString(id)}?variant={variant.Slug()}";

    /// <summary>The PDF of a variant at the default size and paper; like <see cref="Leaflet"/>, plain carries no query.</summary>
    public string Pdf(string id, LeafletVariant variant) => variant == LeafletVariant.Plain
        ? $"{Leaflets}/{Uri.EscapeDataString(id)}/pdf"
        : $"{Leaflets}/{Uri.EscapeDataString(id)}/pdf?variant={variant.Slug()}";

    public string Image(string id, string fileName) => $"{Leaflets}/{Uri.EscapeDataString(id)}/images/{Uri.EscapeDataString(fileName)}";

    /// <summary>The list URL for another page of the same search; defaults are left out to keep links short.</summary>
    public string Search(LeafletQuery query, int page)
    {
        var parts = new List<string>();
        if (!query.Words.IsEmpty)
        {
            parts.Add("q=" + Uri.EscapeDataString(string.Join(' ', query.Words)));
        }
        if (query.Topic is { } topic)
        {
            parts.Add("topic=" + Uri.EscapeDataString(topic));
        }
        if (query.Code is { } code)
        {
            parts.Add("code=" + Uri.EscapeDataString(code.ToString()));
        }
        if (page != 1)
        {
            parts.Add("page=" + page);
        }
        if (query.PageSize != LeafletQuery.DefaultPageSize)
        {
            parts.Add("pageSize=" + query.PageSize);
        }
        return parts.Count == 0 ? Leaflets : Leaflets + "?" + string.Join('&', parts);
    }
}
