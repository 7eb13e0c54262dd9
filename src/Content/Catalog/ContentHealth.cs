using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;

namespace Leaflets.Content.Catalog;

/// <summary>A leaflet left out of the catalog, with the errors that kept it out.</summary>
public sealed record RejectedLeaflet(string Id, ImmutableArray<ContentProblem> Errors);

/// <summary>
/// The content report behind /api/health: what loaded and what was left out. Healthy means at least one
/// leaflet loaded, no error anywhere and the source read at the last attempt, so a single broken file (or a
/// source that cannot be read) shows as "degraded" while the rest is served.
/// <see cref="ServingLastGood"/> names the loaded leaflets that are an older version, kept on because the
/// newest one failed validation. <see cref="LoadedAt"/> is the last successful read of the source and
/// <see cref="LastFailure"/> the failed attempt since, if the latest attempt failed.
/// </summary>
public sealed record ContentHealth(ImmutableArray<Leaflet> Loaded, ImmutableArray<RejectedLeaflet> Rejected, DateTimeOffset LoadedAt)
{
    public ImmutableSortedSet<string> ServingLastGood { get; init; } = ImmutableSortedSet<string>.Empty;

    public SourceFailure? LastFailure { get; init; }

    /// <summary>
    /// Serving a last good version counts on its own: the loader reports why the newest version failed, but
    /// an old version on the shelf is a problem to see even if that report were ever missing.
    /// </summary>
    private bool ContentIsHealthy => !Loaded.IsEmpty && Rejected.IsEmpty && ServingLastGood.IsEmpty && LastFailure is null;

    /// <summary>
    /// Healthy content whose loaded leaflets have no failed load-time check. A check still pending (or not run, or
    /// unchecked) is not a failure: a fresh start or reload must not flap to degraded while the background run catches up.
    /// </summary>
    public bool IsHealthyGiven(LeafletCheckSummary checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return ContentIsHealthy && checks.Failed.IsEmpty;
    }

    /// <summary>
    /// The report of <paramref name="state"/>: its leaflets and what was left out are those of its snapshot's content,
    /// made once per content (<see cref="LoadedAndRejected"/>); what the source last said is the state's own.
    /// </summary>
    public static ContentHealth Of(CatalogState state)
    {
        var snapshot = state.Snapshot;
        var (loaded, rejected) = LoadedAndRejected.Of(snapshot.Content);
        return new ContentHealth(loaded, rejected, state.LoadedAt) { ServingLastGood = snapshot.ServingLastGood, LastFailure = state.LastFailure };
    }

    /// <summary>
    /// A content's leaflets in id order and its rejected leaflets, made by the first health request that sees the content
    /// and kept beside it (gone with it, as <see cref="Search.LeafletViews"/> are): copied out of the sorted dictionary on
    /// every request, the 10,000 leaflets of a large library were most of what the health route cost (bench/README, "Scale").
    /// </summary>
    private sealed record LoadedAndRejected(ImmutableArray<Leaflet> Loaded, ImmutableArray<RejectedLeaflet> Rejected)
    {
        private static readonly ConditionalWeakTable<ContentLoadResult, LoadedAndRejected> Made = new();

        public static LoadedAndRejected Of(ContentLoadResult content) => Made.GetValue(content, static made => new LoadedAndRejected(
            made.Leaflets.Values.ToImmutableArray(),
            made.Problems
                .Where(problem => problem.Severity == ProblemSeverity.Error)
                .GroupBy(problem => LeafletIdOf(problem.Path), StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => new RejectedLeaflet(group.Key, [.. group]))
                .ToImmutableArray()));
    }

    /// <summary>
    /// The folder name after "leaflets/" in a problem's path; a problem outside any leaflet folder
    /// (for example a stray file) is reported under its own path so that it is still seen.
    /// </summary>
    public static string LeafletIdOf(string path)
    {
        var segments = path.Replace('\\', '/').Split('/');
        var index = Array.LastIndexOf(segments, "leaflets");
        return index >= 0 && index + 2 < segments.Length ? segments[index + 1] : path;
    }
}
