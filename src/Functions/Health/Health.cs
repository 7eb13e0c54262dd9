using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Json;

namespace Leaflets.Functions.Health;

/// <summary>
/// GET /api/health: "ok" or "degraded" (200 either way; a failed check, a last good version or an unreadable source also
/// degrades), when the source was last read and its last failed read if the latest failed, totals, the loaded leaflets
/// that need attention (a failed check, a last good version) and what was left out with every error; every leaflet is
/// in <see cref="HealthLeaflets"/>, a page at a time. Always fresh (no-store): a monitor must see a broken leaflet at
/// once, not five minutes later.
/// </summary>
public sealed class Health(LeafletCatalog catalog, LeafletCheckResults checks, ILogger<Health> logger)
{
    [Function(nameof(Health))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/health")] HttpRequest request,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        if (!AcceptHeader.Accepts(request.Headers.Accept, LeafletJson.MediaType))
        {
            return Problems.NotAcceptable(LeafletJson.MediaType);
        }
        var state = await catalog.GetStateAsync(cancellationToken);
        // A refresh's new snapshot is checked from the first health request that sees it; not awaited, its leaflets show pending.
        _ = checks.StartChecks(state.Snapshot);
        var body = LeafletJson.Health(ContentHealth.Of(state), checks.SummaryFor(state.Snapshot));
        return new RepresentationResult(body, LeafletJson.MediaType, "no-store");
    });
}
