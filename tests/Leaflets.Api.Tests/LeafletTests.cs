using System.Net;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

[Collection(ServerCollection.Name)]
public sealed class LeafletTests(FixtureServer fixture)
{
    private HttpClient Client => fixture.Client;

    private string Base => fixture.Server.Address + "api";

    [Fact]
    public async Task A_leaflet_has_exactly_the_documented_fields_in_order()
    {
        var leaflet = (await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets/bone-scan"))).AsObject();

        Assert.Equal(
            ["id", "variant", "variants", "title", "summary", "language", "languages", "version", "contentHash", "dateModified", "lastReviewed", "nextReview",
             "reviewStatus", "translationStatus", "topics", "codes", "references", "blocks", "readability", "links"],
            leaflet.Select(property => property.Key));
        Assert.Equal("plain", (string)leaflet["variant"]!);
        Assert.Equal("Having a bone scan", (string)leaflet["title"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)leaflet["contentHash"]!);
    }

    [Fact]
    public async Task Blocks_are_typed_and_figures_link_to_absolute_image_urls_that_resolve()
    {
        var leaflet = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets/bone-scan"));
        var blocks = leaflet["blocks"]!.AsArray();

        Assert.Equal(["heading", "paragraph", "list", "heading", "figure", "list", "callout", "table", "heading", "paragraph"],
            blocks.Select(block => (string)block!["type"]!));
        var heading = blocks[0]!;
        Assert.Equal(2, (int)heading["level"]!);
        Assert.Equal("Before your scan", (string)heading["text"]!);
        Assert.False(string.IsNullOrEmpty((string?)heading["anchor"]));
        var paragraph = blocks[1]!;
        Assert.Contains(paragraph["inlines"]!.AsArray(), inline => (string)inline!["type"]! == "strong");
        Assert.StartsWith("You can eat and drink as normal.", (string)paragraph["text"]!);
        var figure = blocks[4]!;
        Assert.Equal($"{Base}/leaflets/bone-scan/images/scanner.png", (string)figure["src"]!);
        Assert.Equal("The scanner does not touch you", (string)figure["caption"]!);
        Assert.False((bool)figure["decorative"]!);
        Assert.True((bool)blocks[5]!["ordered"]!);
        Assert.Equal("Important", (string)blocks[6]!["label"]!);
        Assert.Equal(2, blocks[7]!["header"]!.AsArray().Count);
        var link = blocks[9]!["inlines"]!.AsArray().Single(inline => (string)inline!["type"]! == "link")!;
        Assert.Equal("https://example.org/bone-scan-guide", (string)link["href"]!);

        var image = await Client.GetAsync((string)figure["src"]!);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal((string)figure["src"]!, (string)leaflet["links"]!["images"]!["scanner.png"]!);
    }

    [Fact]
    public async Task The_easy_read_variant_has_picture_rows_and_a_decorative_figure()
    {
        var leaflet = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets/bone-scan?variant=easy-read"));

        Assert.Equal("easy-read", (string)leaflet["variant"]!);
        Assert.Equal("Your bone scan", (string)leaflet["title"]!);
        var rows = leaflet["blocks"]!.AsArray().Where(block => (string)block!["type"]! == "row").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal($"{Base}/leaflets/bone-scan/images/scanner.png", (string)rows[0]!["figure"]!["src"]!);
        Assert.Equal("paragraph", (string)rows[0]!["blocks"]![0]!["type"]!);
        Assert.True((bool)rows[1]!["figure"]!["decorative"]!);
        Assert.Equal("", (string)rows[1]!["figure"]!["alt"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan?variant=easy-read", (string)leaflet["links"]!["self"]!);
    }

    [Fact]
    public async Task Links_name_self_and_every_variant_the_leaflet_has()
    {
        var leaflet = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets/bone-scan"));
        var links = leaflet["links"]!;

        Assert.Equal($"{Base}/leaflets/bone-scan", (string)links["self"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan", (string)links["variants"]!["plain"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan?variant=easy-read", (string)links["variants"]!["easy-read"]!);
        foreach (var url in new[] { (string)links["self"]!, (string)links["variants"]!["easy-read"]! })
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_leaflet_is_a_404_problem()
    {
        var problem = await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets/no-such-leaflet"), HttpStatusCode.NotFound);

        Assert.Equal("urn:leaflets:problem:unknown-leaflet", (string)problem["type"]!);
        Assert.Contains("'no-such-leaflet'", (string)problem["detail"]!);
        Assert.Equal("/api/leaflets/no-such-leaflet", (string)problem["instance"]!);
    }

    [Fact]
    public async Task A_broken_leaflet_is_not_served()
    {
        await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets/broken-leaflet"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_variant_the_leaflet_lacks_is_a_404_naming_the_variants_it_has()
    {
        var problem = await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets/blood-test?variant=easy-read"), HttpStatusCode.NotFound);

        Assert.Equal("Leaflet 'blood-test' has no easy-read variant; it has: plain.", (string)problem["detail"]!);
    }

    [Theory]
    [InlineData("large-print")]
    [InlineData("PLAIN")]
    [InlineData("")]
    public async Task An_invalid_variant_is_a_400_naming_the_allowed_values(string variant)
    {
        var problem = await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets/bone-scan?variant=" + variant), HttpStatusCode.BadRequest);

        Assert.Equal($"variant must be one of: plain, easy-read; got '{variant}'.", (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_client_that_accepts_none_of_json_json_ld_or_html_gets_a_406_naming_all_three()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/bone-scan");
        request.Headers.Add("Accept", "text/csv, application/json;q=0");

        var problem = await ApiJson.AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.NotAcceptable);
        Assert.Equal("This resource is available as application/json, application/ld+json or text/html, which the Accept header rules out.",
            (string)problem["detail"]!);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("application/json;q=0.9, text/html;q=0.1")]
    [InlineData("application/ld+json;q=0.5, application/json")]
    public async Task Accept_ranges_that_include_json_are_served(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/bone-scan");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
