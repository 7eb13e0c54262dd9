using System.Text.Json.Nodes;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Functions;
using Leaflets.Functions.Health;
using Leaflets.Functions.Leaflets;
using Leaflets.Functions.OpenApi;
using Leaflets.Functions.Site;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>
/// The function classes called as the Functions host calls them: built from DI, given an HttpRequest,
/// route values and a CancellationToken, their IActionResult executed against a DefaultHttpContext.
/// </summary>
public sealed class DirectFunctionTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly ContentSandbox _sandbox = TestPaths.CopyFixtureContent();

    public DirectFunctionTests()
    {
        var content = _sandbox.ContentRoot;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Root"] = content })
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddLeafletFunctions(configuration)
            .AddSingleton<TimeProvider>(TestTime.Clock())
            .BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        _sandbox.Dispose();
    }

    [Fact]
    public async Task GetLeaflet_called_directly_renders_the_leaflet_with_links_on_the_request_host()
    {
        var function = ActivatorUtilities.CreateInstance<GetLeaflet>(_services);
        var context = DirectCall.Request("GET", "/api/leaflets/bone-scan", "?variant=easy-read");

        var (status, body) = await DirectCall.ExecuteAsync(context, await function.Run(context.Request, "bone-scan", CancellationToken.None));

        Assert.Equal(200, status);
        var leaflet = JsonNode.Parse(body)!;
        Assert.Equal("easy-read", (string)leaflet["variant"]!);
        Assert.Equal($"{DirectCall.Origin}/api/leaflets/bone-scan?variant=easy-read", (string)leaflet["links"]!["self"]!);
        Assert.Equal("due-soon", (string)leaflet["reviewStatus"]!);
        Assert.NotNull(context.Response.Headers.ETag.ToString());
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../secret")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("%2e%2e")]
    [InlineData("bone-scan\0")]
    [InlineData("bone-scan\n")]
    public async Task GetLeaflet_called_directly_refuses_an_id_that_is_not_a_slug(string id)
    {
        var function = ActivatorUtilities.CreateInstance<GetLeaflet>(_services);
        var context = DirectCall.Request("GET", "/api/leaflets/x", "");

        var (status, body) = await DirectCall.ExecuteAsync(context, await function.Run(context.Request, id, CancellationToken.None));

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Contains("lowercase letters and digits", body);
    }

    [Theory]
    [InlineData("../plain.md")]
    [InlineData("..")]
    [InlineData("images/scanner.png")]
    [InlineData("scanner.png\0")]
    [InlineData("..%2Fsecret.txt")]
    public async Task GetLeafletImage_called_directly_refuses_a_file_name_that_is_not_plain(string file)
    {
        var function = ActivatorUtilities.CreateInstance<GetLeafletImage>(_services);
        var context = DirectCall.Request("GET", "/api/leaflets/bone-scan/images/x", "");

        var (status, _) = await DirectCall.ExecuteAsync(context, await function.Run(context.Request, "bone-scan", file, CancellationToken.None));

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task ListLeaflets_and_health_and_openapi_called_directly_answer_200()
    {
        var list = DirectCall.Request("GET", "/api/leaflets", "?q=bone");
        var (listStatus, listBody) = await DirectCall.ExecuteAsync(list, await ActivatorUtilities.CreateInstance<ListLeaflets>(_services).Run(list.Request, CancellationToken.None));
        var health = DirectCall.Request("GET", "/api/health", "");
        var (healthStatus, healthBody) = await DirectCall.ExecuteAsync(health, await ActivatorUtilities.CreateInstance<Health>(_services).Run(health.Request, CancellationToken.None));
        var openApi = DirectCall.Request("GET", "/api/openapi.json", "");
        var (openApiStatus, openApiBody) = await DirectCall.ExecuteAsync(openApi, await ActivatorUtilities.CreateInstance<OpenApiDocument>(_services).Run(openApi.Request, CancellationToken.None));

        Assert.Equal((200, 200, 200), (listStatus, healthStatus, openApiStatus));
        Assert.Equal("bone-scan", (string)JsonNode.Parse(listBody)!["items"]![0]!["id"]!);
        Assert.Equal("degraded", (string)JsonNode.Parse(healthBody)!["status"]!);
        Assert.Equal("3.1.0", (string)JsonNode.Parse(openApiBody)!["openapi"]!);
    }

    [Fact]
    public async Task A_head_request_called_directly_writes_headers_but_no_body()
    {
        var function = ActivatorUtilities.CreateInstance<GetLeaflet>(_services);
        var context = DirectCall.Request("HEAD", "/api/leaflets/bone-scan", "");

        var (status, body) = await DirectCall.ExecuteAsync(context, await function.Run(context.Request, "bone-scan", CancellationToken.None));

        Assert.Equal(200, status);
        Assert.Equal("", body);
        Assert.True(context.Response.ContentLength > 0);
    }

    [Theory]
    [InlineData("../LICENSE_FONT")]
    [InlineData("..")]
    [InlineData("../../content/leaflets/bone-scan/plain.md")]
    [InlineData("Fonts\\LICENSE_FONT")]
    [InlineData("%2e%2e%2ffonts.css")]
    public async Task GetSiteAsset_called_directly_serves_only_exact_list_names(string file)
    {
        // A host that checks no raw request target (RequestTarget) still serves nothing but the listed files.
        var function = ActivatorUtilities.CreateInstance<GetSiteAsset>(_services);
        var context = DirectCall.Request("GET", "/assets/x", "");

        var (status, body) = await DirectCall.ExecuteAsync(context, await function.Run(context.Request, file, CancellationToken.None));

        Assert.Equal(404, status);
        Assert.Contains("urn:leaflets:problem:unknown-asset", body);
        Assert.DoesNotContain("Open Font License", body);
    }
}
