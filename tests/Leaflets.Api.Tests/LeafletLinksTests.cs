using System.Net;
using System.Text.Json.Nodes;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>
/// List items and the leaflet JSON carry the same links: each variant's JSON, HTML page, PDF and website page, every one
/// of which answers; the website page follows Site:PublicBaseUrl when it is set.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class LeafletLinksTests(FixtureServer fixture)
{
    private static readonly string[] SharedLinks = ["variants", "html", "pdf", "site"];

    [Fact]
    public async Task A_list_item_and_its_leaflet_link_to_the_same_representations()
    {
        var list = await ApiJson.ReadAsync(await fixture.Client.GetAsync("/api/leaflets?q=bone"));
        var item = list["items"]!.AsArray().Single(i => (string)i!["id"]! == "bone-scan")!["links"]!;
        var leaflet = (await ApiJson.ReadAsync(await fixture.Client.GetAsync((string)item["self"]!)))["links"]!;

        foreach (var name in SharedLinks)
        {
            Assert.True(JsonNode.DeepEquals(item[name], leaflet[name]), name);
        }
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan")]
    [InlineData("/api/leaflets/bone-scan?lang=cy")]
    public async Task Every_html_pdf_and_website_link_answers_200_with_its_media_type(string route)
    {
        var links = (await ApiJson.ReadAsync(await fixture.Client.GetAsync(route)))["links"]!;

        foreach (var (name, mediaType) in new[] { ("html", "text/html"), ("pdf", "application/pdf"), ("site", "text/html") })
        {
            foreach (var variant in new[] { "plain", "easy-read" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, (string)links[name]![variant]!);
                request.Headers.Accept.ParseAdd(mediaType);
                var response = await fixture.Client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task A_translation_links_its_website_page_in_its_own_language()
    {
        var links = (await ApiJson.ReadAsync(await fixture.Client.GetAsync("/api/leaflets/bone-scan?lang=cy")))["links"]!;

        Assert.EndsWith("/leaflets/bone-scan?lang=cy", (string)links["site"]!["plain"]!);
        Assert.EndsWith("/api/leaflets/bone-scan/html?variant=plain&lang=cy", (string)links["html"]!["plain"]!);
        Assert.DoesNotContain("/api/", (string)links["site"]!["plain"]!);
    }

    [Fact]
    public async Task With_a_public_base_url_the_website_link_is_under_it()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(
            sandbox.ContentRoot, services => services.Configure<SiteOptions>(options => options.PublicBaseUrl = "https://leaflets.example.org/clinic"));

        var list = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/leaflets"));

        var links = list["items"]!.AsArray().Single(i => (string)i!["id"]! == "bone-scan")!["links"]!;
        Assert.Equal("https://leaflets.example.org/clinic/leaflets/bone-scan", (string)links["site"]!["plain"]!);
        Assert.Equal("https://leaflets.example.org/clinic/leaflets/bone-scan?variant=easy-read", (string)links["site"]!["easy-read"]!);
    }
}
