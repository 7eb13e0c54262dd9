using System.Net;
using System.Xml.Linq;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Rendering;
using Leaflets.Content.Tests.Html;
using Leaflets.Functions.Routing;
using Leaflets.Functions.Site;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leaflets.Api.Tests;

/// <summary>
/// The library website as <c>leaflets serve</c> serves it: every page type with the API's caching rules and the site's
/// policy, errors as pages for people and problems for programs, and links that lead where they say.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SitePagesTests(FixtureServer fixture)
{
    private const string Html = "text/html";

    /// <summary>A browser's Accept: HTML first, anything else after.</summary>
    private const string BrowserAccept = "text/html,application/xhtml+xml,*/*;q=0.8";

    public static TheoryData<string> Pages =>
    [
        "/", "/search?q=bone", "/search?q=zebra", "/search", "/topics/imaging",
        "/leaflets/bone-scan", "/leaflets/bone-scan?variant=easy-read", "/leaflets/blood-test",
        "/?lang=cy", "/search?q=bone&lang=cy", "/topics/imaging?lang=cy", "/leaflets/bone-scan?lang=cy",
    ];

    private HttpClient Client => fixture.Client;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? accept = BrowserAccept, HttpMethod? method = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await client.SendAsync(request);
    }

    private static Dictionary<string, string> Policy(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2)).ToDictionary(parts => parts[0], parts => parts[1]);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_is_utf8_html_with_one_h1_in_a_main_and_cached_like_the_api(string path)
    {
        var response = await SendAsync(Client, path);
        var page = HtmlPage.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(path.Contains("lang=cy", StringComparison.Ordinal) ? "cy" : "en", page.Root!.Attr("lang"));
        Assert.Single(page.All("main").Single().Descendants("h1"));
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.True(response.Headers.ETag is { IsWeak: false }, "a page must carry a strong ETag");
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_answers_304_to_its_etag_and_head_with_the_same_headers_and_no_body(string path)
    {
        var full = await SendAsync(Client, path);

        var notModified = await SendAsync(Client, path, ifNoneMatch: full.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(full.Headers.ETag, notModified.Headers.ETag);
        Assert.Equal(Policy(full), Policy(notModified));

        var head = await SendAsync(Client, path, method: HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(full.Headers.ETag, head.Headers.ETag);
        Assert.Equal(full.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_same_request_gets_the_same_bytes(string path)
        => Assert.Equal(
            await (await SendAsync(Client, path)).Content.ReadAsByteArrayAsync(),
            await (await SendAsync(Client, path)).Content.ReadAsByteArrayAsync());

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_may_load_and_send_forms_only_to_the_site_itself_and_runs_no_script(string path)
    {
        var response = await SendAsync(Client, path);
        var policy = Policy(response);

        Assert.Equal("'none'", policy["default-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["base-uri"]);
        Assert.All(new[] { "style-src", "font-src", "img-src", "form-action" }, name => Assert.Equal("'self'", policy[name]));
        Assert.DoesNotContain("script", policy.Keys);
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_link_stylesheet_and_image_on_a_page_resolves_on_the_server(string path)
    {
        var pageUrl = new Uri(fixture.Server.Address, path);
        var page = HtmlPage.Parse(await (await SendAsync(Client, path)).Content.ReadAsStringAsync());
        var targets = page.Descendants()
            .SelectMany(e => new[] { e.Attr("href"), e.Name.LocalName == "img" ? e.Attr("src") : null })
            .OfType<string>()
            .Select(target => new Uri(pageUrl, target))
            .Where(target => target.Authority == pageUrl.Authority)
            .Select(target => target.GetLeftPart(UriPartial.Query))
            .Distinct()
            .ToList();

        Assert.NotEmpty(targets);
        foreach (var target in targets)
        {
            Assert.True((await SendAsync(Client, target, accept: null)).IsSuccessStatusCode, $"{path} links to {target}, which does not answer 2xx");
        }
    }

    [Theory]
    [InlineData("/", "./assets/site.css", "search")]
    [InlineData("/search?q=bone", "./assets/site.css", "search")]
    [InlineData("/leaflets/bone-scan", "../assets/site.css", "../search")]
    [InlineData("/topics/imaging", "../assets/site.css", "../search")]
    [InlineData("/no/such/page", "../../assets/site.css", "../../search")]
    public async Task Without_a_configured_root_links_are_relative_to_the_page(string path, string styleSheet, string search)
    {
        var response = await SendAsync(Client, path);
        var page = HtmlPage.Parse(await response.Content.ReadAsStringAsync());

        Assert.Contains(page.All("link"), link => link.Attr("href") == styleSheet);
        Assert.Equal(search, page.All("form").Single(form => form.Attr("role") == "search").Attr("action"));
    }

    [Fact]
    public async Task The_search_page_counts_its_results_in_a_status_and_in_its_title()
    {
        var page = HtmlPage.Parse(await (await SendAsync(Client, "/search?q=bone+scan")).Content.ReadAsStringAsync());

        Assert.Equal("1 leaflet found for “bone scan”", page.All("p").Single(p => p.Attr("id") == "result-count").Value);
        Assert.StartsWith("1 leaflet found for “bone scan”", page.All("title").Single().Value, StringComparison.Ordinal);
        Assert.Equal("leaflets/bone-scan", page.All("ol").Single().Descendants("h2").Single().Element("a")!.Attr("href"));
    }

    [Fact]
    public async Task The_print_form_opens_the_pdf_the_reader_chose()
    {
        const string path = "/leaflets/bone-scan?variant=easy-read";
        var page = HtmlPage.Parse(await (await SendAsync(Client, path)).Content.ReadAsStringAsync());
        var form = page.All("form").Single(f => f.Attr("id") == "print");
        var chosen = form.Descendants("input").Where(i => i.Attr("checked") == "checked").ToDictionary(i => i.Attr("name")!, i => i.Attr("value")!);
        Assert.Equal(new Dictionary<string, string> { ["variant"] = "easy-read", ["size"] = "18", ["paper"] = "A4" }, chosen);

        // As a browser submits it, with 24 point chosen.
        var action = new Uri(new Uri(fixture.Server.Address, path), form.Attr("action"));
        var pdf = await SendAsync(Client, $"{action}?variant=easy-read&size=24&paper=A4");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/api/leaflets/bone-scan/pdf", action.AbsolutePath);
    }

    [Theory]
    [InlineData("/leaflets/bone-scan")]
    [InlineData("/leaflets/bone-scan?variant=easy-read")]
    public async Task The_qr_codes_address_is_the_pages_own(string path)
    {
        var page = HtmlPage.Parse(await (await SendAsync(Client, path)).Content.ReadAsStringAsync());

        var address = page.Descendants("span").Single(span => span.Attr("class") == "address").Value;
        Assert.Equal(new Uri(fixture.Server.Address, path).ToString(), address);
        Assert.Single(page.Descendants(), e => e.Name.LocalName == "svg" && e.Attr("role") == "img");
    }

    [Theory]
    [InlineData("/leaflets/no-such-leaflet", "urn:leaflets:problem:unknown-leaflet")]
    [InlineData("/leaflets/blood-test?variant=easy-read", "urn:leaflets:problem:missing-variant")]
    [InlineData("/topics/no-such-topic", "urn:leaflets:problem:unknown-topic")]
    [InlineData("/search?q=bone&page=2", "urn:leaflets:problem:no-such-page")]
    [InlineData("/?page=9", "urn:leaflets:problem:no-such-page")]
    [InlineData("/no/such/page", "urn:leaflets:problem:no-such-route")]
    [InlineData("/leaflets", "urn:leaflets:problem:no-such-route")]
    public async Task Nothing_there_is_a_404_page_for_a_browser_and_a_404_problem_for_a_program(string path, string type)
    {
        var forPeople = await SendAsync(Client, path);
        Assert.Equal(HttpStatusCode.NotFound, forPeople.StatusCode);
        Assert.Equal(Html, forPeople.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", forPeople.Headers.CacheControl?.ToString());
        Assert.Null(forPeople.Headers.ETag);
        var page = HtmlPage.Parse(await forPeople.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", page.All("h1").Single().Value);
        Assert.Single(page.All("form"), form => form.Attr("role") == "search");
        Assert.Contains("Content-Security-Policy", forPeople.Headers.Select(h => h.Key));

        foreach (var accept in new string?[] { null, "*/*", "application/json" })
        {
            await AssertProblemAsync(await SendAsync(Client, path, accept), HttpStatusCode.NotFound, type);
        }
    }

    [Theory]
    [InlineData("/search?q=bone&page=0")]
    [InlineData("/?page=two")]
    [InlineData("/topics/imaging?page=-1")]
    [InlineData("/leaflets/bone-scan?variant=large")]
    [InlineData("/leaflets/Bone_Scan")]
    public async Task A_value_the_site_cannot_show_is_a_400_page_for_a_browser_and_a_400_problem_for_a_program(string path)
    {
        var forPeople = await SendAsync(Client, path);
        Assert.Equal(HttpStatusCode.BadRequest, forPeople.StatusCode);
        Assert.Equal(Html, forPeople.Content.Headers.ContentType?.MediaType);
        Assert.Single(HtmlPage.Parse(await forPeople.Content.ReadAsStringAsync()).All("h1"));

        await AssertProblemAsync(await SendAsync(Client, path, accept: null), HttpStatusCode.BadRequest, "urn:leaflets:problem:invalid-parameter");
    }

    [Fact]
    public async Task A_page_for_a_client_that_takes_no_html_is_a_406()
        => await AssertProblemAsync(await SendAsync(Client, "/search?q=bone", "application/json"), HttpStatusCode.NotAcceptable, "urn:leaflets:problem:not-acceptable");

    [Fact]
    public async Task The_home_page_answers_only_get_and_head()
    {
        var response = await Client.PostAsync("/", new StringContent(""));
        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "urn:leaflets:problem:method-not-allowed");
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task With_a_configured_root_every_link_is_under_it_and_the_policy_allows_its_origin()
    {
        const string root = "https://leaflets.example.org/library";
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot,
            services => services.Configure<SiteOptions>(site => site.PublicBaseUrl = root));

        var response = await SendAsync(server.Client, "/leaflets/bone-scan");
        var page = HtmlPage.Parse(await response.Content.ReadAsStringAsync());

        var targets = page.Descendants().SelectMany(e => new[] { e.Attr("href"), e.Attr("action"), e.Attr("src") }).OfType<string>()
            .Where(target => !target.StartsWith('#') && !target.StartsWith("https://example.org/", StringComparison.Ordinal)).ToList();
        Assert.All(targets, target => Assert.StartsWith(root + "/", target, StringComparison.Ordinal));
        Assert.Equal(root + "/api/leaflets/bone-scan/pdf", page.All("form").Single(f => f.Attr("id") == "print").Attr("action"));
        Assert.Equal(root + "/leaflets/bone-scan", page.Descendants("span").Single(span => span.Attr("class") == "address").Value);
        Assert.Equal("'self' https://leaflets.example.org", Policy(response)["form-action"]);
        Assert.Equal("'self' https://leaflets.example.org", Policy(response)["style-src"]);
    }

    [Fact]
    public async Task Before_the_first_load_every_page_is_the_503_problem()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var loading = await RunningServer.StartWithAHangingSourceAsync(sandbox.ContentRoot);

        foreach (var path in new[] { "/", "/search?q=bone", "/topics/imaging", "/leaflets/bone-scan" })
        {
            var response = await SendAsync(loading.Client, path);
            await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "urn:leaflets:problem:content-not-loaded");
            Assert.NotNull(response.Headers.RetryAfter);
        }
    }

    [Theory]
    [InlineData("GET", "/", BrowserAccept, 200)]
    [InlineData("HEAD", "/", null, 200)]
    [InlineData("GET", "/no-such-page", BrowserAccept, 404)]
    public async Task The_catch_all_called_as_the_functions_host_calls_it_answers_the_site_root_and_a_browsers_unknown_path_with_pages(
        string method, string path, string? accept, int status)
    {
        var context = DirectCall.Request(method, path, accept: accept, services: fixture.Server.Services);

        await DirectCall.ExecuteAsync(context, await new Unmatched(fixture.Server.Services.GetRequiredService<SiteRoutes>(), NullLogger<Unmatched>.Instance)
            .Run(context.Request, CancellationToken.None));

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiJson.ReadAsync(response);
        Assert.Equal(type, (string?)problem["type"]);
        Assert.Equal((int)status, (int)problem["status"]!);
    }
}
