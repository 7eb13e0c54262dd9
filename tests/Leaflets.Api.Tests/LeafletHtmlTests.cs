using System.Net;
using System.Text.RegularExpressions;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

/// <summary>GET /api/leaflets/{id}/html: the standalone page, with absolute links and the JSON's caching rules.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class LeafletHtmlTests(FixtureServer fixture)
{
    private HttpClient Client => fixture.Client;

    private string Base => fixture.Server.Address + "api";

    [Fact]
    public async Task The_page_is_utf8_html_in_the_leaflets_language_with_one_h1()
    {
        var response = await Client.GetAsync("/api/leaflets/bone-scan/html");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<html lang=\"en-GB\">", page);
        Assert.Single(Regex.Matches(page, "<h1[ >]"));
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Images_are_absolute_urls_that_resolve()
    {
        var page = await Client.GetStringAsync("/api/leaflets/bone-scan/html");
        var sources = ImageSource().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains($"{Base}/leaflets/bone-scan/images/scanner.png", sources);
        foreach (var source in sources)
        {
            Assert.StartsWith(Base + "/leaflets/bone-scan/images/", source);
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(source)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan/html", "easy-read")]
    [InlineData("/api/leaflets/bone-scan/html?variant=easy-read", "plain")]
    public async Task The_variant_switch_stays_on_the_html_route(string route, string other)
    {
        var page = await Client.GetStringAsync(route);

        var link = VariantLink().Match(page);
        Assert.True(link.Success, "the page has no link to the other variant");
        Assert.Equal($"{Base}/leaflets/bone-scan/html?variant={other}", link.Groups[1].Value);
        var target = await Client.GetAsync(link.Groups[1].Value);
        Assert.Equal("text/html", target.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_leaflet_without_easy_read_has_no_variant_switch_and_its_easy_read_is_a_404()
    {
        Assert.DoesNotMatch(VariantLink(), await Client.GetStringAsync("/api/leaflets/blood-test/html"));
        await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets/blood-test/html?variant=easy-read"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_page_has_its_own_etag_and_answers_304_and_head_like_the_json()
    {
        var html = await Client.GetAsync("/api/leaflets/bone-scan/html");
        var json = await Client.GetAsync("/api/leaflets/bone-scan");
        Assert.NotEqual(json.Headers.ETag, html.Headers.ETag);
        Assert.Equal(json.Headers.CacheControl, html.Headers.CacheControl);
        Assert.Equal(json.Content.Headers.LastModified, html.Content.Headers.LastModified);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/bone-scan/html");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", html.Headers.ETag!.Tag);
        var notModified = await Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(html.Headers.ETag, notModified.Headers.ETag);

        var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/leaflets/bone-scan/html"));
        Assert.Equal(html.Headers.ETag, head.Headers.ETag);
        Assert.Equal(html.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_client_that_refuses_html_gets_a_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/bone-scan/html");
        request.Headers.Add("Accept", "application/json");

        var problem = await ApiJson.AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.NotAcceptable);
        Assert.Contains("text/html", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Bad_ids_and_variants_get_the_same_problems_as_the_json()
    {
        await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets/Bad_Id/html"), HttpStatusCode.BadRequest);
        await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets/bone-scan/html?variant=audio"), HttpStatusCode.BadRequest);
        await ApiJson.AssertProblemAsync(await Client.GetAsync("/api/leaflets/unknown/html"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_leaflet_due_for_review_says_so_once_right_under_its_title_and_a_current_one_only_in_its_footer()
    {
        var dueSoon = await Client.GetStringAsync("/api/leaflets/bone-scan/html");
        const string notice = "</header>\n<p class=\"review-due-soon\">This leaflet is due for review by 10 January 2027.</p>\n";
        Assert.Contains(notice, dueSoon, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(dueSoon, "due for review"));

        var current = await Client.GetStringAsync("/api/leaflets/blood-test/html");
        Assert.DoesNotContain("</header>\n<p class=\"review-", current, StringComparison.Ordinal);
        Assert.Matches("<footer class=\"about\">\n<h2 [^>]*>About this leaflet</h2>\n<p class=\"review-current\">This leaflet is up to date.</p>", current);
    }

    [GeneratedRegex("<img [^>]*src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex("<nav class=\"variants\"[^>]*><p><a href=\"([^\"]+)\"")]
    private static partial Regex VariantLink();
}
