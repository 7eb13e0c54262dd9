using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Rendering;
using Leaflets.Functions;
using Leaflets.Functions.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Leaflets.Api.Tests;

/// <summary>
/// Every response says nosniff and no-referrer; every HTML page carries a Content-Security-Policy that lets it load
/// only its own stylesheet (by hash), our webfont (stylesheet and fonts) and our images, and says who may frame it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SecurityHeaderTests(FixtureServer fixture)
{
    public static TheoryData<string, string?> HtmlPages => new()
    {
        { "/api/leaflets/bone-scan/html", null },
        { "/api/leaflets/bone-scan/html?variant=easy-read", null },
        { "/api/leaflets/bone-scan", "text/html" },
        { "/api/leaflets/bone-scan?variant=easy-read", "text/html" },
    };

    [Theory]
    [MemberData(nameof(HtmlPages))]
    public async Task An_html_page_may_load_only_its_own_stylesheet_our_webfont_and_our_images_and_nobody_may_frame_it(string path, string? accept)
    {
        var response = await GetAsync(path, accept);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var policy = Directives(response);
        Assert.Equal("'none'", policy["default-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        var origin = fixture.Server.Address.GetLeftPart(UriPartial.Authority);
        Assert.Equal($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(StyleElementText(page))))}' {origin}", policy["style-src"]);
        Assert.Equal(origin, policy["font-src"]);
        Assert.Equal($"'self' {origin}", policy["img-src"]);
        Assert.DoesNotContain("unsafe", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain(" style=", page);
    }

    [Fact]
    public async Task A_304_for_an_html_page_repeats_its_content_security_policy()
    {
        var first = await GetAsync("/api/leaflets/bone-scan/html", null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/bone-scan/html");
        request.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);

        var revalidated = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy"), revalidated.Headers.GetValues("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/api/leaflets", null)]
    [InlineData("/api/leaflets/bone-scan", null)]
    [InlineData("/api/leaflets/bone-scan", "application/ld+json")]
    [InlineData("/api/leaflets/bone-scan/html", null)]
    [InlineData("/api/leaflets/bone-scan/images/scanner.png", null)]
    [InlineData("/api/health", null)]
    [InlineData("/api/openapi.json", null)]
    [InlineData("/api/leaflets/no-such-leaflet", null)]
    [InlineData("/api/leaflets/bone-scan", "text/csv")]
    [InlineData("/api/nothing-here", null)]
    public async Task Every_response_forbids_sniffing_and_sends_no_referrer(string path, string? accept)
    {
        var response = await GetAsync(path, accept);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
    }

    [Theory]
    [InlineData("/api/leaflets")]
    [InlineData("/api/leaflets/bone-scan")]
    [InlineData("/api/leaflets/bone-scan/images/scanner.png")]
    public async Task Only_html_pages_carry_a_content_security_policy(string path)
    {
        var response = await GetAsync(path, null);

        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Partners_named_in_Http_FrameAncestors_may_frame_the_page_and_images_follow_the_configured_site()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot, services =>
        {
            services.Configure<HttpResponseOptions>(options => options.FrameAncestors = "'self'  https://partner.example.org");
            services.Configure<SiteOptions>(options => options.PublicBaseUrl = "https://leaflets.example.org");
        });

        var response = await server.Client.GetAsync("/api/leaflets/bone-scan/html");

        var policy = Directives(response);
        Assert.Equal("'self' https://partner.example.org", policy["frame-ancestors"]);
        Assert.Equal("'self' https://leaflets.example.org", policy["img-src"]);
        Assert.Contains("src=\"https://leaflets.example.org/api/leaflets/bone-scan/images/", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_may_load_the_webfont_stylesheet_and_fonts_from_the_site_root_and_nothing_else_from_anywhere()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot, services =>
            services.Configure<SiteOptions>(options => options.PublicBaseUrl = "https://leaflets.example.org/nhs"));

        var response = await server.Client.GetAsync("/api/leaflets/bone-scan/html");

        var policy = Directives(response);
        Assert.Equal($"{SecurityHeaders.StyleSheetSource} https://leaflets.example.org", policy["style-src"]);
        Assert.Equal("https://leaflets.example.org", policy["font-src"]);
        Assert.Equal("'none'", policy["default-src"]);
        Assert.Contains("<link rel=\"stylesheet\" href=\"https://leaflets.example.org/nhs/assets/fonts.css\" />", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://partner.example.org; script-src *")]
    [InlineData("'none' https://partner.example.org")]
    [InlineData("https://partner.example.org/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("*")]
    [InlineData("")]
    public void A_frame_ancestors_setting_that_is_not_a_list_of_origins_stops_the_app_naming_the_setting(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Http:FrameAncestors"] = value })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddLeafletFunctions(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HttpResponseOptions>>().Value);

        Assert.Contains("Http:FrameAncestors", error.Message);
    }

    [Theory]
    [InlineData("'self'")]
    [InlineData("'none'")]
    [InlineData("https://*.nhs.example http://localhost:8080")]
    public void A_frame_ancestors_setting_of_origins_is_accepted(string value)
    {
        Assert.True(new HttpResponseOptions { FrameAncestors = value }.FrameAncestorsAreValid);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }
        return await fixture.Client.SendAsync(request);
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");

    private static string StyleElementText(string page)
    {
        var start = page.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length;
        Assert.Equal(2, page.Split("<style").Length);
        return page[start..page.IndexOf("</style>", start, StringComparison.Ordinal)];
    }
}
