using System.Net;
using System.Text.Json.Nodes;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

/// <summary>Choosing a leaflet's language over HTTP, with the fixture bone scan leaflet's Welsh plain translation.</summary>
[Collection(ServerCollection.Name)]
public sealed class LanguageRouteTests(FixtureServer fixture)
{
    private HttpClient Client => fixture.Client;

    private string Base => fixture.Server.Address + "api";

    private async Task<HttpResponseMessage> GetAsync(string route, string? acceptLanguage = null, string? accept = null, string? ifNoneMatch = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, route);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await Client.SendAsync(request);
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan?lang=cy", null, "cy")]
    [InlineData("/api/leaflets/bone-scan?lang=CY", null, "cy")]
    [InlineData("/api/leaflets/bone-scan", "cy-GB, en;q=0.5", "cy")]
    [InlineData("/api/leaflets/bone-scan", "en", "en-GB")]
    [InlineData("/api/leaflets/bone-scan", "fr", "en-GB")]
    [InlineData("/api/leaflets/bone-scan", null, "en-GB")]
    [InlineData("/api/leaflets/bone-scan?lang=en-GB", "cy", "en-GB")]
    [InlineData("/api/leaflets/bone-scan?variant=easy-read", "cy", "en-GB")]
    public async Task The_lang_parameter_then_Accept_Language_then_the_main_language_chooses_the_document(
        string route, string? acceptLanguage, string language)
    {
        var response = await GetAsync(route, acceptLanguage);
        var leaflet = await ApiJson.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(language, (string)leaflet["language"]!);
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        Assert.Equal(["Accept", "Accept-Language", "Accept-Encoding"], response.Headers.Vary);
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan?lang=cy", "application/json")]
    [InlineData("/api/leaflets/bone-scan?lang=cy", "application/ld+json")]
    [InlineData("/api/leaflets/bone-scan?lang=cy", "text/html")]
    [InlineData("/api/leaflets/bone-scan/html?lang=cy", "text/html")]
    [InlineData("/api/leaflets/bone-scan/pdf?lang=cy", "application/pdf")]
    [InlineData("/api/leaflets/bone-scan/epub?lang=cy", "application/epub+zip")]
    [InlineData("/api/leaflets/bone-scan/braille?lang=cy", "text/plain")]
    public async Task Every_representation_of_a_translation_says_its_language_on_200_304_and_HEAD(string route, string accept)
    {
        var full = await GetAsync(route, accept: accept);
        var notModified = await GetAsync(route, accept: accept, ifNoneMatch: full.Headers.ETag!.Tag);
        var head = await GetAsync(route, accept: accept, method: HttpMethod.Head);

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.NotModified, HttpStatusCode.OK],
            [full.StatusCode, notModified.StatusCode, head.StatusCode]);
        // Every one of them but the EPUB may be compressed (a PDF too); an EPUB is a zip already, never compressed
        // (docs/http-api.md, Compression), so it alone does not vary by Accept-Encoding.
        string[] vary = accept is "application/epub+zip" ? ["Accept", "Accept-Language"] : ["Accept", "Accept-Language", "Accept-Encoding"];
        foreach (var response in new[] { full, notModified, head })
        {
            Assert.Equal(["cy"], response.Content.Headers.ContentLanguage);
            Assert.Equal(vary, response.Headers.Vary);
        }
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan", "application/json")]
    [InlineData("/api/leaflets/bone-scan", "application/ld+json")]
    [InlineData("/api/leaflets/bone-scan/html", "text/html")]
    [InlineData("/api/leaflets/bone-scan/pdf", "application/pdf")]
    [InlineData("/api/leaflets/bone-scan/epub", "application/epub+zip")]
    [InlineData("/api/leaflets/bone-scan/braille", "text/plain")]
    public async Task Each_language_has_its_own_etag(string route, string accept)
    {
        var main = await GetAsync(route, accept: accept);
        var welsh = await GetAsync(route + "?lang=cy", accept: accept);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (main.StatusCode, welsh.StatusCode));
        Assert.NotEqual(main.Headers.ETag!.Tag, welsh.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(route + "?lang=cy", accept: accept, ifNoneMatch: main.Headers.ETag.Tag)).StatusCode);
    }

    [Fact]
    public async Task A_translation_s_pdf_names_its_language_in_the_file_name_and_the_main_language_s_does_not()
    {
        var main = await GetAsync("/api/leaflets/bone-scan/pdf", method: HttpMethod.Head);
        var welsh = await GetAsync("/api/leaflets/bone-scan/pdf?lang=cy", method: HttpMethod.Head);

        Assert.Equal("inline; filename=\"bone-scan-plain-18pt-a4-v2.pdf\"", main.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("inline; filename=\"bone-scan-plain-cy-18pt-a4-v2.pdf\"", welsh.Content.Headers.ContentDisposition!.ToString());
    }

    [Fact]
    public async Task A_translation_s_epub_names_its_language_in_the_file_name_and_the_main_language_s_does_not()
    {
        var main = await GetAsync("/api/leaflets/bone-scan/epub", method: HttpMethod.Head);
        var welsh = await GetAsync("/api/leaflets/bone-scan/epub?lang=cy", method: HttpMethod.Head);

        Assert.Equal("attachment; filename=\"bone-scan-plain-v2.epub\"", main.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("attachment; filename=\"bone-scan-plain-cy-v2.epub\"", welsh.Content.Headers.ContentDisposition!.ToString());
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan", "*;q=0")]
    [InlineData("/api/leaflets/bone-scan/html", "fr, *;q=0")]
    [InlineData("/api/leaflets/bone-scan/pdf", "en-GB;q=0, cy;q=0")]
    [InlineData("/api/leaflets/bone-scan/epub", "en-GB;q=0, cy;q=0")]
    public async Task Accept_Language_that_rules_out_every_language_is_a_406_listing_them(string route, string acceptLanguage)
    {
        var problem = await ApiJson.AssertProblemAsync(await GetAsync(route, acceptLanguage), HttpStatusCode.NotAcceptable);

        Assert.Equal("urn:leaflets:problem:not-acceptable-language", (string)problem["type"]!);
        Assert.Contains("en-GB, cy", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan?lang=fr", "'fr'", "en-GB, cy.")]
    [InlineData("/api/leaflets/bone-scan?variant=easy-read&lang=cy", "'cy'", "en-GB.")]
    [InlineData("/api/leaflets/bone-scan/pdf?variant=easy-read&lang=cy", "'cy'", "en-GB.")]
    [InlineData("/api/leaflets/bone-scan/epub?variant=easy-read&lang=cy", "'cy'", "en-GB.")]
    public async Task A_language_the_variant_is_not_written_in_is_a_404_listing_those_it_is(string route, string asked, string listed)
    {
        var problem = await ApiJson.AssertProblemAsync(await GetAsync(route), HttpStatusCode.NotFound);

        Assert.Equal("urn:leaflets:problem:missing-language", (string)problem["type"]!);
        Assert.Contains(asked, (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.EndsWith(listed, (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan?lang=welsh!")]
    [InlineData("/api/leaflets/bone-scan/html?lang=")]
    [InlineData("/api/leaflets?lang=c")]
    public async Task A_lang_that_is_not_a_language_tag_is_a_400(string route)
    {
        var problem = await ApiJson.AssertProblemAsync(await GetAsync(route), HttpStatusCode.BadRequest);

        Assert.Equal("urn:leaflets:problem:invalid-parameter", (string)problem["type"]!);
        Assert.Contains("lang", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translation_lists_its_languages_and_status_and_links_in_its_language_while_the_main_links_stay_canonical()
    {
        var welsh = await ApiJson.ReadAsync(await GetAsync("/api/leaflets/bone-scan?lang=cy"));
        var main = await ApiJson.ReadAsync(await GetAsync("/api/leaflets/bone-scan"));

        Assert.Equal("Cael sgan esgyrn", (string)welsh["title"]!);
        Assert.Equal(["en-GB", "cy"], welsh["languages"]!.AsArray().Select(tag => (string)tag!));
        Assert.Equal(("unreviewed", "reviewed"), ((string)welsh["translationStatus"]!, (string)main["translationStatus"]!));
        Assert.Equal(["plain"], welsh["variants"]!.AsArray().Select(slug => (string)slug!));
        Assert.Equal(["plain", "easy-read"], main["variants"]!.AsArray().Select(slug => (string)slug!));

        var links = welsh["links"]!;
        Assert.Equal($"{Base}/leaflets/bone-scan?lang=cy", (string)links["self"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan?lang=cy", (string)links["variants"]!["plain"]!);
        // No Welsh easy read: the link goes to the one there is, in the main language.
        Assert.Equal($"{Base}/leaflets/bone-scan?variant=easy-read", (string)links["variants"]!["easy-read"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan/pdf?lang=cy", (string)links["pdf"]!["plain"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan/epub?lang=cy", (string)links["epub"]!["plain"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan/images/scanner.png", (string)links["images"]!["scanner.png"]!);

        var translations = Assert.IsType<JsonObject>(main["links"]!["translations"]);
        Assert.Equal(["en-GB", "cy"], translations.Select(language => language.Key));
        Assert.Equal($"{Base}/leaflets/bone-scan", (string)translations["en-GB"]!["self"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan?lang=cy", (string)translations["cy"]!["self"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan/pdf?lang=cy", (string)translations["cy"]!["pdf"]!);
        Assert.Equal(translations.ToJsonString(), welsh["links"]!["translations"]!.ToJsonString());
        Assert.Equal($"{Base}/leaflets/bone-scan", (string)main["links"]!["self"]!);
    }

    [Fact]
    public async Task Every_translation_link_answers_in_its_language()
    {
        var main = await ApiJson.ReadAsync(await GetAsync("/api/leaflets/bone-scan"));

        foreach (var (language, links) in main["links"]!["translations"]!.AsObject())
        {
            var response = await GetAsync((string)links!["self"]!, acceptLanguage: "fr, *;q=0.1");
            Assert.Equal([language], response.Content.Headers.ContentLanguage);
        }
    }

    [Fact]
    public async Task The_json_ld_of_a_translation_names_the_work_it_translates_and_the_main_one_names_its_translations()
    {
        var welsh = await ApiJson.ReadAsync(await GetAsync("/api/leaflets/bone-scan?lang=cy", accept: "application/ld+json"));
        var main = await ApiJson.ReadAsync(await GetAsync("/api/leaflets/bone-scan", accept: "application/ld+json"));

        Assert.Equal("cy", (string)welsh["inLanguage"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan/html?variant=plain&lang=cy", (string)welsh["url"]!);
        Assert.Equal($"{Base}/leaflets/bone-scan/html?variant=plain", (string)welsh["translationOfWork"]!["url"]!);
        Assert.Equal("en-GB", (string)welsh["translationOfWork"]!["inLanguage"]!);
        Assert.Null(welsh["workTranslation"]);

        Assert.Equal("en-GB", (string)main["inLanguage"]!);
        Assert.Null(main["translationOfWork"]);
        var translation = Assert.Single(main["workTranslation"]!.AsArray())!;
        Assert.Equal(("cy", (string)welsh["url"]!), ((string)translation["inLanguage"]!, (string)translation["url"]!));
    }

    [Fact]
    public async Task The_html_page_of_a_translation_is_in_its_language_and_offers_no_switch_to_a_variant_it_lacks()
    {
        var welsh = await (await GetAsync("/api/leaflets/bone-scan/html?lang=cy")).Content.ReadAsStringAsync();
        var main = await (await GetAsync("/api/leaflets/bone-scan/html")).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"cy\">", welsh, StringComparison.Ordinal);
        Assert.Contains("<h1>Cael sgan esgyrn</h1>", welsh, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"variants\"", welsh, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Base}/leaflets/bone-scan/html?variant=easy-read\"", main, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cy", new[] { "bone-scan" })]
    [InlineData("CY", new[] { "bone-scan" })]
    [InlineData("en", new[] { "blood-test", "bone-scan" })]
    [InlineData("fr", new string[0])]
    public async Task The_list_keeps_the_leaflets_written_in_the_language_asked_for(string lang, string[] ids)
    {
        var list = await ApiJson.ReadAsync(await GetAsync($"/api/leaflets?lang={lang}&pageSize=1"));
        var all = await ApiJson.ReadAsync(await GetAsync($"/api/leaflets?lang={lang}"));

        Assert.Equal(ids, all["items"]!.AsArray().Select(item => (string)item!["id"]!).Order(StringComparer.Ordinal));
        Assert.Equal(ids.Length, (int)list["total"]!);
        Assert.Contains($"lang={lang}", (string)list["links"]!["self"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_item_names_every_language_its_leaflet_is_written_in()
    {
        var list = await ApiJson.ReadAsync(await GetAsync("/api/leaflets"));

        var items = list["items"]!.AsArray().ToDictionary(item => (string)item!["id"]!, item => item!["languages"]!.AsArray().Select(tag => (string)tag!).ToList());
        Assert.Equal(["en-GB", "cy"], items["bone-scan"]);
        Assert.Equal(["en-GB"], items["blood-test"]);
    }

    [Fact]
    public async Task The_website_s_leaflet_page_says_the_language_it_negotiated_so_caches_keep_languages_apart()
    {
        var response = await GetAsync("/leaflets/bone-scan", acceptLanguage: "cy", accept: "text/html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["cy"], response.Content.Headers.ContentLanguage);
        Assert.Equal(["Accept", "Accept-Language", "Accept-Encoding"], response.Headers.Vary);
    }
}
