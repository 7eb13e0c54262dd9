using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Rendering;
using Leaflets.Functions.Http;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Leaflets.Api.Tests;

/// <summary>With Site:PublicBaseUrl set, a printed leaflet ends with the address (and QR code) of its page in the library.</summary>
public sealed class PdfOnlineAddressTests
{
    private const string Site = "https://leaflets.example.org";

    [Theory]
    [InlineData("plain")]
    [InlineData("easy-read")]
    public async Task With_a_public_base_url_the_last_page_prints_and_links_the_online_version(string variant)
    {
        await using var server = await RunningServer.StartAsync(TestPaths.RepositoryContent,
            services => services.Configure<SiteOptions>(site => site.PublicBaseUrl = Site + "/"));

        var response = await server.Client.GetAsync("/api/leaflets/cementoplasty/pdf?variant=" + variant);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var address = $"{Site}/leaflets/cementoplasty" + (variant == "plain" ? "" : "?variant=" + variant);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var last = pdf.GetPage(pdf.NumberOfPages);
        // A long address is broken across lines, so its letters are compared without the breaks.
        Assert.Contains(address, string.Concat(last.GetWords().Select(word => word.Text)));
        Assert.Contains(last.GetHyperlinks(), link => link.Uri == address);
        var json = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/leaflets/cementoplasty?variant=" + variant));
        Assert.Equal($"{Site}/api/leaflets/cementoplasty/pdf" + (variant == "plain" ? "" : "?variant=" + variant), (string)json["links"]!["pdf"]![variant]!);
    }

    [Fact]
    public async Task Without_a_public_base_url_no_address_is_printed_so_a_host_header_never_reaches_paper()
    {
        await using var server = await RunningServer.StartAsync(TestPaths.RepositoryContent);

        var bytes = await server.Client.GetByteArrayAsync("/api/leaflets/cementoplasty/pdf");

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().SelectMany(page => page.GetWords()).Select(word => word.Text));
        Assert.DoesNotContain("/leaflets/cementoplasty", text);
        Assert.DoesNotContain(server.Address.Authority, text);
    }

    [Fact]
    public async Task The_printed_address_is_part_of_the_etag()
    {
        await using var plainServer = await RunningServer.StartAsync(TestPaths.RepositoryContent);
        await using var siteServer = await RunningServer.StartAsync(TestPaths.RepositoryContent,
            services => services.Configure<SiteOptions>(site => site.PublicBaseUrl = Site));

        var without = await plainServer.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/leaflets/cementoplasty/pdf"));
        var with = await siteServer.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/leaflets/cementoplasty/pdf"));

        Assert.NotEqual(without.Headers.ETag, with.Headers.ETag);
        Assert.NotEqual(without.Content.Headers.ContentLength, with.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("/api/leaflets/cementoplasty/pdf")]
    [InlineData("/api/leaflets/cementoplasty")]
    [InlineData("/api/leaflets/cementoplasty/html")]
    public async Task With_a_public_base_url_the_request_host_changes_no_etag(string path)
    {
        await using var server = await RunningServer.StartAsync(TestPaths.RepositoryContent,
            services => services.Configure<SiteOptions>(site => site.PublicBaseUrl = Site));

        var asked = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        var forged = new HttpRequestMessage(HttpMethod.Head, path);
        forged.Headers.Host = "attacker.example";
        var answered = await server.Client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.NotNull(asked.Headers.ETag);
        Assert.Equal(asked.Headers.ETag, answered.Headers.ETag);
    }
}
