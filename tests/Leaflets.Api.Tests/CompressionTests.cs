using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Functions.Http;
using Microsoft.Extensions.Primitives;

namespace Leaflets.Api.Tests;

/// <summary>
/// Text bodies (JSON, JSON-LD, HTML, CSS) and PDFs go out in gzip or Brotli when the client accepts them, with their own ETag,
/// and 304 and HEAD keep working across codings.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CompressionTests(FixtureServer fixture)
{
    public static TheoryData<string, string> Representations => new()
    {
        { "/api/leaflets/bone-scan", "application/json" },
        { "/api/leaflets/bone-scan", "text/html" },
        { "/api/leaflets/bone-scan/html", "text/html" },
        { "/api/leaflets", "application/json" },
        { "/api/openapi.json", "application/json" },
        { "/leaflets/bone-scan", "text/html" },
        { "/", "text/html" },
        { "/assets/site.css", "text/css" },
        { "/api/leaflets/bone-scan/pdf", "application/pdf" },
        { "/api/leaflets/bone-scan/pdf?variant=easy-read&size=24&paper=A5", "application/pdf" },
        { "/api/leaflets/bone-scan/audio/ssml", "application/ssml+xml" },
    };

    [Theory]
    [MemberData(nameof(Representations))]
    public async Task Each_representation_is_sent_in_the_accepted_coding_and_decodes_to_the_identity_bytes(string route, string accept)
    {
        var identity = await GetAsync(route, accept);
        var identityBytes = await identity.Content.ReadAsByteArrayAsync();

        foreach (var (token, suffix) in new[] { ("br", "-br"), ("gzip", "-gz") })
        {
            var encoded = await GetAsync(route, accept, token);
            var encodedBytes = await encoded.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);
            Assert.Equal([token], encoded.Content.Headers.ContentEncoding);
            Assert.Equal(encodedBytes.Length, encoded.Content.Headers.ContentLength);
            Assert.True(encodedBytes.Length < identityBytes.Length, $"{route} in {token} is {encodedBytes.Length} bytes, not fewer than {identityBytes.Length}");
            Assert.Equal(identityBytes, Decode(token, encodedBytes));
            Assert.Equal(identity.Headers.ETag!.Tag[..^1] + suffix + "\"", encoded.Headers.ETag!.Tag);
            Assert.Contains("Accept-Encoding", encoded.Headers.Vary);
        }
    }

    /// <summary>The fixture's JSON-LD is under the size worth compressing, so this client refuses identity.</summary>
    [Fact]
    public async Task Json_ld_is_sent_in_the_accepted_coding_and_decodes_to_the_identity_bytes()
    {
        const string route = "/api/leaflets/bone-scan";
        var identity = await GetAsync(route, "application/ld+json");
        var encoded = await GetAsync(route, "application/ld+json", "gzip, identity;q=0");

        Assert.Equal("application/ld+json", encoded.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["gzip"], encoded.Content.Headers.ContentEncoding);
        Assert.Equal(await identity.Content.ReadAsByteArrayAsync(), Decode("gzip", await encoded.Content.ReadAsByteArrayAsync()));
        Assert.Equal(identity.Headers.ETag!.Tag[..^1] + "-gz\"", encoded.Headers.ETag!.Tag);
    }

    [Theory]
    [MemberData(nameof(Representations))]
    public async Task Without_accept_encoding_the_body_is_sent_as_it_is_and_still_varies_by_accept_encoding(string route, string accept)
    {
        var response = await GetAsync(route, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Matches("^\"[0-9a-f]{32}\"$", response.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan/images/scanner.png", "image/png")]
    [InlineData("/assets/atkinson-hyperlegible-regular.ttf", "font/ttf")]
    public async Task A_figure_and_a_font_are_sent_as_they_are_and_do_not_vary_by_accept_encoding(string route, string accept)
    {
        var response = await GetAsync(route, accept, "gzip, br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.DoesNotContain("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task The_tag_of_any_coding_of_the_representation_answers_304_with_the_tag_of_the_coding_now_chosen()
    {
        const string route = "/api/leaflets/bone-scan";
        var identityTag = (await GetAsync(route)).Headers.ETag!.Tag;
        var gzipTag = (await GetAsync(route, acceptEncoding: "gzip")).Headers.ETag!.Tag;
        var brotliTag = (await GetAsync(route, acceptEncoding: "br")).Headers.ETag!.Tag;

        var cases = new[]
        {
            (Held: gzipTag, AcceptEncoding: "br", Expected: brotliTag),
            (Held: brotliTag, AcceptEncoding: (string?)null, Expected: identityTag),
            (Held: identityTag, AcceptEncoding: "gzip", Expected: gzipTag),
            (Held: "W/" + brotliTag, AcceptEncoding: "br", Expected: brotliTag),
        };
        foreach (var (held, acceptEncoding, expected) in cases)
        {
            var response = await GetAsync(route, acceptEncoding: acceptEncoding, ifNoneMatch: held);

            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(expected, response.Headers.ETag!.Tag);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
    }

    [Fact]
    public async Task A_coding_tag_of_another_representation_does_not_answer_304()
    {
        var otherTag = (await GetAsync("/api/leaflets/bone-scan?variant=easy-read", acceptEncoding: "br")).Headers.ETag!.Tag;

        var response = await GetAsync("/api/leaflets/bone-scan", acceptEncoding: "br", ifNoneMatch: otherTag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Head_sends_the_headers_of_the_encoded_get_and_no_body(string token)
    {
        var get = await GetAsync("/api/leaflets/bone-scan", acceptEncoding: token);
        var head = await GetAsync("/api/leaflets/bone-scan", acceptEncoding: token, method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal([token], head.Content.Headers.ContentEncoding);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.Vary, head.Headers.Vary);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_small_body_is_sent_as_it_is_unless_the_client_refuses_identity()
    {
        const string route = "/api/leaflets?q=nothing-is-called-this";
        var accepted = await GetAsync(route, acceptEncoding: "gzip, br");
        var identityRefused = await GetAsync(route, acceptEncoding: "br, identity;q=0");

        Assert.True((await accepted.Content.ReadAsByteArrayAsync()).Length < ContentCoding.MinimumBodyBytes);
        Assert.Empty(accepted.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", accepted.Headers.Vary);
        Assert.Equal(["br"], identityRefused.Content.Headers.ContentEncoding);
        Assert.Equal(
            await accepted.Content.ReadAsByteArrayAsync(),
            Decode("br", await identityRefused.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_problem_is_sent_as_readable_json_whatever_the_client_accepts()
    {
        var response = await GetAsync("/api/leaflets/no-such-leaflet", acceptEncoding: "gzip, br");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_same_body_encodes_to_the_same_bytes_every_time(string token)
    {
        var first = await (await GetAsync("/api/openapi.json", acceptEncoding: token)).Content.ReadAsByteArrayAsync();
        var second = await (await GetAsync("/api/openapi.json", acceptEncoding: token)).Content.ReadAsByteArrayAsync();

        Assert.Equal(first, second);
        if (token == "gzip")
        {
            // RFC 1952: bytes 4 to 7 are the modification time, which would differ from run to run if set.
            Assert.Equal(new byte[4], first[4..8]);
        }
    }

    [Theory]
    [InlineData("gzip, br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("BR", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.2, gzip;q=0.5", "gzip")]
    [InlineData("*;q=0.5, br;q=0", "gzip")]
    [InlineData("identity;q=0, gzip", "gzip")]
    [InlineData("gzip;q=0.5, identity", null)]
    [InlineData("gzip;q=0.5, *;q=0.9", "br")]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("*;q=0", null)]
    [InlineData("deflate, zstd", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Accept_encoding_chooses_by_q_value_with_brotli_first_on_a_tie(string? acceptEncoding, string? expected)
    {
        var chosen = ContentCoding.Choose(acceptEncoding is null ? StringValues.Empty : new StringValues(acceptEncoding), 10_000);

        Assert.Equal(expected, chosen?.Token);
    }

    private Task<HttpResponseMessage> GetAsync(
        string route, string? accept = null, string? acceptEncoding = null, string? ifNoneMatch = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, route);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return fixture.Client.SendAsync(request);
    }

    private static byte[] Decode(string token, byte[] encoded)
    {
        using var input = new MemoryStream(encoded);
        using Stream decoder = token == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
