using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;

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
}
