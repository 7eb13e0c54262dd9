using System.Globalization;
using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Leaflets.Api.Tests;

/// <summary>GET /api/leaflets/{id}/pdf over the repository's real leaflet, served by the real host.</summary>
public sealed class PdfRouteTests : IAsyncLifetime
{
    private readonly CountingPdfRenderer _renderer = new();
    private RunningServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await StartAsync(_renderer);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Task<RunningServer> StartAsync(ILeafletPdfRenderer renderer, Action<IServiceCollection>? configure = null) =>
        RunningServer.StartAsync(TestPaths.RepositoryContent, services =>
        {
            services.AddSingleton(renderer);
            configure?.Invoke(services);
        });

    [Theory]
    [InlineData("plain", "", "cementoplasty-plain-18pt-a4-v1.pdf", 18, 595.3, 841.9)]
    [InlineData("easy-read", "", "cementoplasty-easy-read-18pt-a4-v1.pdf", 18, 595.3, 841.9)]
    [InlineData("plain", "&size=16&paper=a5", "cementoplasty-plain-16pt-a5-v1.pdf", 16, 419.5, 595.3)]
    [InlineData("easy-read", "&size=24&paper=LETTER", "cementoplasty-easy-read-24pt-letter-v1.pdf", 24, 612, 792)]
    [InlineData("easy-read", "&size=20&paper=A4", "cementoplasty-easy-read-20pt-a4-v1.pdf", 20, 595.3, 841.9)]
    public async Task A_variant_is_served_as_a_pdf_of_the_requested_size_and_paper(
        string variant, string options, string fileName, int size, double width, double height)
    {
        var response = await Client.GetAsync($"/api/leaflets/cementoplasty/pdf?variant={variant}{options}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"inline; filename=\"{fileName}\"", string.Join(",", response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        // When its files last changed: the repository's copy is dated by its checkout, long after the review fell due.
        var json = await ApiJson.ReadAsync(await Client.GetAsync($"/api/leaflets/cementoplasty?variant={variant}"));
        Assert.Equal(DateTimeOffset.Parse((string)json["dateModified"]!, CultureInfo.InvariantCulture), response.Content.Headers.LastModified);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.NumberOfPages > 1);
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal(width, page.Width, 0);
            Assert.Equal(height, page.Height, 0);
            var smallest = page.Letters.Where(letter => !string.IsNullOrWhiteSpace(letter.Value)).Min(letter => letter.PointSize);
            Assert.True(smallest >= size - 0.01, $"page {page.Number}: a glyph is {smallest} pt, below {size} pt");
        }
    }

