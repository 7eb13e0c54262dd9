using System.Collections.Immutable;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Search;
using Leaflets.Content.Tests.Site;

namespace Leaflets.Content.Tests.Search;

/// <summary>The A to Z and the topics made once per load, and the pages cut from them.</summary>
public sealed class LeafletViewsTests
{
    private static readonly ImmutableArray<Leaflet> Many = [.. Enumerable.Range(1, 30).Select(i =>
        SitePageSamples.Titled($"leaflet-{i:00}", $"Leaflet number {31 - i:00}", i % 3 == 0 ? ["pain relief"] : ["imaging"]))];

    private static ContentLoadResult Load(IEnumerable<Leaflet> leaflets)
        => new(leaflets.ToImmutableSortedDictionary(leaflet => leaflet.Id, leaflet => leaflet, StringComparer.Ordinal), []);

    [Theory]
    [InlineData(1, 25)]
    [InlineData(2, 25)]
    [InlineData(3, 10)]
    [InlineData(4, 10)]
    [InlineData(9, 10)]
    public void Each_page_of_the_a_to_z_is_the_page_a_list_in_title_order_gives(int page, int pageSize)
    {
        var query = LeafletQuery.Default with { Page = page, PageSize = pageSize };
        var listed = LeafletSearch.List(Many, query, LeafletSearch.ByTitle);

        var cut = LeafletSearch.PageOf(LeafletViews.Of(Load(Many)).AToZ, query);

        Assert.Equal(listed.Items.Select(l => l.Id), cut.Items.Select(l => l.Id));
        Assert.Equal((listed.Total, listed.PageCount), (cut.Total, cut.PageCount));
    }

    [Fact]
    public void The_topics_are_those_of_the_load_found_by_slug_with_their_leaflets_in_title_order()
    {
        var views = LeafletViews.Of(Load(Many));

        Assert.Equal(Topics.Of(Many).Select(t => t.Slug), views.Topics.Select(t => t.Slug));
        Assert.True(views.TryGetTopic("pain-relief", out var topic));
        Assert.Equal(Many.Where((_, i) => (i + 1) % 3 == 0).Order(LeafletSearch.ByTitle).Select(l => l.Id), topic.Leaflets.Select(l => l.Id));
        Assert.False(views.TryGetTopic("Pain relief", out _));
    }

    [Fact]
    public void The_views_of_a_load_are_made_once_and_a_new_load_gets_its_own()
    {
        var load = Load(Many);
        var changed = Load(Many.Take(5));

        Assert.Same(LeafletViews.Of(load), LeafletViews.Of(load));
        Assert.Equal(5, LeafletViews.Of(changed).AToZ.Length);
        Assert.Equal(30, LeafletViews.Of(load).AToZ.Length);
    }

    [Fact]
    public void A_page_of_an_ordered_set_refuses_words_and_filters_it_could_not_apply()
    {
        Assert.Throws<ArgumentException>(() => LeafletSearch.PageOf(Many, LeafletQuery.Default with { Words = ["bone"] }));
        Assert.Throws<ArgumentException>(() => LeafletSearch.PageOf(Many, LeafletQuery.Default with { Topic = "imaging" }));
        Assert.Throws<ArgumentException>(() => LeafletSearch.PageOf(Many, LeafletQuery.Default with { Language = "cy" }));
    }
}
