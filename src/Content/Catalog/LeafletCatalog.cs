using System.Collections.Immutable;
using Leaflets.Content.Loading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaflets.Content.Catalog;

/// <summary>
/// The leaflets currently served. Loads the content source on first use and re-reads it once the snapshot is
/// older than <see cref="ContentOptions.RefreshSeconds"/>. Only leaflets whose files changed are parsed again;
/// a leaflet whose new version fails validation keeps its last good version on the shelf (and the failure is
/// reported in the snapshot), while a leaflet removed from the source disappears. Broken leaflets are logged
/// and reported, never thrown.
/// </summary>
public sealed class LeafletCatalog(IContentSource source, TimeProvider time, ILogger<LeafletCatalog> logger, IOptions<ContentOptions> options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _refreshAfter = TimeSpan.FromSeconds(Math.Max(0, options.Value.RefreshSeconds));
    private ImmutableSortedDictionary<string, CatalogEntry> _entries = ImmutableSortedDictionary<string, CatalogEntry>.Empty.WithComparers(StringComparer.Ordinal);
    private volatile CatalogSnapshot? _snapshot;

    public LeafletCatalog(IContentSource source, TimeProvider time, ILogger<LeafletCatalog> logger)
        : this(source, time, logger, Options.Create(new ContentOptions()))
    {
    }

    public IContentSource Source => source;

    /// <summary>
    /// The current snapshot, refreshed first when it is older than the refresh interval. While one request
    /// refreshes, concurrent requests are answered from the snapshot they already have rather than queueing.
    /// </summary>
    public async ValueTask<CatalogSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var current = _snapshot;
        if (current is null)
        {
            return await RefreshAsync(onlyIfDue: true, waitForGate: true, cancellationToken) ?? _snapshot!;
        }
        if (!IsDue(current))
        {
            return current;
        }
        return await RefreshAsync(onlyIfDue: true, waitForGate: false, cancellationToken) ?? current;
    }

    /// <summary>Re-reads the source now, whatever the age of the snapshot.</summary>
    public async Task<CatalogSnapshot> ReloadAsync(CancellationToken cancellationToken)
        => (await RefreshAsync(onlyIfDue: false, waitForGate: true, cancellationToken))!;

    private bool IsDue(CatalogSnapshot snapshot) => time.GetUtcNow() - snapshot.LoadedAt >= _refreshAfter;

    private async Task<CatalogSnapshot?> RefreshAsync(bool onlyIfDue, bool waitForGate, CancellationToken cancellationToken)
    {
        if (waitForGate)
        {
            await _gate.WaitAsync(cancellationToken);
        }
        else if (!await _gate.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return null;
        }
        try
        {
            var current = _snapshot;
            if (onlyIfDue && current is not null && !IsDue(current))
            {
                return current;
            }
            _snapshot = await ReadAndMergeAsync(current, cancellationToken);
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<CatalogSnapshot> ReadAndMergeAsync(CatalogSnapshot? current, CancellationToken cancellationToken)
    {
        IReadOnlyList<ContentFile> files;
        try
        {
            files = await source.ReadAllAsync(cancellationToken);
        }
        catch (Exception exception) when (current is not null && exception is not OperationCanceledException)
        {
            // Without a first load there is nothing to fall back on, so that failure propagates; later ones keep serving.
            logger.LogError(exception, "Could not re-read {Root}; still serving the leaflets loaded at {LoadedAt}", source.DisplayRoot, current.LoadedAt);
            var unreadable = new ContentProblem(source.DisplayRoot, 0, "content-source",
                $"The content source could not be read ({exception.Message}); serving the leaflets loaded at {current.LoadedAt:u}.");
            return CatalogMerge.ToSnapshot(_entries, time.GetUtcNow(), unreadable);
        }

        var merged = CatalogMerge.Merge(_entries, source.DisplayRoot, files);
        foreach (var entry in merged.Changed)
        {
            Report(entry);
        }
        foreach (var id in merged.Removed)
        {
            logger.LogInformation("Leaflet {Id} is no longer in {Root}; it is no longer served", id, source.DisplayRoot);
        }
        _entries = merged.Entries;
        var snapshot = CatalogMerge.ToSnapshot(_entries, time.GetUtcNow(), sourceProblem: null);
        if (current is null || merged.Changed.Count > 0 || merged.Removed.Count > 0)
        {
            logger.LogInformation("Serving {Count} leaflets from {Root}", snapshot.Content.Leaflets.Count, source.DisplayRoot);
        }
        return snapshot;
    }

    private void Report(CatalogEntry entry)
    {
        foreach (var problem in entry.Problems)
        {
            var level = problem.Severity == ProblemSeverity.Error ? LogLevel.Error : LogLevel.Warning;
            logger.Log(level, "{Problem}", problem.ToString());
        }
        if (entry.ServingLastGood)
        {
            logger.LogWarning("The new version of leaflet {Id} failed validation; still serving its last good version", entry.Id);
        }
    }
}

/// <summary>
/// What is being served. <see cref="Content"/> holds the served leaflets and the problems of the latest version
/// in the source; <see cref="ServingLastGood"/> names the leaflets whose latest version failed validation and
/// which are served from their last good version.
/// </summary>
public sealed record CatalogSnapshot(ContentLoadResult Content, DateTimeOffset LoadedAt)
{
    public ImmutableSortedSet<string> ServingLastGood { get; init; } = ImmutableSortedSet<string>.Empty;
}
