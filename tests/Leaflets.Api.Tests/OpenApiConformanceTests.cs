using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Cli.Hosting;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Rendering;
using Leaflets.Functions.Http;
using Leaflets.Functions.OpenApi;

namespace Leaflets.Api.Tests;

/// <summary>Real responses of every route, checked against the schemas the OpenAPI document declares for them.</summary>
[Collection(ServerCollection.Name)]
public sealed class OpenApiConformanceTests(FixtureServer fixture)
{
    private static readonly JsonNode Document = JsonNode.Parse(OpenApiDocument.Load())!;

    public static TheoryData<string, string, string, string?> Exchanges => new()
    {
        // template, method, request, If-None-Match ("etag" = the current one)
        { "/api/leaflets", "get", "/api/leaflets", null },
        { "/api/leaflets", "get", "/api/leaflets?q=scan&topic=imaging&code=SNOMED-CT|41747008&page=1&pageSize=1", null },
        { "/api/leaflets", "get", "/api/leaflets?page=2&pageSize=1", null },
        { "/api/leaflets", "get", "/api/leaflets?pageSize=1000", null },
        { "/api/leaflets", "get", "/api/leaflets", "etag" },
        { "/api/leaflets", "head", "/api/leaflets", null },
        { "/api/leaflets/{id}", "get", "/api/leaflets/bone-scan", null },
        { "/api/leaflets/{id}", "get", "/api/leaflets/bone-scan?variant=easy-read", null },
        { "/api/leaflets/{id}", "get", "/api/leaflets/blood-test", null },
        { "/api/leaflets/{id}", "get", "/api/leaflets/bone-scan", "etag" },
        { "/api/leaflets/{id}", "get", "/api/leaflets/blood-test?variant=easy-read", null },
        { "/api/leaflets/{id}", "get", "/api/leaflets/unknown", null },
        { "/api/leaflets/{id}", "get", "/api/leaflets/bone-scan?variant=audio", null },
        { "/api/leaflets/{id}", "get", "/api/leaflets/Bad_Id", null },
        { "/api/leaflets/{id}", "head", "/api/leaflets/bone-scan", null },
        { "/api/leaflets/{id}", "get", "/api/leaflets/bone-scan?lang=cy", null },
        { "/api/leaflets/{id}", "get", "/api/leaflets/bone-scan?lang=cy", "etag" },
        { "/api/leaflets/{id}", "head", "/api/leaflets/bone-scan?lang=cy", null },
        { "/api/leaflets/{id}", "get", "/api/leaflets/bone-scan?variant=easy-read&lang=cy", null },
        { "/api/leaflets/{id}", "get", "/api/leaflets/bone-scan?lang=not_a_tag", null },
        { "/api/leaflets/{id}/html", "get", "/api/leaflets/bone-scan/html?lang=cy", null },
        { "/api/leaflets/{id}/html", "get", "/api/leaflets/bone-scan/html?lang=fr", null },
        { "/api/leaflets/{id}/pdf", "get", "/api/leaflets/bone-scan/pdf?lang=cy", null },
        { "/api/leaflets/{id}/pdf", "get", "/api/leaflets/bone-scan/pdf?lang=cy", "etag" },
        { "/api/leaflets", "get", "/api/leaflets?lang=cy", null },
        { "/api/leaflets", "get", "/api/leaflets?lang=en-GB-", null },
        { "/api/leaflets/{id}/html", "get", "/api/leaflets/bone-scan/html", null },
        { "/api/leaflets/{id}/html", "get", "/api/leaflets/bone-scan/html?variant=easy-read", null },
        { "/api/leaflets/{id}/html", "get", "/api/leaflets/bone-scan/html", "etag" },
        { "/api/leaflets/{id}/html", "get", "/api/leaflets/blood-test/html?variant=easy-read", null },
        { "/api/leaflets/{id}/html", "get", "/api/leaflets/unknown/html", null },
        { "/api/leaflets/{id}/html", "get", "/api/leaflets/bone-scan/html?variant=audio", null },
        { "/api/leaflets/{id}/html", "head", "/api/leaflets/bone-scan/html", null },
        { "/api/leaflets/{id}/images/{file}", "get", "/api/leaflets/bone-scan/images/scanner.png", null },
        { "/api/leaflets/{id}/images/{file}", "get", "/api/leaflets/bone-scan/images/scanner.png", "etag" },
        { "/api/leaflets/{id}/images/{file}", "get", "/api/leaflets/bone-scan/images/none.png", null },
        { "/api/leaflets/{id}/images/{file}", "get", "/api/leaflets/bone-scan/images/bad%20name", null },
        { "/api/leaflets/{id}/pdf", "get", "/api/leaflets/bone-scan/pdf", null },
        { "/api/leaflets/{id}/pdf", "get", "/api/leaflets/bone-scan/pdf?variant=easy-read&size=24&paper=letter", null },
        { "/api/leaflets/{id}/pdf", "get", "/api/leaflets/bone-scan/pdf", "etag" },
        { "/api/leaflets/{id}/pdf", "head", "/api/leaflets/bone-scan/pdf?paper=A5", null },
        { "/api/leaflets/{id}/pdf", "get", "/api/leaflets/bone-scan/pdf?size=12", null },
        { "/api/leaflets/{id}/pdf", "get", "/api/leaflets/bone-scan/pdf?paper=B4", null },
        { "/api/leaflets/{id}/pdf", "get", "/api/leaflets/bone-scan/pdf?variant=audio", null },
        { "/api/leaflets/{id}/pdf", "get", "/api/leaflets/blood-test/pdf?variant=easy-read", null },
        { "/api/leaflets/{id}/pdf", "get", "/api/leaflets/unknown/pdf", null },
        { "/api/manifest", "get", "/api/manifest", null },
        { "/api/manifest", "get", "/api/manifest?modifiedSince=2026-11-02T08:15:30Z", null },
        { "/api/manifest", "get", "/api/manifest?modifiedSince=2099-01-01T00:00:00Z", null },
        { "/api/manifest", "get", "/api/manifest?modifiedSince=yesterday", null },
        { "/api/manifest", "get", "/api/manifest", "etag" },
        { "/api/manifest", "head", "/api/manifest", null },
        { "/api/health", "get", "/api/health", null },
        { "/api/health", "head", "/api/health", null },
        { "/api/openapi.json", "get", "/api/openapi.json", null },
        { "/api/openapi.json", "get", "/api/openapi.json", "etag" },
    };

