using System.Collections.Immutable;
using System.Xml.Linq;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Search;
using Leaflets.Content.Text;
using Leaflets.Content.Tests.Html;

namespace Leaflets.Content.Tests.Site;

/// <summary>The home page, the search page and the topic page: what they list, how they count it, and their paging.</summary>
public sealed class SiteListsTests
{
    private static readonly ImmutableArray<Leaflet> Many =
        [.. Enumerable.Range(1, 30).Select(i => SitePageSamples.Titled($"leaflet-{i:00}", $"Leaflet number {31 - i:00}"))];

    private static XDocument Home(ImmutableArray<Leaflet> leaflets, int page = 1)
        => HtmlPage.Parse(HomePage.Render(Topics.Of(leaflets), SitePageSamples.Search(leaflets, null, page), SitePageSamples.Relative(0), SiteLanguage.Only(StringsLibrary.Embedded, "en")));

    private static XDocument SearchFor(string words, ImmutableArray<Leaflet>? leaflets = null, int page = 1)
        => HtmlPage.Parse(SearchResultsPage.Render(
            SitePageSamples.Search(leaflets ?? SitePageSamples.Catalog, words, page), SitePageSamples.Relative(0), TestDocuments.Today, SiteLanguage.Only(StringsLibrary.Embedded, "en")));

    private static XElement Results(XDocument page) => page.All("ol").Single(ol => ol.Attr("class") == "results");

    [Fact]
    public void One_result_is_counted_in_a_status_and_at_the_start_of_the_title()
    {
        var page = SearchFor("strengthening bones");
        var count = page.All("p").Single(p => p.Attr("id") == "result-count");
        Assert.Equal("status", count.Attr("role"));
        Assert.Equal("1 leaflet found for “strengthening bones”", count.Value);
        Assert.StartsWith("1 leaflet found for “strengthening bones” – ", page.All("title").Single().Value, StringComparison.Ordinal);
        Assert.Equal("strengthening bones", page.All("input").Single().Attr("value"));
    }

