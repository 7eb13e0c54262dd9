using Leaflets.Content.Loading;
using Leaflets.Content.Model;

namespace Leaflets.Content.Tests;

/// <summary>The leaflets in the repository's content/ folder, loaded once.</summary>
internal static class RealContent
{
    private static readonly Lazy<ContentLoadResult> Loaded = new(() =>
    {
        var source = new FileContentSource(RepositoryPaths.Content);
        return LeafletLoader.Load(source.DisplayRoot, source.ReadAllAsync(CancellationToken.None).GetAwaiter().GetResult());
    });

    /// <summary>Everything the loader made of content/, problems included, for tests that assert there are none.</summary>
    public static ContentLoadResult Load => Loaded.Value;

    public static Leaflet Get(string id) => Load.Leaflets[id];
}
