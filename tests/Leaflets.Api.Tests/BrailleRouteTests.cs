using System.Net;
using System.Text;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

/// <summary>GET /api/leaflets/{id}/braille over the repository's real leaflet, served by the real host with the real liblouis.</summary>
public sealed class BrailleRouteTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(TestPaths.RepositoryContent);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("", "cementoplasty-plain-grade2-v1.brf", "en-GB", 40, 25)]
    [InlineData("?variant=easy-read&grade=1", "cementoplasty-easy-read-grade1-v1.brf", "en-GB", 40, 25)]
    [InlineData("?lang=cy", "cementoplasty-plain-cy-grade2-v1.brf", "cy", 40, 25)]
    [InlineData("?lang=cy&variant=easy-read&grade=1&cells=32&lines=20", "cementoplasty-easy-read-cy-grade1-32x20-v1.brf", "cy", 32, 20)]
    public async Task A_variant_and_language_is_served_as_a_brf_download_of_the_requested_page_size(
        string query, string fileName, string language, int cells, int lines)
    {
        var response = await Client.GetAsync("/api/leaflets/cementoplasty/braille" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("us-ascii", response.Content.Headers.ContentType.CharSet);
        Assert.Equal($"attachment; filename=\"{fileName}\"", string.Join(",", response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal(language, Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Matches("^\"[0-9a-f]{32}\"$", response.Headers.ETag!.Tag);
        var pages = Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync()).Split('\f')[..^1];
        Assert.True(pages.Length > 1);
        Assert.All(pages, page =>
        {
            var pageLines = page[..^2].Split("\r\n");
            Assert.InRange(pageLines.Length, 2, lines);
            Assert.All(pageLines, line => Assert.InRange(line.Length, 0, cells));
        });
    }

    [Fact]
    public async Task Each_grade_language_and_page_size_has_its_own_etag_and_the_same_request_the_same()
    {
        string[] routes = ["", "?grade=1", "?lang=cy", "?cells=30", "?lines=20", "?variant=easy-read"];
        var tags = new List<string>();
        foreach (var route in routes)
        {
            var first = await Client.GetAsync("/api/leaflets/cementoplasty/braille" + route);
            var second = await Client.GetAsync("/api/leaflets/cementoplasty/braille" + route);
            Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
            Assert.Equal(first.Headers.ETag, second.Headers.ETag);
            tags.Add(first.Headers.ETag!.Tag);
        }
        Assert.Equal(tags.Count, tags.Distinct().Count());
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_is_a_304_with_no_body()
    {
        const string route = "/api/leaflets/cementoplasty/braille?grade=1";
        var tag = (await Client.GetAsync(route)).Headers.ETag!.Tag;
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.TryAddWithoutValidation("If-None-Match", tag);

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, response.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("grade=3", "grade", "1, 2", "'3'")]
    [InlineData("grade=g2", "grade", "1, 2", "'g2'")]
    [InlineData("cells=19", "cells", "from 20 to 50", "'19'")]
    [InlineData("cells=51", "cells", "from 20 to 50", "'51'")]
    [InlineData("lines=9", "lines", "from 10 to 50", "'9'")]
    [InlineData("lines=25.0", "lines", "from 10 to 50", "'25.0'")]
    public async Task A_grade_or_page_size_outside_those_offered_is_a_400_naming_the_allowed_values(string query, string name, string allowed, string quoted)
    {
        var response = await Client.GetAsync("/api/leaflets/cementoplasty/braille?" + query);

        await ApiJson.AssertInvalidParameterAsync(response, name, allowed, quoted);
    }

    [Theory]
    [InlineData("/api/leaflets/no-such-leaflet/braille", HttpStatusCode.NotFound, "urn:leaflets:problem:unknown-leaflet")]
    [InlineData("/api/leaflets/cementoplasty/braille?lang=fr", HttpStatusCode.NotFound, "urn:leaflets:problem:missing-language")]
    [InlineData("/api/leaflets/cementoplasty/braille?variant=audio", HttpStatusCode.BadRequest, "urn:leaflets:problem:invalid-parameter")]
    public async Task An_unknown_leaflet_language_or_variant_is_a_problem(string route, HttpStatusCode status, string type)
    {
        var problem = await ApiJson.AssertProblemAsync(await Client.GetAsync(route), status);
        Assert.Equal(type, (string)problem["type"]!);
    }
}