    [Fact]
    public void The_words_searched_for_are_shown_as_words_never_as_markup()
    {
        var page = SearchFor("\"><script>alert(1)</script>");
        Assert.Empty(page.All("script"));
        Assert.Equal("\"><script>alert(1)</script>", page.All("input").Single().Attr("value"));
        Assert.Contains("<script>", page.All("p").Single(p => p.Attr("id") == "result-count").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_results_are_counted_in_the_plural()
    {
        var page = SearchFor("leaflet", Many);
        Assert.Equal("30 leaflets found for “leaflet”", page.All("p").Single(p => p.Attr("id") == "result-count").Value);
    }

    [Fact]
    public void Each_result_links_its_title_to_the_leaflet_page_with_its_summary_versions_language_and_review_status()
    {
        var item = Assert.Single(Results(SearchFor("strengthening")).Elements("li"));
        var link = item.Element("h2")!.Element("a")!;
        Assert.Equal(("Strengthening painful bones", "leaflets/cementoplasty"), (link.Value, link.Attr("href")));
        Assert.StartsWith("How doctors use bone cement", item.Element("p")!.Value, StringComparison.Ordinal);
        Assert.Equal(
            ["Available as: Standard, Easy read", "In English, Welsh", "This leaflet is overdue for review."],
            item.Descendants("ul").Single().Elements("li").Select(li => li.Value));
    }

    [Fact]
    public void Each_result_shows_the_words_found_in_its_text_marked()
    {
        var item = Assert.Single(Results(SearchFor("sedative", [SitePageSamples.Catalog[0]])).Elements("li"));
        var snippet = item.Elements("p").Single(p => p.Attr("class") == LeafletList.SnippetClass);
        Assert.Equal("You have a sedative or a general anaesthetic.", snippet.Value);
        Assert.Equal(["sedative"], snippet.Elements("mark").Select(mark => mark.Value));
        Assert.Null(snippet.Attr("lang"));
    }

    [Fact]
    public void Words_found_in_the_summary_are_marked_there_not_repeated()
    {
        var leaflet = SitePageSamples.Titled("wristband", "Your hospital wristband", ["general"]);
        var item = Assert.Single(Results(SearchFor("expect", [leaflet])).Elements("li"));
        var paragraphs = item.Elements("p").ToList();
        Assert.Equal(["What to expect: Your hospital wristband."], paragraphs.Select(p => p.Value));
        Assert.Equal(["expect"], paragraphs.Single().Elements("mark").Select(mark => mark.Value));
    }

    [Fact]
    public void No_results_says_so_plainly_and_suggests_what_to_try()
    {
        var page = SearchFor("zebra");
        Assert.Equal("No leaflets found for “zebra”", page.All("p").Single(p => p.Attr("id") == "result-count").Value);
        Assert.Empty(page.All("ol"));
        var advice = page.All("ul").Single(ul => ul.Attr("class") == "advice").Elements("li").ToList();
        Assert.Contains(advice, li => li.Value.StartsWith("Use fewer words", StringComparison.Ordinal));
        Assert.Contains(advice, li => li.Value.StartsWith("Check the spelling", StringComparison.Ordinal));
        Assert.Equal(["./#topics", "./#a-to-z"], advice.Descendants("a").Select(a => a.Attr("href")));
    }

    [Fact]
    public void An_empty_search_shows_the_form_and_the_way_to_every_leaflet_not_an_error()
    {
        var page = HtmlPage.Parse(SearchResultsPage.RenderEmpty(SitePageSamples.Relative(0), SiteLanguage.Only(StringsLibrary.Embedded, "en")));
        Assert.Equal("Search for a leaflet", page.All("h1").Single().Value);
        Assert.Contains(page.All("main").Single().Descendants("a"), a => a.Attr("href") == "./#a-to-z");
        Assert.Single(page.All("form"));
    }

    [Fact]
    public void The_a_to_z_is_in_title_order_25_to_a_page_with_next_and_previous_links()
    {
        var first = Home(Many);
        var titles = Results(first).Descendants("a").Select(a => a.Value).ToList();
        Assert.Equal(25, titles.Count);
        Assert.Equal("Leaflet number 01", titles[0]);
        Assert.Equal(titles.Order(StringComparer.Ordinal), titles);
        var paging = first.All("nav").Single(nav => nav.Attr("class") == "paging");
        Assert.Equal("Pages", paging.Attr("aria-label"));
        Assert.Equal("Page 1 of 2", paging.Element("p")!.Value);
        var next = Assert.Single(paging.Descendants("a"));
        Assert.Equal(("next", "./?page=2", "Next page"), (next.Attr("rel"), next.Attr("href"), next.Value));

        var second = Home(Many, page: 2);
        Assert.Equal(5, Results(second).Elements("li").Count());
        var previous = Assert.Single(second.All("nav").Single(nav => nav.Attr("class") == "paging").Descendants("a"));
        Assert.Equal(("prev", "./", "Previous page"), (previous.Attr("rel"), previous.Attr("href"), previous.Value));
    }

    [Fact]
    public void Each_page_of_a_list_has_its_own_title()
    {
        Assert.Equal("Find a leaflet – Patient information leaflets", Home(Many).All("title").Single().Value);
        Assert.Equal("Find a leaflet, Page 2 of 2 – Patient information leaflets", Home(Many, page: 2).All("title").Single().Value);
        Assert.StartsWith("30 leaflets found for “leaflet number”, Page 2 of 2 – ", SearchFor("leaflet number", Many, page: 2).All("title").Single().Value);
    }

    [Fact]
    public void Search_results_page_with_the_same_words()
    {
        var paging = SearchFor("leaflet number", Many, page: 2).All("nav").Single(nav => nav.Attr("class") == "paging");
        Assert.Equal("Page 2 of 2", paging.Element("p")!.Value);
        Assert.Equal("search?q=leaflet%20number", paging.Descendants("a").Single().Attr("href"));
    }

    [Fact]
    public void One_page_of_results_has_no_paging()
        => Assert.DoesNotContain(Home(SitePageSamples.Catalog).All("nav"), nav => nav.Attr("class") == "paging");

    [Fact]
    public void The_home_page_lists_every_topic_with_its_leaflet_count_and_link()
    {
        var home = Home(SitePageSamples.Catalog);
        Assert.Equal("Browse by topic", home.All("h2").Single(h => h.Attr("id") == "topics").Value);
        var topics = home.All("ul").Single(ul => ul.Attr("class") == "topics").Descendants("a")
            .Select(a => (a.Value, a.Attr("href"))).ToList();
        Assert.Equal(
            [("Blood tests (1 leaflet)", "topics/blood-tests"), ("Pain relief (2 leaflets)", "topics/pain-relief"),
             ("Secondary bone cancer (1 leaflet)", "topics/secondary-bone-cancer")],
            topics);
    }

    [Fact]
    public void The_home_page_has_one_h1_then_topics_and_a_to_z_as_h2_and_leaflets_as_h3()
    {
        var home = Home(SitePageSamples.Catalog);
        Assert.Equal(["Browse by topic", "Leaflets A to Z"], home.All("h2").Select(h => h.Value));
        Assert.Equal(["Giving a blood sample", "Strengthening painful bones"], home.All("h3").Select(h => h.Value));
    }

    [Fact]
    public void A_topic_page_names_the_topic_counts_its_leaflets_and_lists_them_by_title()
    {
        var topic = Topics.Of(SitePageSamples.Catalog).Single(t => t.Slug == "pain-relief");
        var page = HtmlPage.Parse(TopicPage.Render(topic, SitePageSamples.Search(topic.Leaflets, null), SitePageSamples.Relative(1), TestDocuments.Today, SiteLanguage.Only(StringsLibrary.Embedded, "en")));
        Assert.Equal("Leaflets about pain relief", page.All("h1").Single().Value);
        Assert.Contains(page.All("p"), p => p.Value == "2 leaflets");
        Assert.Equal(["../leaflets/blood-test", "../leaflets/cementoplasty"], Results(page).Descendants("h2").Select(h => h.Element("a")!.Attr("href")));
    }
}