    [Theory]
    [MemberData(nameof(Exchanges))]
    public async Task A_real_response_matches_the_documented_status_headers_and_schema(string template, string method, string route, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), route);
        if (ifNoneMatch == "etag")
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", (await fixture.Client.GetAsync(route)).Headers.ETag!.Tag);
        }
        var response = await fixture.Client.SendAsync(request);

        AssertConforms(template, method, response, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/leaflets/{id}", "/api/leaflets/bone-scan", "application/json")]
    [InlineData("/api/leaflets/{id}", "/api/leaflets/bone-scan", "application/ld+json")]
    [InlineData("/api/leaflets/{id}", "/api/leaflets/bone-scan?variant=easy-read", "application/ld+json")]
    [InlineData("/api/leaflets/{id}", "/api/leaflets/bone-scan", "text/html")]
    [InlineData("/api/leaflets/{id}", "/api/leaflets/bone-scan", "image/png")]
    [InlineData("/api/leaflets/{id}/html", "/api/leaflets/bone-scan/html", "application/json")]
    public async Task Each_representation_chosen_by_Accept_matches_its_documented_media_type_and_schema(string template, string route, string accept)
    {
        foreach (var method in new[] { "get", "head" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), route);
            request.Headers.Add("Accept", accept);
            var response = await fixture.Client.SendAsync(request);

            AssertConforms(template, method, response, await response.Content.ReadAsByteArrayAsync());
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task A_leaflet_in_a_language_without_a_formula_matches_the_schema_with_a_null_reading_age_and_its_reason()
    {
        // Synthetic Welsh, written for this test.
        var readability = await ReadabilityOfOneParagraphLeaflet("cy", "gweld-y-meddyg", "Mae'r meddyg yn eich gweld. Arhoswch yma nes i'r nyrs eich galw.");

        Assert.Equal(
            ["language", "formula", "words", "sentences", "averageSentenceWords", "longestSentenceWords", "readingAge", "noReadingAge"],
            readability.Select(property => property.Key));
        Assert.Equal(("cy", 12, 7), ((string)readability["language"]!, (int)readability["words"]!, (int)readability["longestSentenceWords"]!));
        Assert.Null(readability["readingAge"]);
        Assert.Equal("no-formula-for-language", (string)readability["noReadingAge"]!["reason"]!);
    }

    [Fact]
    public async Task A_spanish_leaflet_matches_the_schema_with_its_formula_its_reading_ease_and_a_null_reading_age()
    {
        // Synthetic Spanish, written for this test: 13 words, 23 syllables, 2 sentences (see LanguageFormulaTests).
        var readability = await ReadabilityOfOneParagraphLeaflet("es", "ver-al-medico", "El médico le verá pronto. Tome la pastilla con agua después de comer.");

        Assert.Equal(
            ["language", "formula", "words", "sentences", "syllables", "averageSentenceWords", "longestSentenceWords", "readingEase", "readingAge", "noReadingAge"],
            readability.Select(property => property.Key));
        Assert.Equal(("fernandez-huerta", 23, 94.1), ((string)readability["formula"]!, (int)readability["syllables"]!, (double)readability["readingEase"]!));
        Assert.Null(readability["readingAge"]);
        Assert.Equal("formula-gives-ease-not-age", (string)readability["noReadingAge"]!["reason"]!);
    }

    /// <summary>Serves a content root holding one plain leaflet of one paragraph, checks its JSON against the schema and returns its readability.</summary>
    private static async Task<JsonObject> ReadabilityOfOneParagraphLeaflet(string language, string id, string paragraph)
    {
        var content = Directory.CreateTempSubdirectory($"leaflets-openapi-{language}-");
        try
        {
            var plain = Path.Combine(content.FullName, "leaflets", id, "plain.md");
            Directory.CreateDirectory(Path.GetDirectoryName(plain)!);
            await File.WriteAllTextAsync(plain, Leaflets.Content.Tests.Loading.ContentFixture.PlainFrontMatter.Replace("language: en-GB", $"language: {language}", StringComparison.Ordinal)
                + "\n" + paragraph + "\n");
            await using var server = await RunningServer.StartAsync(content.FullName);

            var response = await server.Client.GetAsync($"/api/leaflets/{id}");
            var body = await response.Content.ReadAsByteArrayAsync();

            AssertConforms("/api/leaflets/{id}", "get", response, body);
            return JsonNode.Parse(body)!["readability"]!.AsObject();
        }
        finally
        {
            content.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_406_for_accept_language_matches_the_documented_problem_and_headers()
    {
        foreach (var template in new[] { "/api/leaflets/{id}", "/api/leaflets/{id}/html", "/api/leaflets/{id}/pdf" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, template.Replace("{id}", "bone-scan", StringComparison.Ordinal));
            request.Headers.TryAddWithoutValidation("Accept-Language", "fr, *;q=0");
            var response = await fixture.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
            AssertConforms(template, "get", response, await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_406_and_a_500_match_the_documented_problem_schema()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets");
        request.Headers.Add("Accept", "text/csv");
        var notAcceptable = await fixture.Client.SendAsync(request);
        AssertConforms("/api/leaflets", "get", notAcceptable, await notAcceptable.Content.ReadAsByteArrayAsync());

        var missing = Path.Combine(Path.GetTempPath(), "leaflets-api-tests", "missing-" + Guid.NewGuid().ToString("N"));
        await using var failing = await RunningServer.StartAsync(missing);
        var error = await failing.Client.GetAsync("/api/leaflets/bone-scan");
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        AssertConforms("/api/leaflets/{id}", "get", error, await error.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_503_before_the_first_load_matches_the_documented_problem_and_retry_after_on_every_catalog_route()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var loading = await RunningServer.StartWithAHangingSourceAsync(sandbox.ContentRoot);

        foreach (var (template, route) in new[]
        {
            ("/api/leaflets", "/api/leaflets"),
            ("/api/leaflets/{id}", "/api/leaflets/bone-scan"),
            ("/api/leaflets/{id}/html", "/api/leaflets/bone-scan/html"),
            ("/api/leaflets/{id}/images/{file}", "/api/leaflets/bone-scan/images/scanner.png"),
            ("/api/leaflets/{id}/pdf", "/api/leaflets/bone-scan/pdf"),
            ("/api/manifest", "/api/manifest"),
            ("/api/health", "/api/health"),
        })
        {
            var response = await loading.Client.GetAsync(route);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            AssertConforms(template, "get", response, await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public void Every_function_route_and_its_parameters_are_documented_for_get_and_head()
    {
        // The catch-all and the website's pages are not the API.
        var routes = FunctionRoute.Discover(typeof(FunctionResponse).Assembly)
            .Where(route => route.IsApi && !route.IsCatchAll).ToList();

        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var path = Document["paths"]!["/" + route.Template];
            Assert.True(path is not null, $"{route.Template} ({route.Name}) is not in openapi.json");
            foreach (var method in route.Methods!)
            {
                var operation = path![method.ToLowerInvariant()];
                Assert.True(operation is not null, $"{method} {route.Template} is not in openapi.json");
                var documented = operation!["parameters"]?.AsArray().Select(p => Resolve(p!)["name"]!.GetValue<string>()).ToHashSet() ?? [];
                foreach (var parameter in route.Method.GetParameters().Where(p => p.ParameterType == typeof(string)))
                {
                    Assert.Contains(parameter.Name!, documented);
                }
            }
        }
        Assert.Equal(routes.Count, Document["paths"]!.AsObject().Count);
    }

    [Fact]
    public void The_leaflet_call_declares_json_alone_so_a_generated_client_gets_one_body()
    {
        var ok = Document["paths"]!["/api/leaflets/{id}"]!["get"]!["responses"]!["200"]!;

        Assert.Equal(["application/json"], ok["content"]!.AsObject().Select(entry => entry.Key));
        Assert.Equal(["application/ld+json", "text/html"], ok["x-other-representations"]!.AsObject().Select(entry => entry.Key));
    }

    [Theory]
    [InlineData("/api/leaflets/{id}/pdf", "application/pdf")]
    [InlineData("/api/leaflets/{id}/images/{file}", "image/png")]
    public void Pdfs_and_images_are_declared_binary(string template, string mediaType)
    {
        var schema = Document["paths"]![template]!["get"]!["responses"]!["200"]!["content"]![mediaType]!["schema"]!;

        Assert.Equal(("string", "binary", mediaType), ((string)schema["type"]!, (string)schema["format"]!, (string)schema["contentMediaType"]!));
    }

    public static TheoryData<string> DocumentedExamples()
    {
        var data = new TheoryData<string>();
        foreach (var (pointer, _) in ResponsesWithContent())
        {
            data.Add(pointer);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public void Every_response_with_a_json_or_html_body_has_an_example_that_matches_its_schema(string pointer)
    {
        var (_, content) = ResponsesWithContent().Single(response => response.Pointer == pointer);

        foreach (var (mediaType, entry) in content)
        {
            if (entry!["schema"]!["format"]?.GetValue<string>() == "binary")
            {
                continue;
            }
            var example = entry["example"];
            Assert.True(example is not null, $"{pointer} {mediaType} has no example");
            if (mediaType.Contains("json"))
            {
                var results = SchemaFor(entry["schema"]!).Evaluate(JsonDocument.Parse(example!.ToJsonString()).RootElement,
                    new EvaluationOptions { OutputFormat = OutputFormat.List });
                Assert.True(results.IsValid, $"The example of {pointer} {mediaType} does not match its schema:\n{JsonSerializer.Serialize(results)}");
            }
        }
    }

    /// <summary>Every response object in the document that has a body (the 304s and HEADs have none), by JSON pointer.</summary>
    private static IEnumerable<(string Pointer, JsonObject Content)> ResponsesWithContent()
    {
        foreach (var (path, item) in Document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    if (response!["content"] is JsonObject content)
                    {
                        yield return ($"/paths/{path}/{method}/responses/{status}", content);
                    }
                }
            }
        }
        foreach (var (name, response) in Document["components"]!["responses"]!.AsObject())
        {
            if (response!["content"] is JsonObject content)
            {
                yield return ($"/components/responses/{name}", content);
            }
        }
    }

    internal static void AssertConforms(string template, string method, HttpResponseMessage response, byte[] body)
    {
        var status = ((int)response.StatusCode).ToString();
        var declared = Document["paths"]![template]![method]!["responses"]![status];
        Assert.True(declared is not null, $"{method.ToUpperInvariant()} {template} answered {status}, which openapi.json does not declare");
        var documented = Resolve(declared!);

        foreach (var header in documented["headers"]?.AsObject().Select(h => h.Key) ?? [])
        {
            Assert.True(response.Headers.NonValidated.Contains(header) || response.Content.Headers.NonValidated.Contains(header),
                $"{status} from {template} lacks the documented {header} header");
        }

        var content = documented["content"]?.AsObject();
        if (content is null || method == "head")
        {
            Assert.Empty(body);
            return;
        }
        var mediaType = response.Content.Headers.ContentType!.MediaType!;
        // GET /api/leaflets/{id} declares JSON alone as content, so generated clients get one body; its JSON-LD and HTML
        // are documented under x-other-representations and checked here all the same.
        var schema = (content[mediaType] ?? documented["x-other-representations"]?[mediaType])?["schema"];
        Assert.True(schema is not null, $"{status} from {template} is {mediaType}, which openapi.json does not declare");
        if (mediaType == "application/pdf")
        {
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 5)));
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(body);
            Assert.True(pdf.NumberOfPages > 0);
            return;
        }
        if (!mediaType.Contains("json"))
        {
            Assert.NotEmpty(body);
            return;
        }

        var results = SchemaFor(schema!).Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, $"{status} from {template} does not match its schema:\n{JsonSerializer.Serialize(results)}");
    }

    /// <summary>
    /// One JSON Schema 2020-12 document holding the OpenAPI component schemas as $defs, so that the
    /// document's own $refs resolve exactly as written.
    /// </summary>
    private static JsonSchema SchemaFor(JsonNode schema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://leaflets.test/schema/{Guid.NewGuid():N}",
            ["$defs"] = Document["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text);
    }

    private static JsonNode Resolve(JsonNode node)
    {
        while (node["$ref"] is { } reference)
        {
            var pointer = reference.GetValue<string>().TrimStart('#', '/').Split('/');
            node = pointer.Aggregate(Document, (current, segment) => current[segment]!);
        }
        return node;
    }
}
