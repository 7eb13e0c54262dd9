using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Rendering;
using Leaflets.Functions.Http;
using Leaflets.Functions.Routing;
using Leaflets.Functions.Site;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leaflets.Api.Tests;

/// <summary>
/// A method a route does not take is a 405 naming the ones it does, under <c>leaflets serve</c> and from the
/// catch-all function the Functions host routes such requests to.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MethodNotAllowedTests(FixtureServer fixture)
{
    public static TheoryData<string, string> KnownRoutesWithOtherMethods()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in FunctionRoute.Discover(typeof(FunctionResponse).Assembly).Where(r => !r.IsCatchAll))
        {
            var path = "/" + route.Template.Replace("{id}", "bone-scan").Replace("{file}", "scanner.png").Replace("{topic}", "imaging");
            foreach (var method in new[] { "POST", "PUT", "DELETE", "PATCH", "OPTIONS" })
            {
                data.Add(method, path);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(KnownRoutesWithOtherMethods))]
    public async Task Another_method_on_a_known_route_is_a_405_problem_with_allow(string method, string path)
    {
        var response = await fixture.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("urn:leaflets:problem:method-not-allowed", (string)problem["type"]!);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        Assert.Contains(method, (string)problem["detail"]!);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan")]
    [InlineData("/api/leaflets/no-such-leaflet/pdf")]
    public async Task A_known_route_still_answers_get_and_head_as_before(string path)
    {
        var get = await fixture.Client.GetAsync(path);
        var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/nothing-here")]
    [InlineData("DELETE", "/api/leaflets/bone-scan/extra/segments")]
    [InlineData("GET", "/api/leaflets/bone-scan/video")]
    public async Task A_path_no_route_matches_is_a_404_problem_whatever_the_method(string method, string path)
    {
        var response = await fixture.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("urn:leaflets:problem:no-such-route", (string)problem["type"]!);
        Assert.Empty(response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_method_nobody_registers_is_a_405_on_the_wire_too()
    {
        var response = await fixture.Server.SendRawAsync("/api/leaflets", "PROPFIND");

        Assert.Equal(405, response.Status);
        Assert.Contains("\r\nAllow: GET, HEAD", response.Head);
        Assert.Contains("method-not-allowed", response.Body);
    }

    [Theory]
    [InlineData("POST", "/api/leaflets/bone-scan/pdf", 405)]
    [InlineData("DELETE", "/api/health", 405)]
    [InlineData("GET", "/api/nothing-here", 404)]
    [InlineData("POST", "/api", 404)]
    public async Task The_catch_all_function_called_as_the_functions_host_calls_it_answers_the_same(string method, string path, int status)
    {
        var context = DirectCall.Request(method, path);

        await DirectCall.ExecuteAsync(context, await new Unmatched(fixture.Server.Services.GetRequiredService<SiteRoutes>(), NullLogger<Unmatched>.Instance)
            .Run(context.Request, CancellationToken.None));

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal(status == 405 ? "GET, HEAD" : "", context.Response.Headers.Allow.ToString());
    }
}
