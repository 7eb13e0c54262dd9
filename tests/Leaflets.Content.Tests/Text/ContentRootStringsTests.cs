using System.Text;
using Leaflets.Content.Loading;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Search;
using Leaflets.Content.Tests.Html;
using Leaflets.Content.Tests.Loading;
using Leaflets.Content.Tests.Site;
using Leaflets.Content.Text;

namespace Leaflets.Content.Tests.Text;

/// <summary>
/// A content root's strings files (<c>strings/{tag}.json</c>): one for a language the service has overrides its words
/// key by key, one for another language adds it, and a broken one is one problem and is ignored. Every file here is test
/// data: words we wrote for the test, not reviewed translations.
/// </summary>
public sealed class ContentRootStringsTests
{
    /// <summary>A few Irish words for the test (not a reviewed translation): every other key falls back to English.</summary>
    internal const string Irish = """
        {
          "language": "ga",
          "languageName": "Gaeilge",
          "site": {
            "homeTitle": "Aimsigh bileog",
            "siteName": "Bileoga eolais d’othair"
          },
          "leaflet": {
            "version": "Leagan"
          }
        }
        """;

    /// <summary>One Welsh word changed, for the test.</summary>
    internal const string WelshVersionWord = "Rhifyn prawf";

    internal const string WelshOverride = $$"""
        {
          "leaflet": {
            "version": "{{WelshVersionWord}}"
          }
        }
        """;

    [Fact]
    public void A_file_for_a_new_language_adds_it_to_the_languages_with_every_word_it_lacks_in_English()
    {
        var strings = TestStrings.With(("ga", Irish));

        Assert.Equal(["en", "cy", "ga"], strings.Languages);
        var irish = strings.For("ga-IE");
        Assert.Equal(("ga", "Gaeilge", "Leagan"), (irish.Language, irish.LanguageName, irish.Leaflet.Version));
        Assert.Equal(StringsLibrary.Embedded.English.Leaflet.References, irish.Leaflet.References);
        Assert.Equal("en", irish.LanguageOf(s => s.Leaflet.References));
        Assert.Equal("ga", irish.LanguageOf(s => s.Leaflet.Version));
        Assert.Equal("Gaeilge", strings.OwnNameOf("ga"));
        Assert.Null(StringsLibrary.Embedded.OwnNameOf("ga"));
    }

    [Fact]
    public void A_file_for_a_language_the_service_has_replaces_only_the_words_it_gives()
    {
        var strings = TestStrings.With(("cy", WelshOverride));

        var welsh = strings.For("cy");
        var embedded = StringsLibrary.Embedded.For("cy");
        Assert.Equal(WelshVersionWord, welsh.Leaflet.Version);
        Assert.Equal(embedded.Leaflet.References, welsh.Leaflet.References);
        Assert.Equal(embedded.Months, welsh.Months);
        Assert.Equal(embedded.EnglishFallbacks.Order(), welsh.EnglishFallbacks.Order());
        Assert.Equal("cy", welsh.LanguageOf(s => s.Leaflet.Version));
        Assert.NotEqual(embedded.Version, welsh.Version);
        Assert.Equal(StringsLibrary.Embedded.English.Version, strings.English.Version);
        Assert.True(strings.Changes("cy-GB"));
        Assert.False(strings.Changes("en"));
    }

    [Fact]
    public void An_English_file_replaces_words_and_stays_complete_and_moves_the_version_of_the_languages_that_fall_back_to_it()
    {
        var strings = TestStrings.With(("en", """{"leaflet": {"references": "Sources (test)"}}"""));

        Assert.Equal("Sources (test)", strings.English.Leaflet.References);
        Assert.Empty(strings.English.EnglishFallbacks);
        Assert.Equal(StringsLibrary.Embedded.English.Leaflet.Version, strings.English.Leaflet.Version);
        // A Welsh page shows English's words where Welsh lacks them, so its version moves with them.
        Assert.NotEqual(StringsLibrary.Embedded.For("cy").Version, strings.For("cy").Version);
        Assert.True(strings.Changes("cy"));
    }

