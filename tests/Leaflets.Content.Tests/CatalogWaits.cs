using Leaflets.Content.Catalog;

namespace Leaflets.Content.Tests;

/// <summary>Waiting for what a catalog serves after its background refreshes, for tests of what a refresh leads to.</summary>
internal static class CatalogWaits
{
    /// <summary>The catalog's snapshot once <paramref name="done"/> says so, after the refreshes that lead there (at most a minute).</summary>
    public static async Task<CatalogSnapshot> WhenServedAsync(LeafletCatalog catalog, Func<CatalogSnapshot, bool> done)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            await catalog.WhenRefreshedAsync();
            var snapshot = await catalog.GetSnapshotAsync(CancellationToken.None);
            if (done(snapshot) || DateTime.UtcNow > until)
            {
                return snapshot;
            }
            await Task.Delay(20);
        }
    }
}
