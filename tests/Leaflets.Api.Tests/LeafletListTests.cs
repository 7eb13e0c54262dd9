using System.Net;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

[Collection(ServerCollection.Name)]
public sealed class LeafletListTests(FixtureServer fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task The_list_holds_every_valid_leaflet_and_leaves_out_the_broken_one()
    {
        var response = await Client.GetAsync("/api/leaflets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var list = await ApiJson.ReadAsync(response);
        Assert.Equal(["blood-test", "bone-scan"], list["items"]!.AsArray().Select(item => (string)item!["id"]!));
        Assert.Equal(2, (int)list["total"]!);
        Assert.Equal(1, (int)list["page"]!);
        Assert.Equal(25, (int)list["pageSize"]!);
    }

    [Fact]
    public async Task A_list_item_has_exactly_the_documented_fields()
    {
        var list = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets"));
        var item = list["items"]![1]!.AsObject();

        Assert.Equal(
            ["id", "title", "summary", "language", "languages", "variants", "version", "lastReviewed", "nextReview", "reviewStatus", "links"],
            item.Select(property => property.Key));
        Assert.Equal(["plain", "easy-read"], item["variants"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("2027-01-10", (string)item["nextReview"]!);
        Assert.Equal("due-soon", (string)item["reviewStatus"]!);
        Assert.Equal($"{fixture.Server.Address}api/leaflets/bone-scan?variant=easy-read", (string)item["links"]!["variants"]!["easy-read"]!);
    }

    [Theory]
    [InlineData("q=BONE", "bone-scan")]
    [InlineData("q=scan%20bones", "bone-scan")]
    [InlineData("q=blood%20sample", "blood-test")]
    [InlineData("q=imaging", "bone-scan")]
    [InlineData("topic=Blood%20Tests", "blood-test")]
    [InlineData("code=SNOMED-CT%7C41747008", "bone-scan")]
    [InlineData("q=sample&code=SNOMED-CT|396550006", "blood-test")]
    [InlineData("q=needle", "blood-test")]
    [InlineData("q=needles", "blood-test")]
    [InlineData("q=nothing-matches-this", "")]
    public async Task Search_matches_words_topics_and_codes_ignoring_case(string query, string expectedIds)
    {
        var list = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets?" + query));

        var ids = string.Join(',', list["items"]!.AsArray().Select(item => (string)item!["id"]!));
        Assert.Equal(expectedIds, ids);
    }

    [Fact]
    public async Task Paging_returns_one_page_with_links_to_its_neighbours()
    {
        var first = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets?pageSize=1"));
        var second = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets?pageSize=1&page=2"));

        Assert.Equal("blood-test", (string)first["items"]![0]!["id"]!);
        Assert.Equal("bone-scan", (string)second["items"]![0]!["id"]!);
        Assert.Equal(2, (int)second["total"]!);
        var links = first["links"]!;
        Assert.Equal($"{fixture.Server.Address}api/leaflets?page=2&pageSize=1", (string)links["next"]!);
        Assert.Null(links["prev"]);
        Assert.Equal($"{fixture.Server.Address}api/leaflets?pageSize=1", (string)second["links"]!["prev"]!);
        Assert.Null(second["links"]!["next"]);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_not_an_error()
    {
        var list = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets?page=9"));

        Assert.Empty(list["items"]!.AsArray());
        Assert.Equal(2, (int)list["total"]!);
    }

    [Theory]
    [InlineData("page=0", "page must be a whole number from 1 upwards; got '0'.")]
    [InlineData("page=abc", "page must be a whole number from 1 upwards; got 'abc'.")]
    [InlineData("page=-1", "page must be a whole number from 1 upwards; got '-1'.")]
    [InlineData("pageSize=101", "pageSize must be a whole number from 1 to 100; got '101'.")]
    [InlineData("pageSize=0", "pageSize must be a whole number from 1 to 100; got '0'.")]
    [InlineData("pageSize=99999999999999", "pageSize must be a whole number from 1 to 100")]
    [InlineData("code=94222008", "code must be written SYSTEM|CODE, for example 'SNOMED-CT|94222008'; got '94222008'.")]
    [InlineData("code=A|B|C", "code must be written SYSTEM|CODE")]
    [InlineData("code=|123", "code must be written SYSTEM|CODE")]
    [InlineData("sort=newest", "sort must be one of: relevance, title, reviewed; got 'newest'.")]
    [InlineData("sort=Title", "sort must be one of: relevance, title, reviewed; got 'Title'.")]
    [InlineData("q=a%20b%20c%20d%20e%20f%20g%20h%20i%20j%20k", "q must have at most 10 words; got 11.")]
    public async Task An_invalid_query_value_is_a_400_naming_the_allowed_values(string query, string expectedDetail)
    {
        var response = await Client.GetAsync("/api/leaflets?" + query);

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expectedDetail, (string)problem["detail"]!);
        Assert.Equal("urn:leaflets:problem:invalid-parameter", (string)problem["type"]!);
    }

    [Fact]
    public async Task Every_invalid_query_value_is_named_in_one_answer()
    {
        var problem = await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets?page=x&pageSize=500&code=y"), HttpStatusCode.BadRequest);

        var detail = (string)problem["detail"]!;
        Assert.Contains("page must", detail);
        Assert.Contains("pageSize must", detail);
        Assert.Contains("code must", detail);
    }

    [Fact]
    public async Task A_query_longer_than_its_bound_is_a_400()
    {
        var problem = await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets?q=" + new string('a', 201)), HttpStatusCode.BadRequest);

        Assert.Equal("q must be at most 200 characters; got 201.", (string)problem["detail"]!);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("~")]
    [InlineData("%22")]
    [InlineData("bone~2")]
    [InlineData("bone*")]
    [InlineData("title:bone")]
    [InlineData("%22bone%20scan%22")]
    [InlineData("bone%20AND%20(scan%20OR%20%5Bx%20TO%20y%5D)")]
    [InlineData("%5C%2F%26%26%7C%7C%5E%21")]
    public async Task Lucene_syntax_in_the_words_is_answered_as_words(string q)
    {
        var response = await Client.GetAsync("/api/leaflets?q=" + q);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await ApiJson.ReadAsync(response);
        Assert.Equal(list["items"]!.AsArray().Count, (int)list["total"]!);
    }

    [Fact]
    public async Task A_search_ranks_the_best_match_first_and_gives_each_item_a_snippet_with_the_words_found()
    {
        // "scan" is the bone scan's title; the blood test only mentions a scan in passing, if at all.
        var list = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets?q=scans"));

        var first = list["items"]![0]!.AsObject();
        Assert.Equal("bone-scan", (string)first["id"]!);
        Assert.Equal(
            ["id", "title", "summary", "snippet", "language", "languages", "variants", "version", "lastReviewed", "nextReview", "reviewStatus", "links"],
            first.Select(property => property.Key));
        Assert.Contains("scan", (string)first["snippet"]!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_typing_error_still_finds_the_leaflet()
    {
        var list = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets?q=sampel"));

        Assert.Equal("blood-test", (string)list["items"]![0]!["id"]!);
    }

    [Fact]
    public async Task Sort_by_title_orders_the_list_and_its_paging_links_keep_the_order()
    {
        var list = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets?sort=title&pageSize=1"));

        Assert.Equal("blood-test", (string)list["items"]![0]!["id"]!);
        Assert.Equal($"{fixture.Server.Address}api/leaflets?sort=title&page=2&pageSize=1", (string)list["links"]!["next"]!);
    }
}
