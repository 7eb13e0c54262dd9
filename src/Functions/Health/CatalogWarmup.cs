using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Leaflets.Functions.Health;

/// <summary>
/// Loads the catalog when the host starts, so broken leaflets are logged at once rather than on the first
/// request, and starts the load-time checks. A failure is logged, not thrown: the host still starts and /api/health tells the rest.
/// </summary>
internal sealed class CatalogWarmup(LeafletCatalog catalog, LeafletCheckResults checks, ILogger<CatalogWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await catalog.GetSnapshotAsync(cancellationToken);
            // Starts the load-time checks in the background; /api/health shows them pending until each is done.
            checks.Of(snapshot);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The leaflet content could not be loaded at start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
