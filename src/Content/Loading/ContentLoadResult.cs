using System.Collections.Immutable;
using Leaflets.Content.Model;

namespace Leaflets.Content.Loading;

/// <summary>What a load produced: the valid leaflets by id, and every problem found (errors and warnings).</summary>
public sealed record ContentLoadResult(ImmutableSortedDictionary<string, Leaflet> Leaflets, ImmutableArray<ContentProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
