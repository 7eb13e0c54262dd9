using Leaflets.Content.Catalog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Leaflets.Functions.Health;

/// <summary>
/// Loads the catalog when the host starts, so broken leaflets are logged at once rather than on the first
/// request. A failure is logged, not thrown: the host still starts and /api/health tells the rest.
/// </summary>
internal sealed class CatalogWarmup(LeafletCatalog catalog, ILogger<CatalogWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await catalog.GetSnapshotAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The leaflet content could not be loaded at start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
