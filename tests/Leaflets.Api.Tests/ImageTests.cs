using System.Net;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

[Collection(ServerCollection.Name)]
public sealed class ImageTests(FixtureServer fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task An_image_is_served_with_its_content_type_and_exact_bytes()
    {
        var response = await Client.GetAsync("/api/leaflets/bone-scan/images/scanner.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var expected = await File.ReadAllBytesAsync(Path.Combine(TestPaths.FixtureContent, "leaflets", "bone-scan", "images", "scanner.png"));
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task An_image_the_leaflet_does_not_have_is_a_404()
    {
        var problem = await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets/bone-scan/images/missing.png"), HttpStatusCode.NotFound);

        Assert.Equal("Leaflet 'bone-scan' has no image 'missing.png'.", (string)problem["detail"]!);
    }

    [Fact]
    public async Task An_image_of_an_unknown_leaflet_is_a_404()
    {
        await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets/nobody/images/scanner.png"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_markdown_file_beside_the_images_is_not_an_image()
    {
        await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets/bone-scan/images/plain.md"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_that_refuses_png_gets_a_406_for_a_png_image()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/bone-scan/images/scanner.png");
        request.Headers.Add("Accept", "image/jpeg");

        await ApiJson.AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.NotAcceptable);
    }
}
