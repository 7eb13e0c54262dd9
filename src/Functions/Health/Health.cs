using Leaflets.Content.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Leaflets.Functions.Health;

public sealed class Health(LeafletCatalog catalog)
{
    [Function(nameof(Health))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetSnapshotAsync(cancellationToken);
        return new OkObjectResult(new { status = "ok", leaflets = snapshot.Content.Leaflets.Count });
    }
}
