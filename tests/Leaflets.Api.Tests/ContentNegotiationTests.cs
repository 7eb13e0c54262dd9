using System.Net;
using System.Text.Json.Nodes;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

/// <summary>leaflets/{id} answers JSON, schema.org JSON-LD or the HTML page, as the Accept header prefers.</summary>
[Collection(ServerCollection.Name)]
public sealed class ContentNegotiationTests(FixtureServer fixture)
{
    private HttpClient Client => fixture.Client;

    private string Base => fixture.Server.Address + "api";

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/ld+json", "application/ld+json")]
    [InlineData("application/ld+json, application/json;q=0.5", "application/ld+json")]
    [InlineData("text/html", "text/html")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    public async Task Accept_chooses_the_representation(string? accept, string expected)
    {
        var response = await GetAsync("/api/leaflets/bone-scan", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Accept", "Accept-Language", "Accept-Encoding"], response.Headers.Vary);
    }

    [Fact]
    public async Task Json_ld_describes_the_html_page_as_a_medical_web_page()
    {
        var response = await GetAsync("/api/leaflets/bone-scan?variant=easy-read", "application/ld+json");
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("https://schema.org", (string)page["@context"]!);
        Assert.Equal("MedicalWebPage", (string)page["@type"]!);
        Assert.Equal("en-GB", (string)page["inLanguage"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan/html?variant=easy-read", (string)page["url"]!);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync((string)page["url"]!)).StatusCode);
    }

    [Fact]
    public async Task Html_on_the_leaflet_route_is_the_same_page_as_the_html_route()
    {
        var negotiated = await GetAsync("/api/leaflets/bone-scan?variant=easy-read", "text/html");
        var direct = await GetAsync("/api/leaflets/bone-scan/html?variant=easy-read", null);

        Assert.Equal(await direct.Content.ReadAsStringAsync(), await negotiated.Content.ReadAsStringAsync());
        Assert.Equal("utf-8", negotiated.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task Each_representation_has_its_own_etag_and_a_tag_only_revalidates_its_own()
    {
        var tags = new Dictionary<string, string>();
        foreach (var accept in new[] { "application/json", "application/ld+json", "text/html" })
        {
            tags[accept] = (await GetAsync("/api/leaflets/bone-scan", accept)).Headers.ETag!.Tag;
        }
        Assert.Equal(3, tags.Values.Distinct().Count());

        var json = await GetAsync("/api/leaflets/bone-scan", "application/ld+json", ifNoneMatch: tags["application/ld+json"]);
        Assert.Equal(HttpStatusCode.NotModified, json.StatusCode);
        Assert.Equal(["Accept", "Accept-Language", "Accept-Encoding"], json.Headers.Vary);
        var other = await GetAsync("/api/leaflets/bone-scan", "text/html", ifNoneMatch: tags["application/json"]);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("text/html", other.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Head_with_json_ld_has_the_headers_of_get_and_no_body()
    {
        var get = await GetAsync("/api/leaflets/bone-scan", "application/ld+json");
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/leaflets/bone-scan");
        request.Headers.Add("Accept", "application/ld+json");
        var head = await Client.SendAsync(request);

        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    private async Task<HttpResponseMessage> GetAsync(string route, string? accept, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await Client.SendAsync(request);
    }
}
