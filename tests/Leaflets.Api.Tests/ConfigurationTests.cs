using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Functions.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task The_cache_lifetime_and_public_base_url_come_from_configuration()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var content = sandbox.ContentRoot;
        await using var server = await RunningServer.StartAsync(content, services => services.Configure<HttpResponseOptions>(options =>
        {
            options.CacheMaxAgeSeconds = 60;
            options.PublicBaseUrl = "https://leaflets.example.org/api";
        }));

        var response = await server.Client.GetAsync("/api/leaflets/bone-scan");

        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        var leaflet = await ApiJson.ReadAsync(response);
        Assert.Equal("https://leaflets.example.org/api/leaflets/bone-scan", (string)leaflet["links"]!["self"]!);
    }

    [Fact]
    public void The_route_prefix_matches_host_json()
    {
        var hostJson = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "host.json")))!;

        Assert.Equal(FunctionResponse.RoutePrefix, (string)hostJson["extensions"]!["http"]!["routePrefix"]!);
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
