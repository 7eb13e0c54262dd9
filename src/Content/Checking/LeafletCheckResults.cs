using System.Collections.Immutable;
using System.Collections.Concurrent;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Readability;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.Logging;
using Leaflets.Content.Text;

namespace Leaflets.Content.Checking;

public enum LeafletCheckStatus
{
    Pending,
    Passed,
    Failed,
    /// <summary>
    /// Served from a compiled snapshot that holds no gate result for it: an instance does not render a whole library in
    /// the background to find out (issue 12), so it says which command does.
    /// </summary>
    Unchecked,
}

/// <summary>The outcome of the checks of one leaflet's content; <see cref="CheckedAt"/> is null while pending or unchecked.</summary>
public sealed record LeafletCheckResult(
    string LeafletId,
    LeafletCheckStatus Status,
    ImmutableArray<ContentProblem> Errors,
    ImmutableArray<ContentProblem> Warnings,
    DateTimeOffset? CheckedAt)
{
    public static LeafletCheckResult Pending(string leafletId) => new(leafletId, LeafletCheckStatus.Pending, [], [], null);

    /// <summary>What health says of a leaflet whose status is <see cref="LeafletCheckStatus.Unchecked"/>.</summary>
    public const string UncheckedMessage =
        "Served from a compiled snapshot without a check result for this content; the instance does not check it. " +
        "Run 'leaflets check --save-results' (files mode) or 'leaflets publish' to check it and write a snapshot that carries the result.";

    public static LeafletCheckResult Unchecked(string leafletId) => new(leafletId, LeafletCheckStatus.Unchecked, [], [], null);

    /// <summary>Failed when any finding is an error, else passed; errors and warnings apart, each in the order found.</summary>
    public static LeafletCheckResult Of(string leafletId, IEnumerable<ContentProblem> problems, DateTimeOffset checkedAt)
    {
        var all = problems.ToList();
        var errors = all.Where(p => p.Severity == ProblemSeverity.Error).ToImmutableArray();
        var warnings = all.Where(p => p.Severity == ProblemSeverity.Warning).ToImmutableArray();
        return new LeafletCheckResult(leafletId, errors.IsEmpty ? LeafletCheckStatus.Passed : LeafletCheckStatus.Failed, errors, warnings, checkedAt);
    }
}

