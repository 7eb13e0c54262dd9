using Leaflets.Content.Checking;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Readability;

/// <summary>The reading-level rules as a publish-gate check over every loaded leaflet, variant and translation.</summary>
public sealed class ReadabilityContentCheck : IContentCheck
{
    public IEnumerable<ContentProblem> Check(ContentLoadResult content)
        => content.Leaflets.Values
            .SelectMany(leaflet => leaflet.AllDocuments)
            .SelectMany(document => ReadabilityCheck.Check(document));
}
