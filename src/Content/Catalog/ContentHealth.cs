using System.Collections.Immutable;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;

namespace Leaflets.Content.Catalog;

/// <summary>A leaflet left out of the catalog, with the errors that kept it out.</summary>
public sealed record RejectedLeaflet(string Id, ImmutableArray<ContentProblem> Errors);

/// <summary>
/// The content report behind /api/health: what loaded and what was left out. Healthy means at least one
/// leaflet loaded and no error anywhere, so a single broken file shows as "degraded" while the rest is served.
/// </summary>
public sealed record ContentHealth(ImmutableArray<Leaflet> Loaded, ImmutableArray<RejectedLeaflet> Rejected, DateTimeOffset LoadedAt)
{
    public bool IsHealthy => !Loaded.IsEmpty && Rejected.IsEmpty;

    public static ContentHealth Of(CatalogSnapshot snapshot)
    {
        var loaded = snapshot.Content.Leaflets.Values.ToImmutableArray();
        var rejected = snapshot.Content.Problems
            .Where(problem => problem.Severity == ProblemSeverity.Error)
            .GroupBy(problem => LeafletIdOf(problem.Path), StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new RejectedLeaflet(group.Key, [.. group]))
            .ToImmutableArray();
        return new ContentHealth(loaded, rejected, snapshot.LoadedAt);
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
