using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Rendering.Site;
using Leaflets.Functions.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>The site's static files at /assets/{file}: served from the built-in list with the API's caching rules.</summary>
[Collection(ServerCollection.Name)]
public sealed class SiteAssetTests(FixtureServer fixture)
{
    private HttpClient Client => fixture.Client;

    public static TheoryData<string, string> Assets => new()
    {
        { SiteAssets.FontsStyleSheet, "text/css; charset=utf-8" },
        { SiteAssets.RegularFont, "font/ttf" },
        { SiteAssets.BoldFont, "font/ttf" },
        { SiteAssets.FontLicence, "text/plain; charset=utf-8" },
    };

    [Theory]
    [MemberData(nameof(Assets))]
    public async Task Each_asset_is_served_with_its_media_type_bytes_entity_tag_and_a_day_of_caching(string file, string contentType)
    {
        var response = await Client.GetAsync("/assets/" + file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        SiteAssets.TryGet(file, out var asset);
        Assert.Equal(asset!.Bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{asset.Version}\"", response.Headers.ETag!.Tag);
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl!.ToString());
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Theory]
    [MemberData(nameof(Assets))]
    public async Task If_None_Match_with_the_entity_tag_answers_304_with_no_body_and_the_same_validators(string file, string contentType)
    {
        var first = await Client.GetAsync("/assets/" + file);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/" + file);
        request.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);

        var revalidated = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, revalidated.Headers.ETag);
        Assert.Equal(first.Headers.CacheControl, revalidated.Headers.CacheControl);
        Assert.NotEqual(contentType, revalidated.Content.Headers.ContentType?.ToString());
    }

    [Theory]
    [MemberData(nameof(Assets))]
    public async Task HEAD_sends_the_headers_of_GET_and_no_body(string file, string contentType)
    {
        var get = await Client.GetAsync("/assets/" + file);

        var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/assets/" + file));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(contentType, head.Content.Headers.ContentType!.ToString());
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
    }

    [Theory]
    [InlineData("/assets/site.js", "site.js")]
    [InlineData("/assets/FONTS.CSS", "FONTS.CSS")]
    [InlineData("/assets/AtkinsonHyperlegible_400Regular.ttf", "AtkinsonHyperlegible_400Regular.ttf")]
    public async Task A_file_not_in_the_list_is_a_404_problem_naming_it(string target, string file)
    {
        foreach (var method in new[] { "GET", "HEAD" })
        {
            var response = await fixture.Server.SendRawAsync(target, method);

            Assert.Equal(404, response.Status);
            Assert.Contains("Content-Type: application/problem+json", response.Head);
            Assert.Contains("Cache-Control: no-store", response.Head);
        }
        var body = (await fixture.Server.SendRawAsync(target)).Body;
        Assert.Contains("\"type\":\"urn:leaflets:problem:unknown-asset\"", body);
        Assert.Contains($"The site has no file '{file}' under /assets/.", body);
    }

    [Theory]
    [InlineData("/assets/%2Fetc%2Fpasswd")]
    [InlineData("/assets/Fonts%2FLICENSE_FONT")]
    [InlineData("/assets/fonts.css/x")]
    [InlineData("/assets/")]
    [InlineData("/assets")]
    public async Task A_path_that_is_not_one_name_under_assets_is_a_404_problem_and_no_file(string target)
    {
        // An escaped slash keeps the path more than one segment to the router: the catch-all answers, as for any unknown path.
        var response = await fixture.Server.SendRawAsync(target);

        Assert.Equal(404, response.Status);
        Assert.Contains("Content-Type: application/problem+json", response.Head);
        Assert.DoesNotContain("Open Font License", response.Body);
        Assert.DoesNotContain("@font-face", response.Body);
    }

    [Theory]
    [InlineData("/assets/../assets/fonts.css")]
    [InlineData("/assets/..%2F..%2Fhost.json")]
    [InlineData("/assets/%2e%2e%2fsecret.txt")]
    [InlineData("/assets/%2E%2E/LICENSE_FONT")]
    [InlineData("/assets/..%5C..%5Csecret.txt")]
    [InlineData("/assets/..\\..\\secret.txt")]
    public async Task A_dot_dot_segment_escaped_or_not_is_refused_and_never_reaches_a_file(string target)
    {
        var response = await fixture.Server.SendRawAsync(target);

        // Refused before any route is chosen (RequestTarget): a 400 problem, as for every other route.
        Assert.Equal(400, response.Status);
        Assert.Contains("Content-Type: application/problem+json", response.Head);
        Assert.DoesNotContain(TestPaths.Secret, response.Body);
        Assert.DoesNotContain("@font-face", response.Body);
    }

    [Fact]
    public async Task A_client_that_refuses_css_gets_a_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/" + SiteAssets.FontsStyleSheet);
        request.Headers.Add("Accept", "application/json");

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_max_age_of_assets_is_its_own_setting()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot, services =>
            services.Configure<HttpResponseOptions>(options => (options.AssetCacheMaxAgeSeconds, options.CacheMaxAgeSeconds) = (600, 60)));

        var response = await server.Client.GetAsync("/assets/" + SiteAssets.RegularFont);

        Assert.Equal("public, max-age=600", response.Headers.CacheControl!.ToString());
    }
}
