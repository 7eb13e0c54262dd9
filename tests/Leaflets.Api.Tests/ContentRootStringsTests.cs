using System.CommandLine;
using System.Net;
using System.Xml.Linq;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Cli;
using Leaflets.Content.Catalog;
using Leaflets.Content.Tests.Html;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Leaflets.Api.Tests;

/// <summary>
/// A content root's strings files (<c>strings/{tag}.json</c>) as <c>leaflets serve</c> and <c>leaflets check</c> see
/// them: an override of a Welsh word reaches the page and the PDF and moves their ETags, a language the content adds is
/// offered by the site, and a broken file is reported while the service's own words are served. The files are test
/// data: words we wrote for the test, not reviewed translations. The fixture's bone scan has a Welsh plain variant.
/// </summary>
public sealed class ContentRootStringsTests
{
    private const string WelshVersionWord = "Rhifyn prawf";

    private const string Irish = """
        {
          "language": "ga",
          "languageName": "Gaeilge",
          "site": {
            "homeTitle": "Aimsigh bileog"
          }
        }
        """;

    private const string BrowserAccept = "text/html,application/xhtml+xml,*/*;q=0.8";

    private static async Task WriteStringsAsync(string contentRoot, string tag, string json)
    {
        Directory.CreateDirectory(Path.Combine(contentRoot, "strings"));
        await File.WriteAllTextAsync(Path.Combine(contentRoot, "strings", tag + ".json"), json);
    }

    private static async Task<HttpResponseMessage> GetPageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        return await client.SendAsync(request);
    }

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(page => string.Join(" ", page.GetWords().Select(word => word.Text))));
    }

    [Fact]
    public async Task An_override_of_one_Welsh_word_shows_on_the_page_and_in_the_PDF_and_moves_their_ETags_once_the_catalog_reloads()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        const string Html = "/api/leaflets/bone-scan/html?lang=cy";
        const string Pdf = "/api/leaflets/bone-scan/pdf?lang=cy";
        const string Page = "/leaflets/bone-scan?lang=cy";
        var htmlBefore = await server.Client.GetAsync(Html);
        var pdfBefore = await server.Client.GetAsync(Pdf);
        var pageBefore = await GetPageAsync(server.Client, Page);
        var englishPdfBefore = await server.Client.GetAsync("/api/leaflets/bone-scan/pdf");
        Assert.Contains(">Fersiwn<", await htmlBefore.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await WriteStringsAsync(sandbox.ContentRoot, "cy", $$$"""{"leaflet": {"version": "{{{WelshVersionWord}}}"}}""");
        await server.Services.GetRequiredService<LeafletCatalog>().ReloadAsync(CancellationToken.None);

        var html = await server.Client.GetAsync(Html);
        var pdf = await server.Client.GetAsync(Pdf);
        var page = await GetPageAsync(server.Client, Page);
        var englishPdf = await server.Client.GetAsync("/api/leaflets/bone-scan/pdf");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { html.StatusCode, pdf.StatusCode, page.StatusCode });
        var htmlText = await html.Content.ReadAsStringAsync();
        Assert.Contains($">{WelshVersionWord}<", htmlText, StringComparison.Ordinal);
        Assert.DoesNotContain(">Fersiwn<", htmlText, StringComparison.Ordinal);
        Assert.Contains($">{WelshVersionWord}<", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var pdfText = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(WelshVersionWord + " 2", pdfText, StringComparison.Ordinal);
        Assert.DoesNotContain("Fersiwn 2", pdfText, StringComparison.Ordinal);
        Assert.NotEqual(htmlBefore.Headers.ETag, html.Headers.ETag);
        Assert.NotEqual(pdfBefore.Headers.ETag, pdf.Headers.ETag);
        Assert.NotEqual(pageBefore.Headers.ETag, page.Headers.ETag);
        // The English print shows no Welsh word: its version, and so its cached bytes, stay.
        Assert.Equal(englishPdfBefore.Headers.ETag, englishPdf.Headers.ETag);
    }

    [Fact]
    public async Task A_language_the_content_root_adds_is_offered_by_the_site_and_its_pages_show_its_words_with_English_marked()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await WriteStringsAsync(sandbox.ContentRoot, "ga", Irish);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);

        var irish = await GetPageAsync(server.Client, "/?lang=ga");
        var english = HtmlPage.Parse(await (await GetPageAsync(server.Client, "/")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, irish.StatusCode);
        Assert.Equal(["ga"], irish.Content.Headers.ContentLanguage);
        var page = HtmlPage.Parse(await irish.Content.ReadAsStringAsync());
        Assert.Equal("ga", page.Root!.Attr("lang"));
        Assert.Equal("Aimsigh bileog", page.All("h1").Single().Value);
        Assert.Equal("en", page.All("a").Single(a => a.Attr("class") == "skip-link").Attr("lang"));
        var offered = english.All("nav").Single(n => n.Attr("class") == "languages").Descendants("a").Select(a => (a.Value, a.Attr("hreflang")));
        Assert.Equal([("Cymraeg", "cy"), ("Gaeilge", "ga")], offered);
        Assert.Contains(english.All("link"), l => l.Attr("rel") == "alternate" && l.Attr("hreflang") == "ga" && l.Attr("href") == "./?lang=ga");
        Assert.Equal(HttpStatusCode.OK, (await GetPageAsync(server.Client, "/search?q=bone&lang=ga")).StatusCode);
    }

    [Fact]
    public async Task A_broken_strings_file_is_reported_in_health_while_the_services_own_words_are_served()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await WriteStringsAsync(sandbox.ContentRoot, "cy", "{\n  \"leaflet\": {\n    \"versoin\": \"Rhifyn\"\n  }\n}\n");
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);

        var health = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/health"));
        var html = await server.Client.GetAsync("/api/leaflets/bone-scan/html?lang=cy");

        var errors = health["leaflets"]!["rejected"]!.AsArray().SelectMany(r => r!["errors"]!.AsArray()).Select(e => (string)e!).ToList();
        Assert.Single(errors, error => error.Contains("/strings/cy.json", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.EndsWith("/strings/cy.json:3: strings-key-unknown: 'leaflet.versoin' is not a key the service shows; check its spelling against the keys of src/Content/Text/Strings/en.json; the file is ignored and the service's own words are shown", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains(">Fersiwn<", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_reports_a_broken_strings_file_as_a_rule_line_and_fails()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        Directory.Delete(Path.Combine(sandbox.ContentRoot, "leaflets", "broken-leaflet"), recursive: true);
        await WriteStringsAsync(sandbox.ContentRoot, "cy", "{\n  \"months\": [\"Ionawr\"]\n}\n");
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await LeafletsCommandLine.RunAsync(LeafletsCommandLine.Create(), ["check", "--content", sandbox.ContentRoot],
            new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(1, exitCode);
        Assert.Contains("/strings/cy.json:2: strings-months-invalid: ", output.ToString(), StringComparison.Ordinal);
    }
}
