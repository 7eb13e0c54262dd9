using System.Collections.Concurrent;
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
/// checkpoints at the default print) once per catalog snapshot, in the background and one leaflet at a time,
/// so start-up is not held up and no request ever pays for a check. Results are kept beside the snapshot
/// they describe: a reload starts a fresh run and the old results go with the old snapshot.
/// </summary>
public sealed class LeafletCheckResults(IReadOnlyList<IContentCheck> checks, TimeProvider time, ILogger<LeafletCheckResults> logger) : IDisposable
{
    private readonly ConditionalWeakTable<CatalogSnapshot, CheckRun> _runs = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _starting = new();

    /// <summary>
    /// What a live service checks per leaflet: readability always, PDF/UA at the default print only, with the
    /// review status the PDF route would print on the day of the check.
    /// </summary>
    public static IReadOnlyList<IContentCheck> LoadTimeChecks(ILeafletPdfRenderer renderer, TimeProvider? time = null) =>
    [
        new ReadabilityContentCheck(),
        new PrintAccessibilityCheck(renderer, PrintAccessibilityCheck.DefaultPrintOnly, time),
    ];

    /// <summary>The latest result for every loaded leaflet, by id; starts the checks of this snapshot if not yet started.</summary>
    public IReadOnlyDictionary<string, LeafletCheckResult> Of(CatalogSnapshot snapshot) => RunFor(snapshot).Results;

    /// <summary>Completes when every leaflet of the snapshot has been checked (or the service is stopping).</summary>
    public Task WhenCheckedAsync(CatalogSnapshot snapshot) => RunFor(snapshot).Completion;

    /// <summary>
    /// Stops a run between leaflets. The token source is cancelled but not disposed: a late caller (a request
    /// finishing during shutdown) may still read its token, and without timers or wait handles it holds nothing to free.
    /// </summary>
    public void Dispose() => _stopping.Cancel();

    private CheckRun RunFor(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // GetValue alone may call the factory twice under a race, and each call would start a run.
        lock (_starting)
        {
            return _runs.GetValue(snapshot, s => new CheckRun(this, s.Content, _stopping.Token));
        }
    }

    private LeafletCheckResult CheckOne(Leaflet leaflet)
    {
        var alone = new ContentLoadResult(ImmutableSortedDictionary.Create<string, Leaflet>(StringComparer.Ordinal).Add(leaflet.Id, leaflet), []);
        var problems = new List<ContentProblem>();
        foreach (var check in checks)
        {
            try
            {
                problems.AddRange(check.Check(alone));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "The {Check} check failed on leaflet {Id}", check.GetType().Name, leaflet.Id);
                var path = leaflet.Variants.Values.First().SourcePath;
                problems.Add(new ContentProblem(path, 1, "check-failed", $"the {check.GetType().Name} check could not finish: {error.Message}"));
            }
        }
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToImmutableArray();
        var warnings = problems.Where(p => p.Severity == ProblemSeverity.Warning).ToImmutableArray();
        return new LeafletCheckResult(leaflet.Id, errors.IsEmpty ? LeafletCheckStatus.Passed : LeafletCheckStatus.Failed, errors, warnings, time.GetUtcNow());
    }

    private void LogFinished(ICollection<LeafletCheckResult> results) =>
        logger.LogInformation("Checked {Count} leaflets: {Failed} failed", results.Count, results.Count(r => r.Status == LeafletCheckStatus.Failed));

    private sealed class CheckRun
    {
        private readonly ConcurrentDictionary<string, LeafletCheckResult> _results;

        public CheckRun(LeafletCheckResults owner, ContentLoadResult content, CancellationToken stopping)
        {
            _results = new(content.Leaflets.Keys.Select(id => KeyValuePair.Create(id, LeafletCheckResult.Pending(id))), StringComparer.Ordinal);
            // A background thread, one leaflet after another: rendering is CPU-bound and the service keeps answering meanwhile.
            Completion = Task.Run(() =>
            {
                foreach (var leaflet in content.Leaflets.Values)
                {
                    if (stopping.IsCancellationRequested)
                    {
                        return;
                    }
                    _results[leaflet.Id] = owner.CheckOne(leaflet);
                }
                owner.LogFinished(_results.Values);
            }, CancellationToken.None);
        }

        public Task Completion { get; }

        public IReadOnlyDictionary<string, LeafletCheckResult> Results => _results;
    }
}
