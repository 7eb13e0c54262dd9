using System.Collections.Immutable;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Search;
using Leaflets.Content.Tests.Search;
using Leaflets.Content.Text;

namespace Leaflets.Content.Tests.Site;

/// <summary>Site pages rendered from the test leaflets, with links relative to each page or under a configured root.</summary>
internal static class SitePageSamples
{
    public const string Origin = "http://localhost:7071";

    public const string ConfiguredRoot = "https://leaflets.example.org/library";

    public static SiteUrls Relative(int depth) => new(new SiteOptions(), Origin, depth);

    public static SiteUrls UnderRoot(int depth) => new(new SiteOptions { PublicBaseUrl = ConfiguredRoot + "/" }, Origin, depth);

    /// <summary>The rich test leaflet with a Welsh translation of its plain variant, and one with a plain variant only.</summary>
    public static ImmutableArray<Leaflet> Catalog { get; } =
    [
        WithWelshPlain(TestDocuments.Leaflet()),
        Titled("blood-test", "Giving a blood sample", ["blood tests", "Pain relief"]),
    ];

    /// <summary>The title and summary the Welsh test translation has (test words, not a leaflet's).</summary>
    public const string WelshTitle = "Teitl prawf yn Gymraeg";

    /// <summary>
    /// The leaflet with a Welsh translation of the given variants (plain only unless told): each the variant's text
    /// under a Welsh title (test words, not a translation).
    /// </summary>
    public static Leaflet WithWelshPlain(Leaflet leaflet, params LeafletVariant[] variants)
    {
        var welsh = ImmutableSortedDictionary.CreateBuilder<LeafletVariant, LeafletDocument>();
        foreach (var variant in variants.Length == 0 ? [LeafletVariant.Plain] : variants)
        {
            var main = leaflet.Document(variant);
            welsh.Add(variant, main with
            {
                Metadata = main.Metadata with { Title = variant == LeafletVariant.Plain ? WelshTitle : WelshTitle + " (hawdd ei ddeall)", Summary = "Crynodeb prawf.", Language = "cy" },
                ContentHash = main.ContentHash + "-cy",
                SourcePath = main.SourcePath.Replace(".md", ".cy.md", StringComparison.Ordinal),
            });
        }
        return leaflet with { Translations = leaflet.Translations.SetItem("cy", welsh.ToImmutable()) };
    }

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

    /// <summary>With no words, a list in title order (the A to Z, a topic); with words, a search ranked as the site ranks it.</summary>
    public static SearchPage Search(IEnumerable<Leaflet> leaflets, string? words, int page = 1)
    {
        var query = LeafletQuery.Default with { Page = page };
        if (words is null)
        {
            return LeafletSearch.List(leaflets, query, LeafletSearch.ByTitle);
        }
        using var index = LuceneLeafletIndex.Build(leaflets);
        return index.SearchNow(query with { Words = [.. words.Split(' ')] });
    }

    /// <summary>A site page in <paramref name="language"/> that offers itself in every language of <paramref name="strings"/>, as the routes make it.</summary>
    public static SiteLanguage InEvery(string language, SiteUrls urls, Func<SiteUrls, string> pageIn, StringsLibrary? strings = null)
    {
        strings ??= StringsLibrary.Embedded;
        return new SiteLanguage(strings, language)
        {
            Versions = [.. strings.Languages.Select(tag => (tag, pageIn(urls.NamingLanguage(tag))))],
            Choosing = pageIn(urls.InLanguage(SiteUrls.DefaultLanguage)),
        };
    }

    /// <summary>
    /// One page of every kind, by name, each as it would be served at a path of its own depth, in
    /// <paramref name="language"/> (a site language; the leaflet pages in the language where the leaflet has it).
    /// </summary>
    public static IEnumerable<(string Kind, string Html)> EveryKind(Func<int, SiteUrls> urls, string language = "en")
    {
        var strings = SiteLanguage.Only(StringsLibrary.Embedded, language);
        var topic = Topics.Of(Catalog).First();
        string? Shown(LeafletVariant variant) => Catalog[0].Find(variant, language)?.Metadata.Language;
        yield return ("home", HomePage.Render(Topics.Of(Catalog), Search(Catalog, null), urls(0), InEvery(language, urls(0), links => links.Home)));
        yield return ("search", SearchResultsPage.Render(Search(Catalog, "bone"), urls(0), TestDocuments.Today, InEvery(language, urls(0), links => links.Search("bone"))));
        yield return ("search with no results", SearchResultsPage.Render(Search(Catalog, "zebra"), urls(0), TestDocuments.Today, strings));
        yield return ("empty search", SearchResultsPage.RenderEmpty(urls(0), InEvery(language, urls(0), links => links.Search(""))));
        yield return ("topic", TopicPage.Render(topic, Search(topic.Leaflets, null), urls(1), TestDocuments.Today, InEvery(language, urls(1), links => links.Topic(topic.Slug))));
        yield return ("leaflet", LeafletPage.Render(Catalog[0], LeafletVariant.Plain, urls(1), TestDocuments.Today, Shown(LeafletVariant.Plain)));
        yield return ("leaflet easy read", LeafletPage.Render(Catalog[0], LeafletVariant.EasyRead, urls(1), TestDocuments.Today, Shown(LeafletVariant.EasyRead)));
        yield return ("not found", NotFoundPage.Render(urls(2), strings));
        yield return ("bad request", BadRequestPage.Render(urls(0), strings));
    }
}
