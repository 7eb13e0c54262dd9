using Leaflets.Content.Loading;
using Microsoft.Extensions.Logging;

namespace Leaflets.Content.Catalog;

/// <summary>
/// The leaflets currently served. Loads the content source once, on first use, and keeps the result;
/// broken leaflets are logged and reported, never thrown.
/// </summary>
public sealed class LeafletCatalog(IContentSource source, TimeProvider time, ILogger<LeafletCatalog> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CatalogSnapshot? _snapshot;

    public IContentSource Source => source;

    public async ValueTask<CatalogSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        return _snapshot ?? await ReloadAsync(onlyIfMissing: true, cancellationToken);
    }

    public Task<CatalogSnapshot> ReloadAsync(CancellationToken cancellationToken) => ReloadAsync(onlyIfMissing: false, cancellationToken);

    private async Task<CatalogSnapshot> ReloadAsync(bool onlyIfMissing, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (onlyIfMissing && _snapshot is not null)
            {
                return _snapshot;
            }
            var files = await source.ReadAllAsync(cancellationToken);
            var result = LeafletLoader.Load(source.DisplayRoot, files);
            foreach (var problem in result.Problems)
            {
                var level = problem.Severity == ProblemSeverity.Error ? LogLevel.Error : LogLevel.Warning;
                logger.Log(level, "{Problem}", problem.ToString());
            }
            logger.LogInformation("Loaded {Count} leaflets from {Root}", result.Leaflets.Count, source.DisplayRoot);
            _snapshot = new CatalogSnapshot(result, time.GetUtcNow());
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }
}

public sealed record CatalogSnapshot(ContentLoadResult Content, DateTimeOffset LoadedAt);
