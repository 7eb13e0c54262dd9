using System.Collections.Immutable;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Loading;

/// <summary>
/// What a load produced: the valid leaflets by id, every problem found (errors and warnings), and the strings the
/// leaflets are shown with (the content root's strings files over the service's own).
/// </summary>
public sealed record ContentLoadResult(ImmutableSortedDictionary<string, Leaflet> Leaflets, ImmutableArray<ContentProblem> Problems)
{
    public StringsLibrary Strings { get; init; } = StringsLibrary.Embedded;

    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
