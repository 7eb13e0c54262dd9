using System.Net;
using System.Net.Http.Headers;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

[Collection(ServerCollection.Name)]
public sealed class CachingTests(FixtureServer fixture)
{
    private HttpClient Client => fixture.Client;

    private static readonly string[] ContentRouteList =
    [
        "/api/leaflets",
        "/api/leaflets?q=bone&pageSize=5",
        "/api/leaflets/bone-scan",
        "/api/leaflets/bone-scan?variant=easy-read",
        "/api/leaflets/bone-scan/html?variant=easy-read",
        "/api/leaflets/bone-scan/images/scanner.png",
    ];

    public static TheoryData<string> ContentRoutes => new(ContentRouteList);

    /// <summary>
    /// A leaflet's own routes choose its language by Accept-Language too; the list and the images do not. Every body but
    /// an image's may be compressed, so it varies by Accept-Encoding.
    /// </summary>
    private static string[] VaryOf(string route) => route.Contains("/images/", StringComparison.Ordinal)
        ? ["Accept"]
        : route.StartsWith("/api/leaflets/bone-scan", StringComparison.Ordinal)
            ? ["Accept", "Accept-Language", "Accept-Encoding"]
            : ["Accept", "Accept-Encoding"];

    [Theory]
    [MemberData(nameof(ContentRoutes))]
    public async Task A_content_response_has_a_strong_etag_cache_control_and_last_modified(string route)
    {
        var response = await Client.GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tag = response.Headers.ETag!;
        Assert.False(tag.IsWeak);
        Assert.Matches("^\"[0-9a-f]{32}\"$", tag.Tag);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(VaryOf(route), response.Headers.Vary);
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan")]
    [InlineData("/api/leaflets/bone-scan?variant=easy-read")]
    [InlineData("/api/leaflets/bone-scan/html")]
    [InlineData("/leaflets/bone-scan")]
    [InlineData("/api/leaflets/bone-scan/images/scanner.png")]
    public async Task Last_modified_is_when_the_leaflets_files_were_last_written_not_its_review_date(string route)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Accept.ParseAdd("*/*");

        var response = await Client.SendAsync(request);

        Assert.Equal(TestTime.ContentWritten, response.Content.Headers.LastModified);
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan")]
    [InlineData("/api/leaflets/bone-scan/html?variant=easy-read")]
    [InlineData("/api/leaflets/bone-scan/images/scanner.png")]
    [InlineData("/leaflets/bone-scan")]
    public async Task If_modified_since_at_or_after_last_modified_is_a_304_on_get_and_head(string route)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            var response = await SendAsync(method, route, ifNoneMatch: null, ifModifiedSince: TestTime.ContentWritten);

            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task If_modified_since_before_last_modified_gets_the_full_response()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/leaflets/bone-scan", null, TestTime.ContentWritten.AddSeconds(-1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_none_match_decides_and_if_modified_since_is_then_ignored()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/leaflets/bone-scan", "\"0000\"", TestTime.ContentWritten.AddYears(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("Mon, 02 Nov 2026 08:15:30 GMT, Mon, 02 Nov 2026 08:15:30 GMT")]
    public async Task An_if_modified_since_that_is_not_one_http_date_is_ignored(string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/bone-scan");
        request.Headers.TryAddWithoutValidation("If-Modified-Since", value);

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/leaflets")]
    [InlineData("/")]
    public async Task A_body_that_mixes_leaflets_is_not_validated_by_if_modified_since_since_a_removal_would_not_move_its_date(string route)
    {
        var response = await SendAsync(HttpMethod.Get, route, null, TestTime.ContentWritten.AddYears(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestTime.ContentWritten, response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Each_variant_and_representation_has_its_own_etag()
    {
        var tags = new List<string>();
        foreach (var route in ContentRouteList)
        {
            tags.Add((await Client.GetAsync(route)).Headers.ETag!.Tag);
        }

        Assert.Equal(tags.Count, tags.Distinct().Count());
    }

    [Fact]
    public async Task The_same_request_gets_the_same_etag()
    {
        var first = await Client.GetAsync("/api/leaflets/bone-scan");
        var second = await Client.GetAsync("/api/leaflets/bone-scan");

        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(ContentRoutes))]
    public async Task If_none_match_with_the_current_etag_is_a_304_with_no_body(string route)
    {
        var tag = (await Client.GetAsync(route)).Headers.ETag!.Tag;

        var response = await SendAsync(HttpMethod.Get, route, tag);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, response.Headers.ETag!.Tag);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        Assert.Equal(VaryOf(route), response.Headers.Vary);
    }

    [Theory]
    [InlineData("\"0000\", {0}, \"ffff\"")]
    [InlineData("W/{0}")]
    [InlineData("*")]
    [InlineData("\"0000\",W/{0}")]
    public async Task If_none_match_lists_weak_tags_and_star_all_match(string headerFormat)
    {
        var tag = (await Client.GetAsync("/api/leaflets/bone-scan")).Headers.ETag!.Tag;

        var response = await SendAsync(HttpMethod.Get, "/api/leaflets/bone-scan", string.Format(headerFormat, tag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData("\"0000\"")]
    [InlineData("\"0000\", \"ffff\"")]
    [InlineData("not-a-tag")]
    [InlineData("{0} garbage")]
    [InlineData("{0}, garbage")]
    public async Task If_none_match_that_lacks_the_current_etag_or_is_malformed_gets_the_full_response(string headerFormat)
    {
        var tag = (await Client.GetAsync("/api/leaflets/bone-scan")).Headers.ETag!.Tag;

        var response = await SendAsync(HttpMethod.Get, "/api/leaflets/bone-scan", string.Format(headerFormat, tag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_etag_of_one_variant_does_not_match_the_other()
    {
        var plainTag = (await Client.GetAsync("/api/leaflets/bone-scan")).Headers.ETag!.Tag;

        var response = await SendAsync(HttpMethod.Get, "/api/leaflets/bone-scan?variant=easy-read", plainTag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ContentRoutes))]
    [InlineData("/api/health")]
    [InlineData("/api/openapi.json")]
    [InlineData("/api/leaflets/no-such-leaflet")]
    [InlineData("/api/leaflets?page=0")]
    public async Task Head_answers_like_get_with_the_same_headers_and_no_body(string route)
    {
        var get = await SendAsync(HttpMethod.Get, route, null);
        var head = await SendAsync(HttpMethod.Head, route, null);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.LastModified, head.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Head_with_a_matching_etag_is_a_304()
    {
        var tag = (await Client.GetAsync("/api/leaflets")).Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(HttpMethod.Head, "/api/leaflets", tag)).StatusCode);
    }

    [Fact]
    public async Task Health_and_errors_are_never_cached()
    {
        Assert.Equal("no-store", (await Client.GetAsync("/api/health")).Headers.CacheControl!.ToString());
        Assert.Equal("no-store", (await Client.GetAsync("/api/leaflets/nope")).Headers.CacheControl!.ToString());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string route, string? ifNoneMatch, DateTimeOffset? ifModifiedSince = null)
    {
        using var request = new HttpRequestMessage(method, route);
        request.Headers.IfModifiedSince = ifModifiedSince;
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await Client.SendAsync(request);
    }
}
