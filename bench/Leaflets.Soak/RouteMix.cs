namespace Leaflets.Soak;

internal enum RouteKind
{
    LeafletJson,
    Html,
    Search,
    List,
    Pdf,
}

/// <summary>
/// The mixed load: mostly reading (JSON, HTML, search, list pages) with one request in five a PDF in a random variant,
/// size and paper. scripts/soak.sh serves with no memory cache for PDFs, so every PDF request goes to the shared store
/// and, on a miss (a new key after an edit, or storage down), to the renderer.
/// </summary>
internal sealed class RouteMix(IReadOnlyList<string> leafletIds)
{
    private static readonly string[] Variants = ["plain", "easy-read"];
    private static readonly string[] Sizes = ["16", "18", "20", "24"];
    private static readonly string[] Papers = ["A4", "A5", "Letter"];
    private static readonly string[] Words = ["bone", "cement", "pain", "spine", "kyphoplasty", "vertebroplasy", "scan", "x"];

    /// <summary>JSON bodies are the partner apps' routes: each must answer within a second whatever storage does.</summary>
    public static bool IsJson(RouteKind kind) => kind is RouteKind.LeafletJson or RouteKind.Search or RouteKind.List;

    public (RouteKind Kind, string PathAndQuery) Next(Random random)
    {
        var id = leafletIds[random.Next(leafletIds.Count)];
        var variant = Variants[random.Next(Variants.Length)];
        return random.Next(20) switch
        {
            < 7 => (RouteKind.LeafletJson, $"/api/leaflets/{id}?variant={variant}"),
            < 10 => (RouteKind.Html, $"/api/leaflets/{id}/html?variant={variant}"),
            < 13 => (RouteKind.Search, $"/api/leaflets?q={Words[random.Next(Words.Length)]}"),
            < 16 => (RouteKind.List, $"/api/leaflets?page={random.Next(1, 3)}&pageSize={random.Next(1, 6)}"),
            _ => (RouteKind.Pdf, $"/api/leaflets/{id}/pdf?variant={variant}&size={Sizes[random.Next(Sizes.Length)]}&paper={Papers[random.Next(Papers.Length)]}"),
        };
    }
}
