using System.Collections.Immutable;
using Leaflets.Content.Loading;

namespace Leaflets.Storage.Publishing;

/// <summary>
/// What a publish did. <see cref="Check"/> is the result of checking the local content; when it has errors
/// <see cref="Refused"/> is true and nothing was uploaded or deleted. Paths are content paths (<c>leaflets/&lt;id&gt;/...</c>).
/// </summary>
public sealed record PublishSummary(
    ContentLoadResult Check,
    ImmutableArray<string> Uploaded,
    ImmutableArray<string> Unchanged,
    ImmutableArray<string> Deleted)
{
    public bool Refused => Check.HasErrors;

    internal static PublishSummary RefusedBecauseOf(ContentLoadResult check) => new(check, [], [], []);
}
