using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Functions;
using Leaflets.Functions.Http;
using Leaflets.Functions.Routing;
using Leaflets.Functions.Site;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Leaflets.Api.Tests;

/// <summary>
/// CORS on the API: with the default (any origin) on the shared fixture server, and with a list of partner origins on a
/// server of its own. The real browser's view of the same headers is in <see cref="CrossOriginBrowserTests"/>.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CrossOriginTests(FixtureServer fixture)
{
    private const string Partner = "https://portal.partner.example";
    private const string Stranger = "https://elsewhere.example";

    public static TheoryData<string> ApiResponses =>
    [
        "/api/leaflets",
        "/api/leaflets/bone-scan",
        "/api/leaflets/bone-scan/pdf",
        "/api/leaflets/bone-scan/html",
        "/api/openapi.json",
        "/api/health",
    ];

    [Theory]
    [MemberData(nameof(ApiResponses))]
    public async Task Every_api_response_lets_any_origin_read_it_and_its_entity_tag_and_file_name(string path)
    {
        var response = await SendAsync(fixture.Client, HttpMethod.Get, path, Stranger);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(CrossOrigin.ExposedHeaders, ExposedHeaders(response));
        Assert.Contains("ETag", ExposedHeaders(response));
        Assert.Contains("Content-Disposition", ExposedHeaders(response));
        Assert.DoesNotContain("Origin", response.Headers.Vary);
    }

    [Fact]
    public async Task HEAD_and_a_304_carry_the_same_cors_headers_as_GET()
    {
        var get = await SendAsync(fixture.Client, HttpMethod.Get, "/api/leaflets/bone-scan", Stranger);
        var head = await SendAsync(fixture.Client, HttpMethod.Head, "/api/leaflets/bone-scan", Stranger);
        var revalidated = await SendAsync(fixture.Client, HttpMethod.Get, "/api/leaflets/bone-scan", Stranger, get.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        foreach (var response in new[] { head, revalidated })
        {
            Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
            Assert.Equal(ExposedHeaders(get), ExposedHeaders(response));
        }
    }

    [Theory]
    [InlineData("/api/leaflets/no-such-leaflet", HttpStatusCode.NotFound)]
    [InlineData("/api/leaflets?pageSize=1000", HttpStatusCode.BadRequest)]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound)]
    public async Task A_problem_from_the_api_can_be_read_by_the_page_that_caused_it(string path, HttpStatusCode status)
    {
        var response = await SendAsync(fixture.Client, HttpMethod.Get, path, Stranger);

        await ApiJson.AssertProblemAsync(response, status);
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(CrossOrigin.ExposedHeaders, ExposedHeaders(response));
    }

    [Theory]
    [InlineData("/api/leaflets")]
    [InlineData("/api/leaflets/bone-scan")]
    [InlineData("/api/leaflets/no-such-leaflet/pdf")]
    [InlineData("/api/leaflets/bone-scan/images/scanner.png")]
    public async Task A_preflight_on_an_api_route_is_204_with_its_methods_the_headers_partners_send_and_a_max_age(string path)
    {
        var response = await PreflightAsync(fixture.Client, path, Stranger);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["GET, HEAD"], response.Headers.GetValues("Access-Control-Allow-Methods"));
        var allowedHeaders = response.Headers.GetValues("Access-Control-Allow-Headers").Single().Split(", ");
        Assert.Contains("If-None-Match", allowedHeaders);
        Assert.Contains("If-Modified-Since", allowedHeaders);
        Assert.Equal(["7200"], response.Headers.GetValues("Access-Control-Max-Age"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task OPTIONS_that_is_not_a_preflight_is_still_a_405_naming_the_methods()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/leaflets/bone-scan");
        request.Headers.Add("Origin", Stranger);

        var response = await fixture.Client.SendAsync(request);

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/leaflets/bone-scan")]
    [InlineData("/search")]
    public async Task The_website_takes_no_part_in_cors(string path)
    {
        var get = await SendAsync(fixture.Client, HttpMethod.Get, path, Stranger);
        var preflight = await PreflightAsync(fixture.Client, path, Stranger);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.False(get.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, preflight.StatusCode);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_catch_all_called_as_the_functions_host_calls_it_answers_a_preflight_alike()
    {
        var context = DirectCall.Request("OPTIONS", "/api/leaflets/bone-scan/pdf");
        context.Request.Headers.Origin = Stranger;
        context.Request.Headers.AccessControlRequestMethod = "GET";

        await DirectCall.ExecuteAsync(context, await new Unmatched(fixture.Server.Services.GetRequiredService<SiteRoutes>(), NullLogger<Unmatched>.Instance)
            .Run(context.Request, CancellationToken.None));

        Assert.Equal(204, context.Response.StatusCode);
        Assert.Equal("*", context.Response.Headers.AccessControlAllowOrigin.ToString());
        Assert.Equal("GET, HEAD", context.Response.Headers.AccessControlAllowMethods.ToString());
    }

    [Fact]
    public async Task With_a_list_of_origins_a_listed_origin_is_named_back_and_the_response_varies_on_origin()
    {
        await using var server = await PartnerOnlyServerAsync();

        var get = await SendAsync(server.Client, HttpMethod.Get, "/api/leaflets/bone-scan", Partner);
        var revalidated = await SendAsync(server.Client, HttpMethod.Get, "/api/leaflets/bone-scan", Partner, get.Headers.ETag!.Tag);
        var preflight = await PreflightAsync(server.Client, "/api/leaflets/bone-scan", Partner);

        foreach (var response in new[] { get, revalidated, preflight })
        {
            Assert.Equal([Partner], response.Headers.GetValues("Access-Control-Allow-Origin"));
            Assert.Contains("Origin", response.Headers.Vary);
        }
        Assert.Equal(["Accept", "Accept-Language", "Accept-Encoding", "Origin"], get.Headers.Vary);
        Assert.Equal(CrossOrigin.ExposedHeaders, ExposedHeaders(get));
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(["GET, HEAD"], preflight.Headers.GetValues("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task With_a_list_of_origins_any_other_origin_gets_no_cors_headers_and_its_browser_blocks_the_read()
    {
        await using var server = await PartnerOnlyServerAsync();

        var get = await SendAsync(server.Client, HttpMethod.Get, "/api/leaflets/bone-scan", Stranger);
        var problem = await SendAsync(server.Client, HttpMethod.Get, "/api/leaflets/no-such-leaflet", Stranger);
        var preflight = await PreflightAsync(server.Client, "/api/leaflets/bone-scan", Stranger);
        var noOrigin = await SendAsync(server.Client, HttpMethod.Get, "/api/leaflets/bone-scan", origin: null);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        foreach (var response in new[] { get, problem, preflight, noOrigin })
        {
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
            Assert.False(response.Headers.Contains("Access-Control-Expose-Headers"));
            Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
            // A shared cache must not hand this answer to a listed partner's page, nor the partner's to anyone else.
            Assert.Contains("Origin", response.Headers.Vary);
        }
    }

    [Theory]
    [InlineData("https://portal.partner.example/")]
    [InlineData("https://portal.partner.example/app")]
    [InlineData("https://*.partner.example")]
    [InlineData("* https://portal.partner.example")]
    [InlineData("https://a.example,https://b.example")]
    [InlineData("null")]
    [InlineData("portal.partner.example")]
    [InlineData("")]
    public void An_allowed_origins_setting_that_is_not_star_or_a_list_of_origins_stops_the_app_naming_the_setting(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:AllowedOrigins"] = value })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddLeafletFunctions(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CrossOriginOptions>>().Value);

        Assert.Contains("Cors:AllowedOrigins", error.Message);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://portal.partner.example")]
    [InlineData("https://portal.partner.example  http://localhost:3000 https://GP.example.nhs.uk:8443")]
    public void An_allowed_origins_setting_of_star_or_origins_is_accepted(string value)
    {
        Assert.True(new CrossOriginOptions { AllowedOrigins = value }.IsValid);
    }

    [Fact]
    public void An_origin_is_matched_whatever_the_case_of_its_scheme_and_host_in_the_setting()
    {
        var options = new CrossOriginOptions { AllowedOrigins = "https://GP.example.nhs.uk:8443" };

        Assert.True(options.Allows("https://gp.example.nhs.uk:8443"));
        Assert.False(options.Allows("https://gp.example.nhs.uk"));
        Assert.False(options.Allows("http://gp.example.nhs.uk:8443"));
    }

    private static Task<RunningServer> PartnerOnlyServerAsync() =>
        RunningServer.StartAsync(TestPaths.FixtureContent,
            services => services.Configure<CrossOriginOptions>(options => options.AllowedOrigins = Partner));

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, string? origin, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await client.SendAsync(request);
    }

    /// <summary>What Chromium sends before a fetch() with If-None-Match.</summary>
    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        return await client.SendAsync(request);
    }

    private static IReadOnlyList<string> ExposedHeaders(HttpResponseMessage response) =>
        response.Headers.GetValues("Access-Control-Expose-Headers").Single().Split(", ");
}
