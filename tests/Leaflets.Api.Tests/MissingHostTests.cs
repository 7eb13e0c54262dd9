using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Rendering;
using Leaflets.Functions.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>
/// HTTP/1.0 lets a client leave out Host. A response with absolute links then has no host to put in them: it
/// uses the configured site root when there is one, and is otherwise a 400 naming both fixes, never <c>http:///</c>.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MissingHostTests(FixtureServer fixture)
{
    [Theory]
    [InlineData("/api/leaflets")]
    [InlineData("/api/leaflets/bone-scan")]
    [InlineData("/api/leaflets/bone-scan/html")]
    public async Task A_request_without_host_for_a_response_with_links_is_a_400_naming_the_fix(string target)
    {
        var response = await fixture.Server.SendRawRequestAsync($"GET {target} HTTP/1.0\r\n\r\n");

        Assert.Equal(400, response.Status);
        Assert.Contains("Content-Type: application/problem+json", response.Head);
        Assert.Contains("urn:leaflets:problem:missing-host", response.Body);
        Assert.Contains("Site:PublicBaseUrl", response.Body);
        Assert.DoesNotContain(":///", response.Body);
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/openapi.json")]
    [InlineData("/api/leaflets/bone-scan/images/scanner.png")]
    public async Task A_request_without_host_for_a_response_without_links_is_answered(string target)
    {
        var response = await fixture.Server.SendRawRequestAsync($"GET {target} HTTP/1.0\r\n\r\n");

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task A_request_without_host_gets_links_on_the_configured_site_root()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot, services =>
            services.Configure<SiteOptions>(options => options.PublicBaseUrl = "https://leaflets.example.org"));

        var response = await server.SendRawRequestAsync("GET /api/leaflets/bone-scan HTTP/1.0\r\n\r\n");

        Assert.Equal(200, response.Status);
        Assert.Contains("\"https://leaflets.example.org/api/leaflets/bone-scan\"", response.Body);
        Assert.DoesNotContain(":///", response.Body);
    }
}
