using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Readability;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.Logging;

namespace Leaflets.Content.Checking;

public enum LeafletCheckStatus
{
    Pending,
    Passed,
    Failed,
}

/// <summary>The outcome of the load-time checks for one leaflet; <see cref="CheckedAt"/> is null while pending.</summary>
public sealed record LeafletCheckResult(
    string LeafletId,
    LeafletCheckStatus Status,
    ImmutableArray<ContentProblem> Errors,
    ImmutableArray<ContentProblem> Warnings,
    DateTimeOffset? CheckedAt)
{
    public static LeafletCheckResult Pending(string leafletId) => new(leafletId, LeafletCheckStatus.Pending, [], [], null);
}

/// <summary>
/// Runs the publish-gate checks that are cheap enough for a live service (readability, and the PDF/UA
/// checkpoints at the default print) in the background and one leaflet at a time, so start-up is not held up
/// and no request ever pays for a check. A result belongs to the leaflet object it describes: the catalog keeps
/// the same object for a leaflet whose files did not change, so a new snapshot re-checks only what changed, and
/// a refresh that changed nothing keeps the very same snapshot and all its results. A run for a newer snapshot
/// (by <see cref="CatalogSnapshot.Generation"/>) cancels the one it supersedes between two leaflets and starts
/// when that one has stopped, so runs never pile up.
/// </summary>
public sealed class LeafletCheckResults(IReadOnlyList<IContentCheck> checks, TimeProvider time, ILogger<LeafletCheckResults> logger) : IDisposable
{
    private readonly ConditionalWeakTable<Leaflet, LeafletCheckResult> _results = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _starting = new();
    private CheckRun? _latest;

    /// <summary>
    /// What a live service checks per leaflet: readability always, PDF/UA at the default print only, the EPUB, with the
    /// review status the PDF route would print on the day of the check.
    /// </summary>
    public static IReadOnlyList<IContentCheck> LoadTimeChecks(ILeafletPdfRenderer renderer, TimeProvider? time = null) =>
    [
        new ReadabilityContentCheck(),
        new PrintAccessibilityCheck(renderer, PrintAccessibilityCheck.DefaultPrintOnly, time),
        new EpubAccessibilityCheck(time),
    ];

    /// <summary>
    /// Starts the checks of this snapshot on a background thread, unless a run for it or for a newer snapshot already
    /// exists: calling it again, or from many requests at once, starts nothing more. The task completes when the run
    /// covering this snapshot ends (every leaflet checked, the run superseded by a newer snapshot's, or the service
    /// stopping); for a snapshot older than the latest run, when that run ends.
    /// </summary>
    public Task StartChecks(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_starting)
        {
            if (_latest is { } latest && (ReferenceEquals(latest.Snapshot, snapshot) || latest.Snapshot.Generation >= snapshot.Generation))
            {
                return latest.Completion;
            }
            _latest?.Supersede();
            _latest = new CheckRun(this, snapshot, _latest?.Completion ?? Task.CompletedTask);
            return _latest.Completion;
        }
    }

    /// <summary>The result so far for every leaflet of the snapshot, by id (pending until checked); starts nothing.</summary>
    public IReadOnlyDictionary<string, LeafletCheckResult> ResultsFor(CatalogSnapshot snapshot) =>
        snapshot.Content.Leaflets.Values.ToDictionary(
            leaflet => leaflet.Id,
            leaflet => _results.TryGetValue(leaflet, out var result) ? result : LeafletCheckResult.Pending(leaflet.Id),
            StringComparer.Ordinal);

    /// <summary>
    /// Stops a run between leaflets. The token source is cancelled but not disposed: a late caller (a request
    /// finishing during shutdown) may still read its token, and without timers or wait handles it holds nothing to free.
    /// </summary>
    public void Dispose() => _stopping.Cancel();

    private LeafletCheckResult CheckOne(Leaflet leaflet)
    {
        var problems = ContentCheck.CheckLeaflet(checks, leaflet, (check, error) =>
            logger.LogError(error, "The {Check} check failed on leaflet {Id}", check.GetType().Name, leaflet.Id));
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToImmutableArray();
        var warnings = problems.Where(p => p.Severity == ProblemSeverity.Warning).ToImmutableArray();
        return new LeafletCheckResult(leaflet.Id, errors.IsEmpty ? LeafletCheckStatus.Passed : LeafletCheckStatus.Failed, errors, warnings, time.GetUtcNow());
    }

    private void LogFinished(int count, int failed) => logger.LogInformation("Checked {Count} leaflets: {Failed} failed", count, failed);

    private sealed class CheckRun
    {
        private readonly CancellationTokenSource _superseded = new();

        public CheckRun(LeafletCheckResults owner, CatalogSnapshot snapshot, Task previous)
        {
            Snapshot = snapshot;
            // Not linked to the stopping token: a linked source would stay registered there for the life of the service.
            var superseded = _superseded.Token;
            var stopping = owner._stopping.Token;
            // A background thread, one leaflet after another: rendering is CPU-bound and the service keeps answering meanwhile.
            Completion = previous.ContinueWith(previousRun =>
            {
                var toCheck = snapshot.Content.Leaflets.Values.Where(leaflet => !owner._results.TryGetValue(leaflet, out _)).ToList();
                var failed = 0;
                foreach (var leaflet in toCheck)
                {
                    if (superseded.IsCancellationRequested || stopping.IsCancellationRequested)
                    {
                        return;
                    }
                    var result = owner.CheckOne(leaflet);
                    owner._results.AddOrUpdate(leaflet, result);
                    failed += result.Status == LeafletCheckStatus.Failed ? 1 : 0;
                }
                owner.LogFinished(toCheck.Count, failed);
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        public CatalogSnapshot Snapshot { get; }

        public Task Completion { get; }

        /// <summary>A newer snapshot's run takes over; this one stops before its next leaflet.</summary>
        public void Supersede() => _superseded.Cancel();
    }
}