    [Fact]
    public async Task The_same_request_gives_the_same_bytes_and_etag_even_from_a_fresh_server()
    {
        const string route = "/api/leaflets/cementoplasty/pdf?variant=easy-read";
        var first = await Client.GetAsync(route);
        var second = await Client.GetAsync(route);
        await using var other = await StartAsync(new CountingPdfRenderer());
        var fresh = await other.Client.GetAsync(route);

        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes, await fresh.Content.ReadAsByteArrayAsync());
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Matches("^\"[0-9a-f]{32}\"$", first.Headers.ETag.Tag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Headers.ETag, fresh.Headers.ETag);
    }

    [Fact]
    public async Task Each_variant_size_and_paper_has_its_own_etag()
    {
        string[] routes =
        [
            "/api/leaflets/cementoplasty/pdf",
            "/api/leaflets/cementoplasty/pdf?variant=easy-read",
            "/api/leaflets/cementoplasty/pdf?size=20",
            "/api/leaflets/cementoplasty/pdf?paper=letter",
            "/api/leaflets/cementoplasty",
        ];
        var tags = new List<string>();
        foreach (var route in routes)
        {
            tags.Add((await Client.GetAsync(route)).Headers.ETag!.Tag);
        }

        Assert.Equal(routes.Length, tags.Distinct().Count());
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_is_a_304_with_no_body_and_no_new_render()
    {
        const string route = "/api/leaflets/cementoplasty/pdf?size=24";
        var tag = (await Client.GetAsync(route)).Headers.ETag!.Tag;
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.TryAddWithoutValidation("If-None-Match", tag);

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, response.Headers.ETag!.Tag);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        Assert.Equal(1, _renderer.Renders);
    }

    [Fact]
    public async Task A_304_is_answered_without_rendering_at_all()
    {
        var tag = (await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/leaflets/cementoplasty/pdf"))).Headers.ETag!.Tag;
        await using var other = await StartAsync(_renderer);
        var before = _renderer.Renders;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/cementoplasty/pdf");
        request.Headers.TryAddWithoutValidation("If-None-Match", tag);

        var response = await other.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(before, _renderer.Renders);
    }

    [Fact]
    public async Task Head_answers_like_get_with_no_body()
    {
        var get = await Client.GetAsync("/api/leaflets/cementoplasty/pdf?paper=a5");
        var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/leaflets/cementoplasty/pdf?paper=a5"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.True(head.Content.Headers.ContentLength > 1000);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Content.Headers.ContentDisposition, head.Content.Headers.ContentDisposition);
    }

    [Theory]
    [InlineData("size=17", "size", "16, 18, 20, 24", "'17'")]
    [InlineData("size=large", "size", "16, 18, 20, 24", "'large'")]
    [InlineData("size=18.0", "size", "16, 18, 20, 24", "'18.0'")]
    [InlineData("paper=B5", "paper", "A4, A5, Letter", "'B5'")]
    [InlineData("paper=4", "paper", "A4, A5, Letter", "'4'")]
    [InlineData("variant=audio", "variant", "plain, easy-read", "'audio'")]
    public async Task A_parameter_outside_those_offered_is_a_400_naming_the_allowed_values(string query, string name, string allowed, string quoted)
    {
        var response = await Client.GetAsync("/api/leaflets/cementoplasty/pdf?" + query);

        await ApiJson.AssertInvalidParameterAsync(response, name, allowed, quoted);
        Assert.Equal(0, _renderer.Renders);
    }

    [Theory]
    [InlineData("/api/leaflets/no-such-leaflet/pdf", "urn:leaflets:problem:unknown-leaflet")]
    [InlineData("/api/leaflets/Bad_Id/pdf", "urn:leaflets:problem:invalid-parameter")]
    public async Task An_unknown_or_malformed_leaflet_id_is_a_problem(string route, string type)
    {
        var response = await Client.GetAsync(route);

        var problem = await ApiJson.AssertProblemAsync(response, type.EndsWith("unknown-leaflet") ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
        Assert.Equal(type, (string)problem["type"]!);
    }

    [Fact]
    public async Task A_variant_the_leaflet_lacks_is_a_404_naming_the_variants_it_has()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);

        var response = await server.Client.GetAsync("/api/leaflets/blood-test/pdf?variant=easy-read");

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("urn:leaflets:problem:missing-variant", (string)problem["type"]!);
        Assert.EndsWith("it has: plain.", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Concurrent_requests_for_the_same_uncached_pdf_render_it_once()
    {
        var slow = new CountingPdfRenderer(TimeSpan.FromMilliseconds(300));
        await using var server = await StartAsync(slow);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => server.Client.GetAsync("/api/leaflets/cementoplasty/pdf?variant=easy-read&size=20")));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(response => response.Content.ReadAsByteArrayAsync()));
        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
        Assert.Equal(1, slow.Renders);
    }

    [Fact]
    public async Task The_leaflet_json_links_to_the_pdf_of_each_variant_and_the_links_work()
    {
        var leaflet = await ApiJson.ReadAsync(await Client.GetAsync("/api/leaflets/cementoplasty"));

        var links = leaflet["links"]!["pdf"]!;
        Assert.Equal(_server.Address + "api/leaflets/cementoplasty/pdf", (string)links["plain"]!);
        Assert.Equal(_server.Address + "api/leaflets/cementoplasty/pdf?variant=easy-read", (string)links["easy-read"]!);
        foreach (var link in new[] { (string)links["plain"]!, (string)links["easy-read"]! })
        {
            var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, link));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        }
    }
}
