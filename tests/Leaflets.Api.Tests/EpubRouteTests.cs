using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

/// <summary>GET /api/leaflets/{id}/epub over the repository's real leaflet, served by the real host.</summary>
public sealed class EpubRouteTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(TestPaths.RepositoryContent);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("", "cementoplasty-plain-v1.epub", "en-GB")]
    [InlineData("?variant=easy-read", "cementoplasty-easy-read-v1.epub", "en-GB")]
    [InlineData("?variant=easy-read&lang=cy", "cementoplasty-easy-read-cy-v1.epub", "cy")]
    public async Task A_variant_is_served_as_an_epub_to_save_in_its_language(string query, string fileName, string language)
    {
        var response = await Client.GetAsync($"/api/leaflets/cementoplasty/epub{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/epub+zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"attachment; filename=\"{fileName}\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        Assert.Null(response.Content.Headers.ContentEncoding.FirstOrDefault());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("mimetype", zip.Entries[0].FullName);
        using var package = new StreamReader(zip.GetEntry("EPUB/package.opf")!.Open());
        Assert.Contains($"<dc:language>{language}</dc:language>", await package.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_request_gives_the_same_bytes_and_etag_and_its_etag_answers_304()
        => await StableRepresentation.AssertAsync(Client, "/api/leaflets/cementoplasty/epub?variant=easy-read");

    [Fact]
    public async Task Each_variant_has_its_own_etag()
    {
        var plain = await Client.GetAsync("/api/leaflets/cementoplasty/epub");
        var easyRead = await Client.GetAsync("/api/leaflets/cementoplasty/epub?variant=easy-read");

        Assert.NotEqual(plain.Headers.ETag!.Tag, easyRead.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("/api/leaflets/no-such-leaflet/epub")]
    [InlineData("/api/leaflets/cementoplasty/epub?variant=large-print")]
    public async Task An_unknown_leaflet_or_variant_is_a_problem_not_an_epub(string route)
    {
        var response = await Client.GetAsync(route);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_client_that_takes_only_pdf_gets_a_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/cementoplasty/epub");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }
}
