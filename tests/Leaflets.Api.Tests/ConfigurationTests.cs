using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Functions;
using Leaflets.Functions.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Leaflets.Api.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task The_cache_lifetime_and_the_site_public_base_url_come_from_configuration()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var content = sandbox.ContentRoot;
        await using var server = await RunningServer.StartAsync(content, services =>
        {
            services.Configure<HttpResponseOptions>(options => options.CacheMaxAgeSeconds = 60);
            services.Configure<SiteOptions>(options => options.PublicBaseUrl = "https://leaflets.example.org/");
        });

        var response = await server.Client.GetAsync("/api/leaflets/bone-scan");

        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        var leaflet = await ApiJson.ReadAsync(response);
        Assert.Equal("https://leaflets.example.org/api/leaflets/bone-scan", (string)leaflet["links"]!["self"]!);
    }

    [Fact]
    public void Site_PublicBaseUrl_is_read_from_the_Site_section_and_links_go_under_its_api()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = "https://leaflets.example.org" })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddLeafletFunctions(configuration).BuildServiceProvider();

        var site = services.GetRequiredService<IOptions<SiteOptions>>().Value;

        Assert.Equal("https://leaflets.example.org/api", site.ApiUrls?.BaseUrl);
        Assert.Equal("https://leaflets.example.org/leaflets/cementoplasty?variant=easy-read",
            site.OnlineVersionOf("cementoplasty", LeafletVariant.EasyRead));
    }

    [Theory]
    [InlineData("leaflets.example.org")]
    [InlineData("ftp://leaflets.example.org")]
    [InlineData("https://leaflets.example.org/?x=1")]
    public async Task A_site_public_base_url_that_is_not_an_http_root_stops_the_server_from_starting(string url)
    {
        using var sandbox = TestPaths.CopyFixtureContent();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningServer.StartAsync(
            sandbox.ContentRoot, services => services.Configure<SiteOptions>(options => options.PublicBaseUrl = url)));

        Assert.Contains("Site:PublicBaseUrl", error.Message);
    }

    [Fact]
    public void Host_json_leaves_the_whole_path_to_the_functions_so_the_app_owns_the_site_root()
    {
        var hostJson = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "host.json")))!;

        Assert.Equal("", (string)hostJson["extensions"]!["http"]!["routePrefix"]!);
    }

    [Fact]
    public async Task Content_that_cannot_be_loaded_is_a_500_problem_without_internals()
    {
        var missing = Path.Combine(Path.GetTempPath(), "leaflets-api-tests", "no-such-content-" + Guid.NewGuid().ToString("N"));
        await using var server = await RunningServer.StartAsync(missing);

        foreach (var route in new[] { "/api/leaflets", "/api/leaflets/bone-scan", "/api/health" })
        {
            var response = await server.Client.GetAsync(route);

            var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
            var body = problem.ToJsonString();
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain(" at ", body);
            Assert.DoesNotContain(missing, body);
            Assert.Equal("urn:leaflets:problem:unexpected-error", (string)problem["type"]!);
        }
    }
}
