using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Tests.Site;
using Leaflets.Content.Text;
using static Leaflets.Content.Tests.Loading.RuleTests;

namespace Leaflets.Content.Tests.Html;

/// <summary>
/// The words the page adds around a leaflet are in the leaflet's language, and where they cannot be (no strings file,
/// or a key the file lacks) they are English marked lang="en", so a screen reader switches voice.
/// </summary>
public sealed class LanguageChromeTests
{
    /// <summary>English chrome that must not be left on a Welsh page (the test leaflet's own words are English too, so
    /// these are phrases only our code writes).</summary>
    private static readonly string[] EnglishChrome =
    [
        "About this leaflet", "Version", "Last reviewed", "Next review due", "References", "February", "overdue",
        "Ask your care team", "Read the", "Other versions",
    ];

    private static string Render(string language)
        => LeafletHtmlRenderer.Render(
            TestDocuments.Leaflet(plainMetadata: TestDocuments.Metadata("Strengthening painful bones", language)),
            LeafletVariant.Plain, today: TestDocuments.Today);

    [Fact]
    public void A_Welsh_leaflets_page_has_its_chrome_in_Welsh_with_Welsh_dates_and_no_English_chrome_word()
    {
        var html = Render("cy");
        var words = Assert.Single(HtmlPage.Parse(html).All("body")).Value;

        Assert.All(EnglishChrome, word => Assert.DoesNotContain(word, words, StringComparison.Ordinal));
        Assert.Contains("""<h2 id="about-this-leaflet">Am y daflen hon</h2>""", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Fersiwn</dt>", html, StringComparison.Ordinal);
        Assert.Contains(">15 Chwefror 2018</time>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Mae adolygiad y daflen hon yn hwyr.</strong>", html, StringComparison.Ordinal);
        Assert.Contains("""<h2 id="references">Cyfeiriadau</h2>""", html, StringComparison.Ordinal);
        Assert.DoesNotContain("lang=\"en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaflet_in_a_language_without_strings_gets_English_chrome_marked_as_English()
    {
        var page = HtmlPage.Parse(Render("pl"));

        Assert.Equal("pl", page.Root!.Attr("lang"));
        string?[] marked = [.. page.Descendants().Where(e => e.Attr("lang") == "en").Select(e => e.Value)];
        Assert.Contains("About this leaflet", marked);
        Assert.Contains("Version", marked);
        Assert.Contains("Last reviewed", marked);
        Assert.Contains("Next review due", marked);
        Assert.Contains("15 February 2018", marked);
        Assert.Contains("References", marked);
        Assert.Contains("This leaflet is overdue for review.", marked);
        Assert.Contains("Read the easy read version of this leaflet", marked);
        Assert.Contains(marked, text => text!.StartsWith("It was due to be checked by 15 February 2021.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_English_leaflets_page_marks_nothing_as_English_inside_itself()
    {
        var html = Render("en-GB");

        Assert.DoesNotContain("lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Version</dt>", html, StringComparison.Ordinal);
    }

    private static Leaflet Translated(string status = "unreviewed")
        => Good().Add("leaflets/bones/plain.cy.md", Welsh("translationStatus: unreviewed", "translationStatus: " + status)).Load().Leaflets["bones"];

    private static System.Xml.Linq.XElement? TranslationNotice(string html)
        => HtmlPage.Parse(html).Descendants("p").SingleOrDefault(p => p.Attr("class") == "translation-unreviewed");

    [Fact]
    public void An_unreviewed_translation_says_so_under_its_title_in_its_language_then_in_the_main_language_marked_as_that_language()
    {
        var html = LeafletHtmlRenderer.Render(Translated(), LeafletVariant.Plain, today: TestDocuments.Today, language: "cy");

        var notice = TranslationNotice(html)!;
        Assert.Equal("header", notice.ElementsBeforeSelf().Last().Name.LocalName);
        Assert.Null(notice.Attr("lang"));
        var welsh = StringsLibrary.Embedded.For("cy").Leaflet.TranslationUnreviewed;
        var english = StringsLibrary.Embedded.English.Leaflet.TranslationUnreviewed;
        Assert.Equal($"{welsh} {english}", notice.Value);
        var span = Assert.Single(notice.Elements());
        Assert.Equal(("span", "en-GB", english), (span.Name.LocalName, span.Attr("lang"), span.Value));
    }

    [Fact]
    public void The_website_leaflet_page_shows_the_same_notice()
    {
        var page = LeafletPage.Render(Translated(), LeafletVariant.Plain, SitePageSamples.Relative(1), TestDocuments.Today, "cy");

        Assert.Equal(
            TranslationNotice(LeafletHtmlRenderer.Render(Translated(), LeafletVariant.Plain, today: TestDocuments.Today, language: "cy"))!.ToString(),
            TranslationNotice(page)!.ToString());
    }

    [Fact]
    public void A_reviewed_translation_and_the_main_language_page_have_no_translation_notice()
    {
        Assert.Null(TranslationNotice(LeafletHtmlRenderer.Render(Translated("reviewed"), LeafletVariant.Plain, today: TestDocuments.Today, language: "cy")));
        Assert.Null(TranslationNotice(LeafletHtmlRenderer.Render(Translated(), LeafletVariant.Plain, today: TestDocuments.Today)));
    }

    [Fact]
    public void A_translation_into_a_language_without_strings_shows_the_main_languages_sentence_once_marked_as_English()
    {
        var leaflet = Good().Add("leaflets/bones/plain.pl.md", Welsh("language: cy", "language: pl")).Load().Leaflets["bones"];

        var notice = TranslationNotice(LeafletHtmlRenderer.Render(leaflet, LeafletVariant.Plain, today: TestDocuments.Today, language: "pl"))!;

        Assert.Equal(StringsLibrary.Embedded.English.Leaflet.TranslationUnreviewed, notice.Value);
        Assert.Equal("en", notice.Elements().Single().Attr("lang"));
    }

    [Fact]
    public void An_unreviewed_translations_page_version_covers_the_main_languages_strings_it_shows_and_other_pages_gain_nothing()
    {
        var welsh = Translated().Document(LeafletVariant.Plain, "cy").Metadata;

        Assert.Equal([StringsLibrary.Embedded.English.Version], Rendering.TranslationNotice.StringsVersions(welsh, StringsLibrary.Embedded));
        Assert.Empty(Rendering.TranslationNotice.StringsVersions(Translated("reviewed").Document(LeafletVariant.Plain, "cy").Metadata, StringsLibrary.Embedded));
        Assert.Empty(Rendering.TranslationNotice.StringsVersions(Translated().Plain.Metadata, StringsLibrary.Embedded));
    }

    [Fact]
    public void References_a_translation_takes_from_its_main_file_are_marked_as_the_main_language()
    {
        var welsh = HtmlPage.Parse(LeafletHtmlRenderer.Render(Translated(), LeafletVariant.Plain, today: TestDocuments.Today, language: "cy"));
        var english = HtmlPage.Parse(LeafletHtmlRenderer.Render(Translated(), LeafletVariant.Plain, today: TestDocuments.Today));

        Assert.Equal("en-GB", welsh.All("ol").Single(ol => ol.Attr("class") == "references").Attr("lang"));
        Assert.Null(english.All("ol").Single(ol => ol.Attr("class") == "references").Attr("lang"));
    }

    [Fact]
    public void A_translations_page_offers_the_other_variant_in_the_translations_words()
    {
        var welshEasyRead = Loading.ContentFixture.EasyReadFrontMatter
            .Replace("language: en-GB", "language: cy", StringComparison.Ordinal)
            .Replace("title: Making a bone stronger", "title: Gwneud asgwrn yn gryfach", StringComparison.Ordinal);
        var leaflet = Good().Add("leaflets/bones/easy-read.md", Loading.ContentFixture.EasyReadFrontMatter + "\nText.\n")
            .Add("leaflets/bones/plain.cy.md", Welsh())
            .Add("leaflets/bones/easy-read.cy.md", welshEasyRead + "\nTestun.\n").Load().Leaflets["bones"];

        var page = HtmlPage.Parse(LeafletHtmlRenderer.Render(leaflet, LeafletVariant.Plain, today: TestDocuments.Today, language: "cy"));

        var link = page.All("nav").Single().Descendants("a").Single();
        Assert.Equal(StringsLibrary.Embedded.For("cy").Leaflet.ReadEasyReadVersion, link.Value);
        Assert.Null(link.Attr("lang"));
        Assert.Equal("cy", link.Attr("hreflang"));
    }

    [Fact]
    public void A_translation_without_the_other_variant_offers_no_switch_to_another_language()
    {
        var leaflet = Good().Add("leaflets/bones/easy-read.md", Loading.ContentFixture.EasyReadFrontMatter + "\nText.\n")
            .Add("leaflets/bones/plain.cy.md", Welsh()).Load().Leaflets["bones"];

        var page = HtmlPage.Parse(LeafletHtmlRenderer.Render(leaflet, LeafletVariant.Plain, today: TestDocuments.Today, language: "cy"));

        Assert.Empty(page.All("nav"));
    }
}
