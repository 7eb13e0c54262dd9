using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Json;

namespace Leaflets.Functions.Health;

/// <summary>
/// GET /api/health/leaflets?page=: every loaded leaflet with its check result, <see cref="LeafletJson.HealthPageSize"/> to
/// a page in id order, for the monitor or editor who wants more than /api/health's totals and failing leaflets. 400 for a
/// page that is not a whole number from 1; 404 past the last page (page 1 always exists). Always fresh (no-store), like
/// /api/health.
/// </summary>
public sealed class HealthLeaflets(LeafletCatalog catalog, LeafletCheckResults checks, ILogger<HealthLeaflets> logger)
{
    public const string PageParameter = "page";

    [Function(nameof(HealthLeaflets))]
    [QueryParameters(PageParameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/health/leaflets")] HttpRequest request,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        if (!TryReadPage(request.Query(PageParameter), out var page, out var badPage))
        {
            return badPage;
        }
        if (!AcceptHeader.Accepts(request.Headers.Accept, LeafletJson.MediaType))
        {
            return Problems.NotAcceptable(LeafletJson.MediaType);
        }
        var state = await catalog.GetStateAsync(cancellationToken);
        var health = ContentHealth.Of(state);
        var pageCount = LeafletJson.HealthPageCount(health.Loaded.Length);
        if (page > pageCount)
        {
            return Problems.NoSuchPage(page, pageCount);
        }
        var body = LeafletJson.HealthLeaflets(health, checks.SummaryFor(state.Snapshot), page);
        return new RepresentationResult(body, LeafletJson.MediaType, "no-store");
    });

    private static bool TryReadPage(string? raw, out int page, [NotNullWhen(false)] out ProblemResult? problem)
    {
        (page, problem) = (1, null);
        if (raw is null || (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
        {
            return true;
        }
        problem = Problems.InvalidParameter($"{PageParameter} must be a whole number from 1 upwards; got '{raw}'.");
        return false;
    }
}
