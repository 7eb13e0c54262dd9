using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Leaflets.Api.Tests.Infrastructure;

public static class ApiJson
{
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty JSON body.");

    /// <summary>Asserts an RFC 9457 problem with the given status and returns it.</summary>
    public static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response);
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.StartsWith("urn:leaflets:problem:", (string?)problem["type"]);
        // The path asked for: the website's routes (/assets/...) answer problems too, and they are not under /api.
        Assert.StartsWith("/", (string?)problem["instance"]);
        return problem;
    }

    /// <summary>Asserts the 400 for a query parameter outside the values offered: it names the parameter, the allowed values and what was given.</summary>
    public static async Task AssertInvalidParameterAsync(HttpResponseMessage response, string name, string allowed, string quoted)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = (string)problem["detail"]!;
        Assert.StartsWith(name, detail);
        Assert.Contains(allowed, detail);
        Assert.Contains(quoted, detail);
        Assert.Equal("urn:leaflets:problem:invalid-parameter", (string)problem["type"]!);
    }

    /// <summary>Every loaded leaflet's entry in /api/health/leaflets: its first page, which holds all of a fixture's.</summary>
    public static async Task<JsonArray> HealthLeafletsAsync(HttpClient client)
    {
        var page = await ReadAsync(await client.GetAsync("/api/health/leaflets"));
        Assert.Equal(1, (int)page["pageCount"]!);
        return page["items"]!.AsArray();
    }

    public static string Pretty(JsonNode node) => node.ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
