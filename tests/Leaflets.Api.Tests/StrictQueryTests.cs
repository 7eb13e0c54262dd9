using System.Net;
using System.Text.Json.Nodes;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Functions.Http;
using Leaflets.Functions.OpenApi;

namespace Leaflets.Api.Tests;

/// <summary>
/// A query parameter a route does not take, or one given twice, is a 400 that names it and lists what the route takes,
/// on every route of both the API and the website; openapi.json declares exactly the parameters each route takes.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class StrictQueryTests(FixtureServer fixture)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,*/*;q=0.8";

    private static readonly IReadOnlyList<FunctionRoute> Routes = FunctionRoute.Discover(typeof(FunctionResponse).Assembly);

    private static string PathOf(FunctionRoute route) => route.IsCatchAll
        ? "/"
        : "/" + route.Template.Replace("{id}", "bone-scan").Replace("{file}", "scanner.png").Replace("{topic}", "imaging");

    public static TheoryData<string> EveryRoute() => new(Routes.Select(route => route.Name));

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task A_parameter_the_route_does_not_take_is_a_400_naming_it_and_what_the_route_takes(string name)
    {
        var route = Routes.Single(r => r.Name == name);
        var path = route.Template.StartsWith("assets/", StringComparison.Ordinal) ? "/assets/site.css" : PathOf(route);

        var response = await fixture.Client.GetAsync(path + "?language=cy");

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = (string)problem["detail"]!;
        Assert.Equal("urn:leaflets:problem:invalid-parameter", (string)problem["type"]!);
        Assert.Contains("'language'", detail);
        Assert.All(route.QueryParameters, accepted => Assert.Contains(accepted, detail));
        Assert.Contains(route.QueryParameters.Count == 0 ? "takes no query parameters" : "it takes: ", detail);
    }

    [Fact]
    public async Task The_list_names_lang_when_asked_for_language_instead_of_answering_every_leaflet()
    {
        var response = await fixture.Client.GetAsync("/api/leaflets?language=cy");

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            "This route takes no query parameter 'language'; it takes: q, topic, code, lang, sort, page, pageSize.",
            (string)problem["detail"]!);
    }

    [Theory]
    [InlineData("/api/leaflets?page=1&page=2", "page")]
    [InlineData("/api/leaflets/bone-scan?variant=plain&variant=easy-read", "variant")]
    [InlineData("/api/leaflets/bone-scan/pdf?size=24&Size=16", "size")]
    [InlineData("/search?q=bone&q=scan", "q")]
    public async Task A_parameter_given_twice_is_a_400_naming_it(string path, string parameter)
    {
        var response = await fixture.Client.GetAsync(path);

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith($"The query parameter '{parameter}' is given 2 times", (string)problem["detail"]!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/leaflets?Q=bone")]
    [InlineData("/api/leaflets/bone-scan?Variant=easy-read")]
    [InlineData("/api/leaflets/bone-scan/pdf?variant=easy-read&lang=en-GB&size=24&paper=A5")]
    [InlineData("/?page=1")]
    [InlineData("/search?q=bone&page=1")]
    [InlineData("/leaflets/bone-scan?variant=easy-read&lang=en-GB")]
    public async Task Every_parameter_a_route_takes_is_still_taken_whatever_its_case(string path)
    {
        var response = await fixture.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/?utm_source=newsletter")]
    [InlineData("/search?q=bone&sort=title")]
    [InlineData("/leaflets/bone-scan?size=24")]
    public async Task A_browser_gets_the_400_page_for_people_on_the_website(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(BrowserAccept);

        var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_cors_preflight_for_a_bad_query_still_succeeds_so_the_page_can_read_the_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/leaflets?language=cy");
        request.Headers.Add("Origin", "https://portal.example.org");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_path_with_a_query_is_still_a_404()
    {
        var response = await fixture.Client.GetAsync("/api/nothing-here?x=1");

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    public static TheoryData<string> ApiRoutes() => new(Routes.Where(route => route.IsApi).Select(route => route.Name));

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public void Openapi_declares_exactly_the_query_parameters_the_route_takes_on_get_and_head(string name)
    {
        var route = Routes.Single(r => r.Name == name);
        var document = JsonNode.Parse(OpenApiDocument.Load())!;
        var pathItem = document["paths"]!["/" + route.Template]!;

        foreach (var method in new[] { "get", "head" })
        {
            var declared = (pathItem[method]!["parameters"]?.AsArray() ?? [])
                .Concat(pathItem["parameters"]?.AsArray() ?? [])
                .Select(parameter => Resolve(document, parameter!))
                .Where(parameter => (string)parameter["in"]! == "query")
                .Select(parameter => (string)parameter["name"]!);
            Assert.Equal(route.QueryParameters.Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
        }
    }

    private static JsonNode Resolve(JsonNode document, JsonNode parameter)
    {
        if ((string?)parameter["$ref"] is not { } reference)
        {
            return parameter;
        }
        var node = document;
        foreach (var segment in reference.TrimStart('#', '/').Split('/'))
        {
            node = node[segment]!;
        }
        return node;
    }
}