    [Fact]
    public void A_broken_strings_file_is_one_problem_naming_its_file_line_and_rule_and_the_services_words_stay_while_a_good_one_loads()
    {
        var content = RuleTests.Good()
            .Add("strings/cy.json", "{\n  \"leaflet\": {\n    \"version\": \"Rhifyn\",\n    \"versoin\": \"Typo\"\n  }\n}\n")
            .Add("strings/ga.json", Irish)
            .Load();

        var problem = Assert.Single(content.Problems);
        Assert.Equal(("content/strings/cy.json", 4, ContentRules.StringsKeyUnknown, ProblemSeverity.Error),
            (problem.Path, problem.Line, problem.Rule, problem.Severity));
        Assert.Contains("leaflet.versoin", problem.Message, StringComparison.Ordinal);
        Assert.Equal("Fersiwn", content.Strings.For("cy").Leaflet.Version);
        Assert.Equal(["en", "cy", "ga"], content.Strings.Languages);
        Assert.Single(content.Leaflets);
    }

    public static TheoryData<string, string, string, int> BrokenFiles => new()
    {
        { "strings/cy.json", "[\"Fersiwn\"]", ContentRules.StringsJsonInvalid, 1 },
        { "strings/cy.json", "{\n  \"leaflet\": \"Fersiwn\"\n}", ContentRules.StringsJsonInvalid, 2 },
        { "strings/cy.json", "{\n  \"leaflet\": {\n    \"version\": 7\n  }\n}", ContentRules.StringsJsonInvalid, 3 },
        { "strings/cy.json", "{\n  \"leaflet\": {}\n}\n{}", ContentRules.StringsJsonInvalid, 4 },
        { "strings/cy.json", "{\n  \"site\": {\n    \"languageNames\": {\n      \"ga\": 1\n    }\n  }\n}", ContentRules.StringsJsonInvalid, 4 },
        { "strings/cy.json", "{\n  \"print\": {\n    \"pageOfPages\": \"Tudalen {page} o {pages} {pages}\"\n  }\n}", ContentRules.StringsPlaceholderInvalid, 3 },
        { "strings/cy.json", "{\n  \"leaflet\": {\n    \"version\": \"Fersiwn {version}\"\n  }\n}", ContentRules.StringsPlaceholderInvalid, 3 },
        { "strings/cy.json", "{\n  \"months\": \"Ionawr\"\n}", ContentRules.StringsMonthsInvalid, 2 },
        { "strings/cy.json", "{\n  \"months\": [\"Ionawr\", 2]\n}", ContentRules.StringsMonthsInvalid, 2 },
        { "strings/ga.json", "{\n  \"languageName\": \"Gaeilge\"\n}", ContentRules.StringsLanguageInvalid, 1 },
        { "strings/welsh!.json", "{}", ContentRules.StringsLanguageInvalid, 1 },
        { "strings/cy.txt", "{}", ContentRules.LayoutUnexpectedFile, 1 },
        { "strings/cy.json", "{\n  \"leaflet\": {\n    \"version\": \"" + new string('a', ContentLimits.MaxStringLength + 1) + "\"\n  }\n}", ContentRules.ValueTooLong, 3 },
        { "strings/cy.json", "{" + new string(' ', ContentLimits.MaxStringsFileBytes) + "}", ContentRules.FileTooLarge, 1 },
        { "strings/old/cy.json", "{}", ContentRules.LayoutUnexpectedFile, 1 },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Each_broken_strings_file_is_exactly_one_problem_at_its_line_and_leaves_the_words_as_they_were(string path, string json, string rule, int line)
    {
        var content = RuleTests.Good().Add(path, json).Load();

        var problem = Assert.Single(content.Problems);
        Assert.Equal(("content/" + path, line, rule), (problem.Path, problem.Line, problem.Rule));
        Assert.Same(StringsLibrary.Embedded, content.Strings);
        Assert.Single(content.Leaflets);
    }

    [Fact]
    public void Two_files_for_one_language_keep_the_first_and_report_the_second()
    {
        var content = RuleTests.Good().Add("strings/CY.json", WelshOverride).Add("strings/cy.json", "{}").Load();

        var problem = Assert.Single(content.Problems);
        Assert.Equal(("content/strings/cy.json", ContentRules.StringsLanguageInvalid), (problem.Path, problem.Rule));
        Assert.Equal(WelshVersionWord, content.Strings.For("cy").Leaflet.Version);
    }

    [Fact]
    public void A_leaflet_in_an_added_language_is_warned_of_each_word_its_file_lacks_and_one_with_no_file_once()
    {
        var irishLeaflet = RuleTests.Good().Add("leaflets/bones/plain.ga.md", RuleTests.Welsh("language: cy", "language: ga"));

        var withFile = irishLeaflet.Add("strings/ga.json", Irish).Load();
        var withoutFile = RuleTests.Good().Add("leaflets/bones/plain.ga.md", RuleTests.Welsh("language: cy", "language: ga")).Load();

        var missing = withFile.Problems.Where(p => p.Rule == ContentRules.StringsMissing).ToList();
        Assert.Equal(withFile.Strings.For("ga").EnglishFallbacks.Count, missing.Count);
        Assert.Contains(missing, p => p.Message.Contains("'leaflet.references'", StringComparison.Ordinal));
        Assert.DoesNotContain(missing, p => p.Message.Contains("'leaflet.version'", StringComparison.Ordinal));
        Assert.Equal("content/leaflets/bones/plain.ga.md", Assert.Single(withoutFile.Problems, p => p.Rule == ContentRules.StringsMissing).Path);
    }

    [Fact]
    public void The_site_offers_an_added_language_named_in_itself_and_shows_its_pages_in_it_with_English_words_marked()
    {
        var strings = TestStrings.With(("ga", Irish));
        var leaflets = SitePageSamples.Catalog;
        var urls = SitePageSamples.Relative(0);
        string Home(string language) => HomePage.Render(Topics.Of(leaflets), SitePageSamples.Search(leaflets, null), urls,
            SitePageSamples.InEvery(language, urls, links => links.Home, strings));

        var welsh = HtmlPage.Parse(Home("cy"));
        var irish = HtmlPage.Parse(Home("ga"));

        var switchLinks = welsh.All("nav").Single(n => n.Attr("class") == "languages").Descendants("a")
            .Select(a => (a.Value, a.Attr("hreflang"), a.Attr("lang"), a.Attr("href")));
        Assert.Equal([("English", "en", "en", "./?lang=en"), ("Gaeilge", "ga", "ga", "./?lang=ga")], switchLinks);
        Assert.Equal(["en", "cy", "ga", "x-default"], welsh.All("link").Where(l => l.Attr("rel") == "alternate").Select(l => l.Attr("hreflang")));
        Assert.Equal("ga", irish.Root!.Attr("lang"));
        Assert.Equal(("Aimsigh bileog", null), (irish.All("h1").Single().Value, irish.All("h1").Single().Attr("lang")));
        var skip = irish.All("a").Single(a => a.Attr("class") == "skip-link");
        Assert.Equal((StringsLibrary.Embedded.English.Site.SkipToContent, "en"), (skip.Value, skip.Attr("lang")));
    }

    [Fact]
    public void A_pages_version_moves_when_a_content_root_changes_a_word_it_shows_and_not_otherwise()
    {
        var leaflet = SitePageSamples.WithWelshPlain(TestDocuments.Leaflet(), []);
        var welsh = leaflet.Document(Model.LeafletVariant.Plain, "cy");
        var urls = new ApiUrls("https://example.org/api");
        string Version(StringsLibrary strings, Model.LeafletDocument document)
            => RepresentationVersions.Html(leaflet, document, Model.ReviewStatus.Current, urls, strings);

        var overridden = TestStrings.With(("cy", WelshOverride));

        Assert.NotEqual(Version(StringsLibrary.Embedded, welsh), Version(overridden, welsh));
        Assert.Equal(Version(StringsLibrary.Embedded, leaflet.Plain), Version(overridden, leaflet.Plain));
        Assert.Contains(WelshVersionWord, Rendering.Html.LeafletHtmlRenderer.Render(leaflet, Model.LeafletVariant.Plain, language: "cy", strings: overridden),
            StringComparison.Ordinal);
    }
}
