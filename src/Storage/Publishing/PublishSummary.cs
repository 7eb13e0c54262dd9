using System.Collections.Immutable;
using Leaflets.Content.Checking;

namespace Leaflets.Storage.Publishing;

/// <summary>
/// What a publish did. <see cref="Check"/> is the publish gate's report on the local content; when it has errors
/// <see cref="Refused"/> is true and nothing was uploaded or deleted. Paths are content paths (<c>leaflets/&lt;id&gt;/...</c>).
/// </summary>
public sealed record PublishSummary(
    ContentCheckReport Check,
    ImmutableArray<string> Uploaded,
    ImmutableArray<string> Unchanged,
    ImmutableArray<string> Deleted)
{
    public bool Refused => !Check.Passed;

    internal static PublishSummary RefusedBecauseOf(ContentCheckReport check) => new(check, [], [], []);
}
