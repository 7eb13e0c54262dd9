using System.Net;
using System.Text.Json.Nodes;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

/// <summary>The repository's real leaflet, served by the real host, as partner apps will see it.</summary>
public sealed class CementoplastyTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(TestPaths.RepositoryContent);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Cementoplasty_is_listed_with_both_variants_and_is_overdue_for_review()
    {
        var list = await ApiJson.ReadAsync(await _server.Client.GetAsync("/api/leaflets?code=SNOMED-CT|94222008"));

        var item = list["items"]!.AsArray().Single()!;
        Assert.Equal("cementoplasty", (string)item["id"]!);
        Assert.Equal(["plain", "easy-read"], item["variants"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("overdue", (string)item["reviewStatus"]!);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("easy-read")]
    public async Task Each_cementoplasty_variant_is_served_overdue_and_every_image_it_shows_resolves(string variant)
    {
        var response = await _server.Client.GetAsync("/api/leaflets/cementoplasty?variant=" + variant);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var leaflet = await ApiJson.ReadAsync(response);
        Assert.Equal(variant, (string)leaflet["variant"]!);
        Assert.Equal("overdue", (string)leaflet["reviewStatus"]!);
        Assert.Equal(["plain", "easy-read"], leaflet["variants"]!.AsArray().Select(v => (string)v!));
        Assert.NotEmpty(leaflet["blocks"]!.AsArray());
        foreach (var (file, url) in leaflet["links"]!["images"]!.AsObject())
        {
            var image = await _server.Client.GetAsync((string)url!);
            Assert.True(image.StatusCode == HttpStatusCode.OK, $"{file} answered {image.StatusCode}");
            Assert.StartsWith("image/", image.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task The_repository_content_is_healthy()
    {
        var health = await ApiJson.ReadAsync(await _server.Client.GetAsync("/api/health"));

        Assert.Equal("ok", (string)health["status"]!);
        Assert.Contains(await ApiJson.HealthLeafletsAsync(_server.Client), leaflet => (string)leaflet!["id"]! == "cementoplasty");
    }

    [Fact]
    public async Task The_easy_read_variant_uses_picture_rows()
    {
        var leaflet = await ApiJson.ReadAsync(await _server.Client.GetAsync("/api/leaflets/cementoplasty?variant=easy-read"));

        Assert.Contains(leaflet["blocks"]!.AsArray(), block => (string)block!["type"]! == "row");
        Assert.All(Rows(leaflet), row => Assert.StartsWith(_server.Address + "api/leaflets/cementoplasty/images/", (string)row["figure"]!["src"]!));
    }

    private static IEnumerable<JsonNode> Rows(JsonNode leaflet) =>
        leaflet["blocks"]!.AsArray().Where(block => (string)block!["type"]! == "row").Select(block => block!);
}