/// <summary>
/// The check result a serving instance shows for each leaflet. They come first from the publish gate's stored results
/// (<see cref="ICheckResultStore"/>, read once per new snapshot), keyed by content (<see cref="CheckResultSet.KeyOf"/>), so an
/// instance serving published content renders nothing to show them. Only a leaflet whose content the store has no
/// result for (files mode without saved results, or content changed since) is checked here: in the background, one
/// leaflet at a time, never ahead of a request. A leaflet whose content is as the compiled snapshot the catalog served
/// recorded it (<see cref="CatalogSnapshot.LastCompiled"/>), with no result, is not: it shows <see cref="LeafletCheckStatus.Unchecked"/>, as rendering every
/// leaflet of a snapshot written without results (`leaflets snapshot`) kept a core busy for an hour at 10,000 leaflets;
/// the gate (`check --save-results`, `publish`) is where a library is checked. A result is kept by content key, so a new snapshot checks only what
/// changed, and a refresh that changed nothing keeps the very same snapshot and all its results. A run for a newer
/// snapshot (by <see cref="CatalogSnapshot.Generation"/>) cancels the one it supersedes between two leaflets and starts
/// when that one has stopped, so runs never pile up.
/// </summary>
public sealed class LeafletCheckResults(
    IReadOnlyList<IContentCheck> checks, TimeProvider time, ILogger<LeafletCheckResults> logger, ICheckResultStore? store = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, LeafletCheckResult> _results = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _starting = new();
    private CheckRun? _latest;
    private int _checked;
    private long _version;
    private volatile CachedSummary? _summary;

    /// <summary>Leaflets this instance checked itself (rendered), as opposed to results read from the store.</summary>
    public int Checked => Volatile.Read(ref _checked);

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
    public IReadOnlyDictionary<string, LeafletCheckResult> ResultsFor(CatalogSnapshot snapshot) => SummaryFor(snapshot).Results;

    /// <summary>
    /// The results so far for the snapshot with their totals; starts nothing. Made again only when the snapshot or a
    /// result changed since the last call (<see cref="_version"/>), so a health request at 10,000 leaflets walks none of
    /// them. A result recorded while it is made moves the version again, and the next call makes it anew.
    /// </summary>
    public LeafletCheckSummary SummaryFor(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var version = Volatile.Read(ref _version);
        if (_summary is { } cached && ReferenceEquals(cached.Snapshot, snapshot) && cached.Version == version)
        {
            return cached.Summary;
        }
        var summary = LeafletCheckSummary.Of(snapshot.Content.Leaflets.Values,
            leaflet => _results.TryGetValue(CheckResultSet.KeyOf(leaflet), out var result) ? result : null);
        _summary = new CachedSummary(snapshot, version, summary);
        return summary;
    }

    /// <summary>Records a result (or forgets one, when null) and moves the version the summaries are made at.</summary>
    private void Record(string key, LeafletCheckResult? result)
    {
        if (result is null)
        {
            _results.TryRemove(key, out _);
        }
        else
        {
            _results[key] = result;
        }
        Interlocked.Increment(ref _version);
    }

    /// <summary>
    /// Takes the stored results for this snapshot's leaflets (a store that fails is logged, and its leaflets checked
    /// here), and forgets results for content no longer in the snapshot, so memory follows the library, not its history.
    /// </summary>
    private void TakeStoredResults(CatalogSnapshot snapshot, CancellationToken cancellationToken)
    {
        var current = snapshot.Content.Leaflets.Values.Select(CheckResultSet.KeyOf).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _results.Keys.Where(key => !current.Contains(key)))
        {
            Record(stale, null);
        }
        // A compiled snapshot carries the gate's results it was written with: no read of the store for them.
        foreach (var (key, result) in snapshot.Compiled?.Checks?.Results ?? CheckResultSet.Empty.Results)
        {
            if (current.Contains(key))
            {
                Record(key, result);
            }
        }
        if (store is null)
        {
            return;
        }
        try
        {
            var stored = store.ReadAsync(cancellationToken).GetAwaiter().GetResult();
            foreach (var (key, result) in stored?.Results ?? CheckResultSet.Empty.Results)
            {
                // The publish gate's result wins over one of ours: it checked every print, ours the default one.
                if (current.Contains(key))
                {
                    Record(key, result);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The service is stopping; the run ends before its next leaflet.
        }
        catch (Exception error)
        {
            logger.LogError(error, "The stored check results could not be read; leaflets without a result are checked here instead");
        }
    }

    /// <summary>
    /// Content served as the compiled snapshot recorded it, with no result from the gate, is said to be unchecked, not
    /// rendered here; all of it at once, before any leaflet is checked, so a run superseded half-way leaves none of it to
    /// the next run (whose snapshot, loaded from the Markdown later, may no longer name the compiled one).
    /// </summary>
    private void MarkUnchecked(CatalogSnapshot snapshot)
    {
        if (snapshot.LastCompiled is not { } compiled)
        {
            return;
        }
        var recorded = compiled.Leaflets.Values.Select(leaflet => CheckResultSet.KeyOf(leaflet.Shell)).ToHashSet(StringComparer.Ordinal);
        foreach (var leaflet in snapshot.Content.Leaflets.Values)
        {
            var key = CheckResultSet.KeyOf(leaflet);
            if (recorded.Contains(key))
            {
                if (_results.TryAdd(key, LeafletCheckResult.Unchecked(leaflet.Id)))
                {
                    Interlocked.Increment(ref _version);
                }
            }
        }
    }

    /// <summary>
    /// Stops a run between leaflets. The token source is cancelled but not disposed: a late caller (a request
    /// finishing during shutdown) may still read its token, and without timers or wait handles it holds nothing to free.
    /// </summary>
    public void Dispose() => _stopping.Cancel();

    private LeafletCheckResult CheckOne(Leaflet leaflet, StringsLibrary strings)
    {
        var problems = ContentCheck.CheckLeaflet(checks, leaflet, strings, (check, error) =>
            logger.LogError(error, "The {Check} check failed on leaflet {Id}", check.GetType().Name, leaflet.Id));
        Interlocked.Increment(ref _checked);
        return LeafletCheckResult.Of(leaflet.Id, problems, time.GetUtcNow());
    }

    /// <summary>The leaflet with its bodies (a compiled snapshot's are read now), or null when its files changed since.</summary>
    private Leaflet? InFull(CatalogSnapshot snapshot, Leaflet leaflet)
    {
        try
        {
            return snapshot.LoadInFull(leaflet);
        }
        catch (ContentNotLoadedException changed)
        {
            logger.LogWarning("Leaflet {Id} is not checked now: {Reason}", leaflet.Id, changed.Message);
            return null;
        }
    }

    private void LogFinished(int count, int failed) => logger.LogInformation("Checked {Count} leaflets: {Failed} failed", count, failed);

    private sealed record CachedSummary(CatalogSnapshot Snapshot, long Version, LeafletCheckSummary Summary);

    private sealed class CheckRun
    {
        private readonly CancellationTokenSource _superseded = new();

        public CheckRun(LeafletCheckResults owner, CatalogSnapshot snapshot, Task previous)
        {
            Snapshot = snapshot;
            // Not linked to the stopping token: a linked source would stay registered there for the life of the service.
            var superseded = _superseded.Token;
            var stopping = owner._stopping.Token;
            // A thread of its own (LongRunning), one leaflet after another: rendering is CPU-bound, and a pool thread held
            // for minutes would be one fewer for requests. The stored results are read on it too, so start-up never waits on them.
            Completion = previous.ContinueWith(previousRun =>
            {
                if (superseded.IsCancellationRequested || stopping.IsCancellationRequested)
                {
                    return;
                }
                owner.TakeStoredResults(snapshot, stopping);
                owner.MarkUnchecked(snapshot);
                var toCheck = snapshot.Content.Leaflets.Values
                    .Select(leaflet => (Leaflet: leaflet, Key: CheckResultSet.KeyOf(leaflet)))
                    .Where(each => !owner._results.ContainsKey(each.Key)).ToList();
                var failed = 0;
                var rendered = 0;
                foreach (var (leaflet, key) in toCheck)
                {
                    if (superseded.IsCancellationRequested || stopping.IsCancellationRequested)
                    {
                        return;
                    }
                    if (owner.InFull(snapshot, leaflet) is not { } full)
                    {
                        continue; // changed since its compiled snapshot: the catalog reloads, and the new snapshot's run checks it
                    }
                    var result = owner.CheckOne(full, snapshot.Content.Strings);
                    owner.Record(key, result);
                    failed += result.Status == LeafletCheckStatus.Failed ? 1 : 0;
                    rendered++;
                }
                if (rendered > 0)
                {
                    owner.LogFinished(rendered, failed);
                }
            }, CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default);
        }

        public CatalogSnapshot Snapshot { get; }

        public Task Completion { get; }

        /// <summary>A newer snapshot's run takes over; this one stops before its next leaflet.</summary>
        public void Supersede() => _superseded.Cancel();
    }
}
