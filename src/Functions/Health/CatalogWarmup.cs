using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Leaflets.Functions.Health;

/// <summary>
/// Starts the first load of the catalog when the host starts, so broken leaflets are logged at once rather than on the
/// first request, then the load-time checks. It runs beside the host, never in front of it: the host listens at once
/// even if the source hangs (requests meanwhile wait for the first load, within its time limit, or get 503).
/// A failure is logged, not thrown: /api/health tells the rest.
/// </summary>
internal sealed class CatalogWarmup(LeafletCatalog catalog, LeafletCheckResults checks, ILogger<CatalogWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var snapshot = await catalog.GetSnapshotAsync(stoppingToken);
            // Not awaited: the checks run in the background and /api/health shows them pending until each is done.
            _ = checks.StartChecks(snapshot);
        }
        catch (ContentNotLoadedException notLoaded)
        {
            logger.LogError("{Reason} Requests get 503 until a later read succeeds", notLoaded.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The leaflet content could not be loaded at start");
        }
    }
}
