using System.Collections.Immutable;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Search;

namespace Leaflets.Content.Tests.Site;

/// <summary>Site pages rendered from the test leaflets, with links relative to each page or under a configured root.</summary>
internal static class SitePageSamples
{
    public const string Origin = "http://localhost:7071";

    public const string ConfiguredRoot = "https://leaflets.example.org/library";

    public static SiteUrls Relative(int depth) => new(new SiteOptions(), Origin, depth);

    public static SiteUrls UnderRoot(int depth) => new(new SiteOptions { PublicBaseUrl = ConfiguredRoot + "/" }, Origin, depth);

    /// <summary>The rich test leaflet, and one with a plain variant only.</summary>
    public static ImmutableArray<Leaflet> Catalog { get; } =
    [
        TestDocuments.Leaflet(),
        Titled("blood-test", "Giving a blood sample", ["blood tests", "Pain relief"]),
    ];

    /// <summary>A plain-only leaflet with its own id, title and topics.</summary>
    public static Leaflet Titled(string id, string title, ImmutableArray<string>? topics = null)
    {
        var metadata = TestDocuments.Metadata(title) with { Summary = $"What to expect: {title}.", Topics = topics ?? ["general"] };
        var leaflet = TestDocuments.Leaflet(plainMetadata: metadata, withEasyRead: false);
        return leaflet with
        {
            Id = id,
            Variants = leaflet.Variants.SetItem(LeafletVariant.Plain, leaflet.Plain with { LeafletId = id }),
        };
    }

    public static SearchPage Search(IEnumerable<Leaflet> leaflets, string? words, int page = 1)
        => LeafletSearch.Search(leaflets, LeafletQuery.Default with { Words = words is null ? [] : [.. words.Split(' ')], Page = page }, LeafletSearch.ByTitle);

    /// <summary>One page of every kind, by name, each as it would be served at a path of its own depth.</summary>
    public static IEnumerable<(string Kind, string Html)> EveryKind(Func<int, SiteUrls> urls)
    {
        var topic = Topics.Of(Catalog).First();
        yield return ("home", HomePage.Render(Topics.Of(Catalog), Search(Catalog, null), urls(0)));
        yield return ("search", SearchResultsPage.Render(Search(Catalog, "bone"), urls(0), TestDocuments.Today));
        yield return ("search with no results", SearchResultsPage.Render(Search(Catalog, "zebra"), urls(0), TestDocuments.Today));
        yield return ("empty search", SearchResultsPage.RenderEmpty(urls(0)));
        yield return ("topic", TopicPage.Render(topic, Search(topic.Leaflets, null), urls(1), TestDocuments.Today));
        yield return ("leaflet", LeafletPage.Render(Catalog[0], LeafletVariant.Plain, urls(1), TestDocuments.Today));
        yield return ("leaflet easy read", LeafletPage.Render(Catalog[0], LeafletVariant.EasyRead, urls(1), TestDocuments.Today));
        yield return ("not found", NotFoundPage.Render(urls(2)));
        yield return ("bad request", BadRequestPage.Render(urls(0)));
    }
}
