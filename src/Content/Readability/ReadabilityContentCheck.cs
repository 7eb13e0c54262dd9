using Leaflets.Content.Checking;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Readability;

/// <summary>The reading-level rules as a publish-gate check over every loaded leaflet and variant.</summary>
public sealed class ReadabilityContentCheck : IContentCheck
{
    public IEnumerable<ContentProblem> Check(ContentLoadResult content)
        => content.Leaflets.Values
            .SelectMany(leaflet => leaflet.Variants.Values)
            .SelectMany(document => ReadabilityCheck.Check(document));
}
