using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

/// <summary>GET /api/leaflets/{id}/audio/ssml over the repository's real leaflet, served by the real host.</summary>
public sealed class AudioSsmlRouteTests : IAsyncLifetime
{
    private static readonly XNamespace Ssml = "http://www.w3.org/2001/10/synthesis";

    private RunningServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(TestPaths.RepositoryContent);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("", "cementoplasty-plain-v1.ssml", "en-GB")]
    [InlineData("?variant=easy-read", "cementoplasty-easy-read-v1.ssml", "en-GB")]
    [InlineData("?variant=plain&lang=cy", "cementoplasty-plain-cy-v1.ssml", "cy")]
    public async Task A_variant_is_served_as_ssml_in_its_language(string query, string fileName, string language)
    {
        var response = await Client.GetAsync($"/api/leaflets/cementoplasty/audio/ssml{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ssml+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal($"attachment; filename=\"{fileName}\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        var speak = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Ssml + "speak", speak.Name);
        Assert.Equal("1.1", (string?)speak.Attribute("version"));
        Assert.Equal(language, (string?)speak.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("chapter-1", (string?)speak.Elements(Ssml + "mark").First().Attribute("name"));
    }

    [Fact]
    public async Task The_same_request_gives_the_same_bytes_and_etag_and_its_etag_answers_304()
        => await StableRepresentation.AssertAsync(Client, "/api/leaflets/cementoplasty/audio/ssml?variant=easy-read");

    [Fact]
    public async Task Each_variant_and_language_has_its_own_etag()
    {
        var plain = await Client.GetAsync("/api/leaflets/cementoplasty/audio/ssml");
        var easyRead = await Client.GetAsync("/api/leaflets/cementoplasty/audio/ssml?variant=easy-read");
        var welsh = await Client.GetAsync("/api/leaflets/cementoplasty/audio/ssml?lang=cy");

        Assert.Equal(3, new[] { plain, easyRead, welsh }.Select(response => response.Headers.ETag!.Tag).Distinct().Count());
    }

    [Theory]
    [InlineData("/api/leaflets/no-such-leaflet/audio/ssml", HttpStatusCode.NotFound, "urn:leaflets:problem:unknown-leaflet")]
    [InlineData("/api/leaflets/cementoplasty/audio/ssml?lang=fr", HttpStatusCode.NotFound, "urn:leaflets:problem:missing-language")]
    [InlineData("/api/leaflets/cementoplasty/audio/ssml?variant=audio", HttpStatusCode.BadRequest, "urn:leaflets:problem:invalid-parameter")]
    [InlineData("/api/leaflets/cementoplasty/audio/ssml?grade=2", HttpStatusCode.BadRequest, "urn:leaflets:problem:invalid-parameter")]
    public async Task An_unknown_leaflet_language_variant_or_parameter_is_a_problem_not_ssml(string route, HttpStatusCode status, string type)
    {
        var problem = await ApiJson.AssertProblemAsync(await Client.GetAsync(route), status);
        Assert.Equal(type, (string)problem["type"]!);
    }

    [Fact]
    public async Task A_client_that_takes_only_pdf_gets_a_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/cementoplasty/audio/ssml");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }
}
