using System.Text;
using System.Xml.Linq;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Search;
using Leaflets.Content.Tests.Html;
using Leaflets.Content.Tests.Text;
using Leaflets.Content.Text;

namespace Leaflets.Content.Tests.Site;

/// <summary>
/// The website in the reader's language: every page's own words in the language it shows (English, marked as such,
/// where there are none), links that keep that language, and the leaflet page's language switch and alternates.
/// </summary>
public sealed class SiteLanguageTests
{
    /// <summary>
    /// English words only the site's code writes, none of which the test leaflets' own text holds: not one may be
    /// left on a Welsh page (in its text, its title or an accessible name).
    /// </summary>
    private static readonly string[] EnglishChrome =
    [
        "Skip to content", "Patient information leaflets", "Search for a leaflet", "Find a leaflet", "Browse by topic",
        "Leaflets A to Z", "Search results", "found for", "What you can try", "Available as", "Standard", "Easy read",
        "Print or download", "Text size", "Paper", "Open the PDF", "Open this leaflet on a phone", "Page not found",
        "not quite right", "Go to the home page", "Versions and printing", "Languages", "Read the", "About this leaflet",
        "Last reviewed", "overdue", "English", "Welsh",
    ];

    private static XDocument Page(string kind, string language)
        => HtmlPage.Parse(SitePageSamples.EveryKind(SitePageSamples.Relative, language).Single(page => page.Kind == kind).Html);

    private static Leaflet Bilingual(params LeafletVariant[] welsh) => SitePageSamples.WithWelshPlain(TestDocuments.Leaflet(), welsh);

    private static XDocument LeafletPage(Leaflet leaflet, LeafletVariant variant = LeafletVariant.Plain, string? language = null)
        => HtmlPage.Parse(Rendering.Site.LeafletPage.Render(leaflet, variant, SitePageSamples.Relative(1), TestDocuments.Today, language));

    /// <summary>What a reader sees or hears of a page: its text and the accessible names and labels of its elements.</summary>
    private static string Readable(XDocument page)
        => page.Root!.Value + "\n" + string.Join("\n", page.Descendants().SelectMany(e => new[] { e.Attr("aria-label"), e.Attr("alt") }).OfType<string>());

    private static XDocument WithoutOtherLanguages(XDocument page, string language)
    {
        var copy = new XDocument(page);
        copy.Root!.Descendants().Where(e => e.Attr("lang") is { } lang && lang != language).ToList().ForEach(e => e.Remove());
        return copy;
    }

    /// <summary>Every kind of page that Welsh is shown on: the Welsh test leaflet has no easy read, so that page is English.</summary>
    public static TheoryData<string> WelshKinds =>
        [.. SitePageSamples.EveryKind(SitePageSamples.Relative, "cy").Select(page => page.Kind).Where(kind => kind != "leaflet easy read")];

    [Theory]
    [MemberData(nameof(WelshKinds))]
    public void A_Welsh_site_page_is_marked_Welsh_and_has_no_English_chrome_word(string kind)
    {
        var page = Page(kind, "cy");

        Assert.Equal("cy", page.Root!.Attr("lang"));
        // A link to the English leaflet, or to this page in English, is named in English, and says so.
        var words = Readable(WithoutOtherLanguages(page, "cy"));
        Assert.All(EnglishChrome, english => Assert.DoesNotContain(english, words, StringComparison.Ordinal));
        // No word fell back to English: the only English is a language switch's name for English ("English", hreflang en).
        Assert.DoesNotContain(page.Descendants(), e => e.Attr("lang") == "en" && e.Attr("hreflang") != "en");
    }

