using System.Collections.Frozen;
using System.Collections.Immutable;
using Leaflets.Content.Model;

namespace Leaflets.Content.Checking;

/// <summary>
/// The check result of every leaflet of a snapshot, by id, with the totals and the failing ids health shows: made once
/// per snapshot and change of results (<see cref="LeafletCheckResults.SummaryFor"/>) and shared by every health
/// request, as building it walks every leaflet (at 10,000 leaflets, 10,000 content keys hashed and looked up).
/// </summary>
public sealed class LeafletCheckSummary
{
    private readonly FrozenDictionary<LeafletCheckStatus, int> _counts;

    private LeafletCheckSummary(FrozenDictionary<string, LeafletCheckResult> results)
    {
        Results = results;
        _counts = results.Values.GroupBy(result => result.Status).ToFrozenDictionary(group => group.Key, group => group.Count());
        Failed = [.. results.Values.Where(result => result.Status == LeafletCheckStatus.Failed).Select(result => result.LeafletId).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every leaflet's result by id; one with none yet is pending.</summary>
    public IReadOnlyDictionary<string, LeafletCheckResult> Results { get; }

    /// <summary>The ids of the leaflets whose check failed, in id order.</summary>
    public ImmutableArray<string> Failed { get; }

    /// <summary>How many leaflets have this status.</summary>
    public int Count(LeafletCheckStatus status) => _counts.GetValueOrDefault(status);

    /// <summary>The result of one leaflet of the snapshot (pending when it has none yet).</summary>
    public LeafletCheckResult For(string leafletId) => Results.GetValueOrDefault(leafletId) ?? LeafletCheckResult.Pending(leafletId);

    /// <summary>The summary of these leaflets given their results by id: a leaflet without one is pending.</summary>
    public static LeafletCheckSummary Of(IEnumerable<Leaflet> leaflets, Func<Leaflet, LeafletCheckResult?> resultOf) =>
        new(leaflets.ToFrozenDictionary(leaflet => leaflet.Id, leaflet => resultOf(leaflet) ?? LeafletCheckResult.Pending(leaflet.Id), StringComparer.Ordinal));
}
