using System.Net;
using System.Xml.Linq;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Tests.Html;

namespace Leaflets.Api.Tests;

/// <summary>
/// The library website in the reader's language as <c>leaflets serve</c> serves it: <c>?lang=</c>, else
/// Accept-Language, chooses among the site's languages (home, search, topics) or the leaflet variant's (its page),
/// the response says which (Content-Language, Vary), and a language not offered is the 404 page listing those that are.
/// The fixture's bone scan has a Welsh plain variant (plain.cy.md) and no Welsh easy read.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SitePagesLanguageTests(FixtureServer fixture)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,*/*;q=0.8";

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? acceptLanguage = null, string? accept = BrowserAccept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        return await client.SendAsync(request);
    }

    private async Task<(HttpResponseMessage Response, XDocument Page)> GetAsync(string path, string? acceptLanguage = null)
    {
        var response = await SendAsync(fixture.Client, path, acceptLanguage);
        return (response, HtmlPage.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/?lang=cy", null, "cy")]
    [InlineData("/", "cy-GB, en;q=0.5", "cy")]
    [InlineData("/", null, "en")]
    [InlineData("/", "fr, de;q=0.8", "en")]
    [InlineData("/search?q=bone&lang=cy", null, "cy")]
    [InlineData("/search", "cy", "cy")]
    [InlineData("/topics/imaging?lang=CY", null, "cy")]
    [InlineData("/?lang=en", "cy", "en")]
    public async Task A_site_page_is_in_the_language_asked_for_or_preferred_and_says_so(string path, string? acceptLanguage, string language)
    {
        var (response, page) = await GetAsync(path, acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(language, page.Root!.Attr("lang"));
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/leaflets/bone-scan?lang=cy", null, "cy")]
    [InlineData("/leaflets/bone-scan", "cy", "cy")]
    [InlineData("/leaflets/bone-scan?lang=en-GB", "cy", "en-GB")]
    [InlineData("/leaflets/bone-scan", null, "en-GB")]
    [InlineData("/leaflets/bone-scan?variant=easy-read", "cy", "en-GB")]
    public async Task A_leaflet_page_is_in_the_language_of_the_variant_asked_for_or_preferred(string path, string? acceptLanguage, string language)
    {
        var (response, page) = await GetAsync(path, acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(language, page.All("article").Single().Attr("lang"));
        Assert.Equal(language[..2], page.Root!.Attr("lang"));
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task The_Welsh_leaflet_page_links_to_the_English_one_and_lists_both_as_alternates()
    {
        var (_, page) = await GetAsync("/leaflets/bone-scan?lang=cy");

        Assert.Equal("Cael sgan esgyrn", page.All("h1").Single().Value);
        var toEnglish = page.All("nav").Single(n => n.Attr("class") == "languages").Descendants("a").Single();
        Assert.Equal(("English", "../leaflets/bone-scan?lang=en-GB"), (toEnglish.Value, toEnglish.Attr("href")));
        Assert.Equal(
            [("en-GB", "../leaflets/bone-scan?lang=en-GB"), ("cy", "../leaflets/bone-scan?lang=cy"), ("x-default", "../leaflets/bone-scan")],
            page.All("link").Where(l => l.Attr("rel") == "alternate").Select(l => (l.Attr("hreflang"), l.Attr("href"))));
        Assert.Equal(new Uri(fixture.Server.Address, "/leaflets/bone-scan?lang=cy").ToString(),
            page.Descendants("span").Single(s => s.Attr("class") == "address").Value);
    }

    [Fact]
    public async Task The_Welsh_print_form_opens_the_Welsh_pdf()
    {
        const string path = "/leaflets/bone-scan?lang=cy";
        var (_, page) = await GetAsync(path);
        var form = page.All("form").Single(f => f.Attr("id") == "print");
        var fields = form.Descendants("input").Where(i => i.Attr("type") == "hidden" || i.Attr("checked") == "checked")
            .Select(i => $"{i.Attr("name")}={i.Attr("value")}");

        // As a browser submits it, with the choices as they stand, asking for Welsh first so the form's lang must decide.
        var action = new Uri(new Uri(fixture.Server.Address, path), form.Attr("action"));
        var pdf = await SendAsync(fixture.Client, $"{action}?{string.Join('&', fields)}", acceptLanguage: "en", accept: null);

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["cy"], pdf.Content.Headers.ContentLanguage);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=bone")]
    [InlineData("/topics/imaging")]
    [InlineData("/leaflets/bone-scan")]
    public async Task A_page_in_each_language_has_its_own_etag(string path)
    {
        var english = await SendAsync(fixture.Client, path, "en");
        var welsh = await SendAsync(fixture.Client, path, "cy");

        Assert.NotEqual(english.Headers.ETag, welsh.Headers.ETag);
        var notModified = await SendAsync(fixture.Client, path, "cy");
        Assert.Equal(welsh.Headers.ETag, notModified.Headers.ETag);
    }

    [Fact]
    public async Task Links_and_the_search_form_on_a_Welsh_page_keep_Welsh()
    {
        var (_, page) = await GetAsync("/search?q=bone&lang=cy");

        Assert.Equal("./?lang=cy", page.All("a").Single(a => a.Attr("class") == "site-name").Attr("href"));
        var hidden = page.All("form").Single(f => f.Attr("role") == "search").Descendants("input").Single(i => i.Attr("type") == "hidden");
        Assert.Equal(("lang", "cy"), (hidden.Attr("name"), hidden.Attr("value")));
        Assert.Contains(page.All("ol").Single().Descendants("a"), a => (a.Value, a.Attr("href")) == ("Cael sgan esgyrn", "leaflets/bone-scan?lang=cy"));
    }

    [Theory]
    [InlineData("/?lang=fr", "en", "./?lang=en")]
    [InlineData("/search?q=bone&lang=fr", "en", "search?q=bone&lang=en")]
    [InlineData("/leaflets/blood-test?lang=cy", "cy", "../leaflets/blood-test?lang=en-GB")]
    public async Task A_language_not_offered_is_the_404_page_listing_the_languages_that_are(string path, string pageLanguage, string firstLink)
    {
        var (response, page) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(pageLanguage, page.Root!.Attr("lang"));
        Assert.Equal(firstLink, page.All("ul").Single(u => u.Attr("class") == "languages").Descendants("a").First().Attr("href"));

        var forProgram = await SendAsync(fixture.Client, path, accept: null);
        Assert.Equal(HttpStatusCode.NotFound, forProgram.StatusCode);
        Assert.Equal("application/problem+json", forProgram.Content.Headers.ContentType?.MediaType);
    }
}