    [Fact]
    public void Welsh_pages_say_Welsh_things_in_Welsh()
    {
        Assert.Equal("Dod o hyd i daflen", Page("home", "cy").All("h1").Single().Value);
        Assert.Equal("Chwilio am daflen", Page("empty search", "cy").All("label").Single().Value);
        Assert.Contains(" – Taflenni gwybodaeth i gleifion", Page("topic", "cy").All("title").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaflet_page_without_a_translation_in_the_chosen_language_is_in_its_own_language_words_and_all()
    {
        var page = Page("leaflet easy read", "cy");

        Assert.Equal("en", page.Root!.Attr("lang"));
        Assert.Equal("en-GB", page.All("article").Single().Attr("lang"));
        Assert.Contains("Print or download", Readable(page), StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaflet_in_a_language_with_no_strings_file_is_shown_in_English_chrome_marked_English()
    {
        var polish = TestDocuments.Leaflet(plainMetadata: TestDocuments.Metadata("Strengthening painful bones", "pl"), withEasyRead: false);

        var page = LeafletPage(polish);

        Assert.Equal("en", page.Root!.Attr("lang"));
        Assert.Equal("pl", page.All("article").Single().Attr("lang"));
        Assert.Equal("Print or download", page.All("h2").Single(h => h.Attr("id") == "print-or-download").Value);
        Assert.Equal("pl", page.All("input").Single(i => i.Attr("name") == "lang").Attr("value"));
    }

    [Fact]
    public void A_site_language_missing_a_word_shows_it_in_English_marked_English()
    {
        var json = """{"language":"xx","languageName":"Xx","site":{"homeTitle":"Xx home","siteName":"Xx leaflets"}}""";
        var strings = TestStrings.With(("xx", json));

        var page = HtmlPage.Parse(HomePage.Render(Topics.Of(SitePageSamples.Catalog), SitePageSamples.Search(SitePageSamples.Catalog, null),
            SitePageSamples.Relative(0), SiteLanguage.Only(strings, "xx")));

        Assert.Equal("xx", page.Root!.Attr("lang"));
        var h1 = page.All("h1").Single();
        Assert.Equal(("Xx home", null), (h1.Value, h1.Attr("lang")));
        Assert.Equal("en", page.All("a").Single(a => a.Attr("class") == "skip-link").Attr("lang"));
        Assert.Equal("en", page.All("h2").Single(h => h.Attr("id") == HomePage.TopicsId).Attr("lang"));
        Assert.Null(page.All("a").Single(a => a.Attr("class") == "site-name").Attr("lang"));
        Assert.Equal("en", page.All("label").Single().Attr("lang"));
    }

    [Fact]
    public void A_leaflet_page_links_to_the_same_version_in_each_other_language_named_in_that_language()
    {
        var english = LeafletPage(Bilingual());
        var welsh = LeafletPage(Bilingual(), language: "cy");

        var toWelsh = english.All("nav").Single(n => n.Attr("class") == "languages").Descendants("a").Single();
        Assert.Equal(("Cymraeg", "cy", "cy", "../leaflets/cementoplasty?lang=cy"),
            (toWelsh.Value, toWelsh.Attr("lang"), toWelsh.Attr("hreflang"), toWelsh.Attr("href")));
        Assert.Equal("Languages", english.All("nav").Single(n => n.Attr("class") == "languages").Attr("aria-label"));
        var toEnglish = welsh.All("nav").Single(n => n.Attr("class") == "languages").Descendants("a").Single();
        Assert.Equal(("English", "en-GB", "en-GB", "../leaflets/cementoplasty?lang=en-GB"),
            (toEnglish.Value, toEnglish.Attr("lang"), toEnglish.Attr("hreflang"), toEnglish.Attr("href")));
        Assert.Equal("Ieithoedd", welsh.All("nav").Single(n => n.Attr("class") == "languages").Attr("aria-label"));
    }

    [Fact]
    public void A_leaflet_page_lists_its_variant_in_every_language_as_alternates_with_its_own_address_as_the_default()
    {
        foreach (var language in new[] { "en-GB", "cy" })
        {
            var alternates = LeafletPage(Bilingual(), language: language).All("link").Where(l => l.Attr("rel") == "alternate")
                .Select(l => (l.Attr("hreflang"), l.Attr("href")));

            Assert.Equal(
                [("en-GB", "../leaflets/cementoplasty?lang=en-GB"), ("cy", "../leaflets/cementoplasty?lang=cy"), ("x-default", "../leaflets/cementoplasty")],
                alternates);
        }
    }

    [Fact]
    public void A_version_in_one_language_only_has_no_language_switch_and_no_alternates()
    {
        var page = LeafletPage(Bilingual(), LeafletVariant.EasyRead);

        Assert.DoesNotContain(page.All("nav"), n => n.Attr("class") == "languages");
        Assert.DoesNotContain(page.All("link"), l => l.Attr("rel") == "alternate");
    }

    [Fact]
    public void The_variant_switch_keeps_the_language_where_the_other_version_is_in_it_and_else_goes_to_the_main_language()
    {
        var both = LeafletPage(Bilingual(LeafletVariant.Plain, LeafletVariant.EasyRead), language: "cy")
            .All("nav").Single(n => n.Attr("class") == "leaflet-nav").Descendants("a").First();
        var plainOnly = LeafletPage(Bilingual(), language: "cy")
            .All("nav").Single(n => n.Attr("class") == "leaflet-nav").Descendants("a").First();

        Assert.Equal(("../leaflets/cementoplasty?variant=easy-read&lang=cy", "cy"), (both.Attr("href"), both.Attr("hreflang")));
        Assert.Equal(("../leaflets/cementoplasty?variant=easy-read&lang=en-GB", "en-GB"), (plainOnly.Attr("href"), plainOnly.Attr("hreflang")));
        Assert.Equal(StringsLibrary.Embedded.For("cy").Leaflet.ReadEasyReadVersion, plainOnly.Value);
    }

    [Fact]
    public void The_print_form_asks_for_the_pdf_in_the_language_shown_and_offers_only_the_versions_in_it()
    {
        XElement Form(string? language) => LeafletPage(Bilingual(), language: language).All("form").Single(f => f.Attr("id") == "print");

        Assert.Equal("cy", Form("cy").Descendants("input").Single(i => i.Attr("type") == "hidden").Attr("value"));
        Assert.Equal("lang", Form("cy").Descendants("input").Single(i => i.Attr("type") == "hidden").Attr("name"));
        Assert.Equal("en-GB", Form(null).Descendants("input").Single(i => i.Attr("type") == "hidden").Attr("value"));
        Assert.Equal(["plain"], Form("cy").Descendants("input").Where(i => i.Attr("name") == "variant").Select(i => i.Attr("value")));
        Assert.Equal(["plain", "easy-read"], Form(null).Descendants("input").Where(i => i.Attr("name") == "variant").Select(i => i.Attr("value")));
    }

    [Fact]
    public void A_translations_qr_code_is_of_its_own_address_with_its_language()
    {
        var address = LeafletPage(Bilingual(), language: "cy").Descendants("span").Single(s => s.Attr("class") == "address").Value;

        Assert.Equal("http://localhost:7071/leaflets/cementoplasty?lang=cy", address);
    }

    [Fact]
    public void Links_from_a_Welsh_page_to_other_site_pages_keep_Welsh_and_its_search_form_sends_it()
    {
        var home = Page("home", "cy");

        Assert.All(home.All("ul").Single(u => u.Attr("class") == "topics").Descendants("a"),
            a => Assert.EndsWith("?lang=cy", a.Attr("href"), StringComparison.Ordinal));
        Assert.Equal("./?lang=cy", home.All("a").Single(a => a.Attr("class") == "site-name").Attr("href"));
        var hidden = home.All("form").Single(f => f.Attr("role") == "search").Descendants("input").Single(i => i.Attr("type") == "hidden");
        Assert.Equal(("lang", "cy"), (hidden.Attr("name"), hidden.Attr("value")));
        Assert.DoesNotContain(Page("home", "en").Descendants("input"), i => i.Attr("type") == "hidden");
        // Only the language switch names a language, to reach it whatever the browser prefers.
        Assert.DoesNotContain(Page("home", "en").Descendants("a"),
            a => a.Attr("hreflang") is null && a.Attr("href")?.Contains("lang=", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_list_shows_a_leaflet_in_the_pages_language_where_it_has_it_and_marks_the_others_language()
    {
        var items = Page("home", "cy").All("ol").Single().Elements("li").Select(li => li.Descendants("a").First()).ToList();

        Assert.Contains(items, a => (a.Value, a.Attr("href"), a.Attr("lang")) == (SitePageSamples.WelshTitle, "leaflets/cementoplasty?lang=cy", null));
        Assert.Contains(items, a => (a.Value, a.Attr("href"), a.Attr("lang")) == ("Giving a blood sample", "leaflets/blood-test", "en-GB"));
    }

    [Fact]
    public void A_results_languages_each_link_to_the_leaflet_in_that_language()
    {
        var details = Page("search", "cy").All("ul").First(u => u.Attr("class") == "details");
        var languages = details.Elements("li").Single(li => li.Descendants("a").Any());

        Assert.Equal(
            [("Saesneg", "leaflets/cementoplasty?lang=en-GB", "en-GB"), ("Cymraeg", "leaflets/cementoplasty?lang=cy", "cy")],
            languages.Descendants("a").Select(a => (a.Value, a.Attr("href"), a.Attr("hreflang"))));
        Assert.StartsWith(ReaderStrings.FillAround(StringsLibrary.Embedded.For("cy").Site.InLanguages, "languages").Before, languages.Value, StringComparison.Ordinal);
    }
}

/// <summary>The 404 page for a page asked for in a language it is not in.</summary>
public sealed class LanguageNotFoundPageTests
{
    [Fact]
    public void It_links_to_the_page_in_each_language_it_is_in_each_named_in_itself()
    {
        var page = HtmlPage.Parse(NotFoundPage.Render(SitePageSamples.Relative(0), SiteLanguage.Only(StringsLibrary.Embedded, "en"),
            [("en", "./?lang=en"), ("cy", "./?lang=cy")]));

        Assert.Equal("en", page.Root!.Attr("lang"));
        Assert.Contains(page.All("p"), p => p.Value == StringsLibrary.Embedded.English.Site.InOtherLanguages);
        Assert.Equal(
            [("English", "./?lang=en", "en"), ("Cymraeg", "./?lang=cy", "cy")],
            page.All("ul").Single(u => u.Attr("class") == "languages").Descendants("a").Select(a => (a.Value, a.Attr("href"), a.Attr("lang"))));
    }

    [Fact]
    public void An_ordinary_404_page_lists_no_languages()
        => Assert.DoesNotContain(HtmlPage.Parse(NotFoundPage.Render(SitePageSamples.Relative(0), SiteLanguage.Only(StringsLibrary.Embedded, "en"))).All("ul"),
            u => u.Attr("class") == "languages");
}

/// <summary>A site page's entity tag changes with the language it shows.</summary>
public sealed class SiteLanguageVersionTests
{
    [Fact]
    public void The_leaflet_pages_version_differs_per_language_and_moves_when_a_translation_changes()
    {
        var urls = SitePageSamples.Relative(1);
        var leaflet = SitePageSamples.WithWelshPlain(TestDocuments.Leaflet());
        var edited = leaflet with
        {
            Translations = leaflet.Translations.SetItem("cy", leaflet.Translations["cy"].SetItem(LeafletVariant.Plain,
                leaflet.Translations["cy"][LeafletVariant.Plain] with { ContentHash = "edited" })),
        };

        var versions = new[]
        {
            RepresentationVersions.SiteLeaflet(leaflet, LeafletVariant.Plain, ReviewStatus.Overdue, urls),
            RepresentationVersions.SiteLeaflet(leaflet, LeafletVariant.Plain, ReviewStatus.Overdue, urls, "cy"),
            RepresentationVersions.SiteLeaflet(edited, LeafletVariant.Plain, ReviewStatus.Overdue, urls),
            RepresentationVersions.SiteLeaflet(TestDocuments.Leaflet(), LeafletVariant.Plain, ReviewStatus.Overdue, urls),
        };

        Assert.Equal(versions.Length, versions.Distinct().Count());
        Assert.Equal(versions[0], RepresentationVersions.SiteLeaflet(leaflet, LeafletVariant.Plain, ReviewStatus.Overdue, urls, "en-GB"));
    }

    [Fact]
    public void Links_in_another_language_are_a_different_key_and_the_default_language_is_todays()
    {
        var urls = SitePageSamples.Relative(0);

        Assert.Same(urls, urls.InLanguage("en"));
        Assert.NotEqual(urls.Key, urls.InLanguage("cy").Key);
        Assert.Equal("./?page=2&lang=cy", urls.InLanguage("cy").HomePage(2));
        Assert.Equal("search?q=bone&page=2&lang=cy", urls.InLanguage("cy").Search("bone", 2));
        Assert.Equal("topics/x?lang=cy", urls.InLanguage("cy").Topic("x"));
        Assert.Equal("leaflets/x?variant=easy-read&lang=cy", urls.InLanguage("en").Leaflet("x", LeafletVariant.EasyRead, "cy"));
        Assert.Equal("leaflets/x", urls.InLanguage("cy").Leaflet("x", LeafletVariant.Plain));
        Assert.Equal("./?lang=en", urls.NamingLanguage("en").Home);
    }
}
