using System.Collections.Immutable;
using System.Xml.Linq;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Tests.Html;

namespace Leaflets.Content.Tests.Site;

/// <summary>A leaflet on the website: the leaflet itself, its versions, the print form and the QR code.</summary>
public sealed class LeafletPageTests
{
    private static XDocument Render(LeafletVariant variant = LeafletVariant.Plain, Leaflet? leaflet = null, SiteUrls? urls = null)
        => HtmlPage.Parse(LeafletPage.Render(leaflet ?? TestDocuments.Leaflet(), variant, urls ?? SitePageSamples.Relative(1), TestDocuments.Today));

    private static XElement PrintForm(XDocument page) => page.All("form").Single(form => form.Attr("id") == "print");

    private static IEnumerable<XElement> Radios(XElement form, string name)
        => form.Descendants("input").Where(input => input.Attr("type") == "radio" && input.Attr("name") == name);

    [Fact]
    public void The_leaflet_is_the_standalone_pages_text_in_its_own_language()
    {
        var page = Render();
        var article = page.All("article").Single();
        Assert.Equal("en-GB", article.Attr("lang"));
        Assert.Equal("Strengthening painful bones", article.Descendants("h1").Single().Value);
        var standalone = HtmlPage.Parse(LeafletHtmlRenderer.Render(TestDocuments.Leaflet(), LeafletVariant.Plain, null, TestDocuments.Today));
        Assert.Equal(
            standalone.All("main").Single().Elements().Select(e => e.Value),
            article.Elements().Where(e => e.Attr("class") != "about").Select(e => e.Value));
        Assert.Equal(standalone.All("footer").Single().Value, article.Elements("footer").Single().Value);
        Assert.Equal("Strengthening painful bones – Patient information leaflets", page.All("title").Single().Value);
    }

    [Fact]
    public void An_overdue_leaflet_says_so_right_under_its_title_as_on_its_standalone_page()
    {
        var article = Render().All("article").Single();
        var underTitle = article.Element("header")!.ElementsAfterSelf().First();
        Assert.Equal("review-overdue", underTitle.Attr("class"));
        Assert.StartsWith("This leaflet is overdue for review.", underTitle.Value, StringComparison.Ordinal);
        Assert.Single(article.Descendants("p"), p => p.Attr("class") is { } c && c.StartsWith("review-", StringComparison.Ordinal));
    }

    [Fact]
    public void Images_come_from_the_api_relative_to_the_page()
        => Assert.Contains(Render().All("img"), img => img.Attr("src") == "../api/leaflets/cementoplasty/images/spine.png");

    [Theory]
    [InlineData(LeafletVariant.Plain, "Read the easy read version of this leaflet", "../leaflets/cementoplasty?variant=easy-read&lang=en-GB")]
    [InlineData(LeafletVariant.EasyRead, "Read the standard version of this leaflet", "../leaflets/cementoplasty?lang=en-GB")]
    public void The_variant_switch_links_to_the_other_version_on_the_site_in_the_language_shown(LeafletVariant variant, string text, string href)
    {
        var nav = Render(variant).All("nav").Single(n => n.Attr("class") == "leaflet-nav");
        Assert.Equal("Versions and printing", nav.Attr("aria-label"));
        var links = nav.Descendants("a").ToList();
        Assert.Equal((text, href), (links[0].Value, links[0].Attr("href")));
        Assert.Equal(("Print or download this leaflet", "#print-or-download"), (links[1].Value, links[1].Attr("href")));
        Assert.NotNull(Render(variant).Descendants().SingleOrDefault(e => e.Attr("id") == "print-or-download"));
    }

    [Theory]
    [InlineData(LeafletVariant.Plain, "../api/leaflets/cementoplasty/epub?lang=en-GB", "../api/leaflets/cementoplasty/braille?lang=en-GB", "../api/leaflets/cementoplasty/audio?lang=en-GB")]
    [InlineData(LeafletVariant.EasyRead, "../api/leaflets/cementoplasty/epub?variant=easy-read&lang=en-GB", "../api/leaflets/cementoplasty/braille?variant=easy-read&lang=en-GB", "../api/leaflets/cementoplasty/audio?variant=easy-read&lang=en-GB")]
    public void Under_the_print_form_other_formats_link_to_the_epub_the_braille_and_the_audio_of_the_version_shown(LeafletVariant variant, string epub, string braille, string audio)
    {
        var section = Render(variant).All("section").Single(s => s.Attr("class") == "printing");
        var heading = section.Elements("h3").Single();
        var list = heading.ElementsAfterSelf().First();

        Assert.Equal(("Other formats", "ul"), (heading.Value, list.Name.LocalName));
        Assert.Equal(PrintForm(Render(variant)), heading.ElementsBeforeSelf("form").Single(), XNode.EqualityComparer);
        Assert.Equal(
            [
                ("EPUB e-book, for reading apps and e-readers", epub, "application/epub+zip"),
                ("Braille file (BRF) for an embosser or a braille display", braille, "text/plain"),
                ("Spoken version: an audio file (Ogg Opus) with a chapter for each section", audio, "audio/ogg"),
            ],
            list.Descendants("a").Select(link => (link.Value, link.Attr("href"), link.Attr("type"))));
    }

    [Fact]
    public void A_translations_page_links_to_the_epub_the_braille_and_the_audio_in_its_language_in_its_own_words()
    {
        var leaflet = SitePageSamples.WithWelshPlain(TestDocuments.Leaflet());
        var page = HtmlPage.Parse(LeafletPage.Render(leaflet, LeafletVariant.Plain, SitePageSamples.Relative(1), TestDocuments.Today, "cy"));
        var section = page.All("section").Single(s => s.Attr("class") == "printing");

        Assert.Equal("Fformatau eraill", section.Elements("h3").Single().Value);
        var links = section.Descendants("ul").Single().Descendants("a").ToList();
        Assert.Equal(
            [("../api/leaflets/cementoplasty/epub?lang=cy", null), ("../api/leaflets/cementoplasty/braille?lang=cy", null), ("../api/leaflets/cementoplasty/audio?lang=cy", null)],
            links.Select(link => (link.Attr("href"), link.Attr("lang"))));
        Assert.StartsWith("E-lyfr EPUB", links[0].Value, StringComparison.Ordinal);
        Assert.StartsWith("Braille (ffeil BRF)", links[1].Value, StringComparison.Ordinal);
        Assert.StartsWith("Fersiwn llafar", links[2].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_in_a_language_without_braille_or_a_voice_links_to_the_epub_only()
    {
        // Polish: no strings file, no braille table (BrailleTable.For) and no voice (SpeechRequest.Offers), so the list keeps only the EPUB.
        var leaflet = TestDocuments.Leaflet();
        var main = leaflet.Document(LeafletVariant.Plain);
        var polish = main with
        {
            Metadata = main.Metadata with { Language = "pl" },
            ContentHash = main.ContentHash + "-pl",
            SourcePath = main.SourcePath.Replace(".md", ".pl.md", StringComparison.Ordinal),
        };
        leaflet = leaflet with { Translations = leaflet.Translations.SetItem("pl", ImmutableSortedDictionary<LeafletVariant, LeafletDocument>.Empty.Add(LeafletVariant.Plain, polish)) };
        var page = HtmlPage.Parse(LeafletPage.Render(leaflet, LeafletVariant.Plain, SitePageSamples.Relative(1), TestDocuments.Today, "pl"));
        var section = page.All("section").Single(s => s.Attr("class") == "printing");

        Assert.Equal(["../api/leaflets/cementoplasty/epub?lang=pl"], section.Descendants("ul").Single().Descendants("a").Select(link => link.Attr("href")));
    }

    [Fact]
    public void A_leaflet_with_one_version_offers_no_switch_and_prints_only_that_version()
    {
        var page = Render(leaflet: SitePageSamples.Titled("blood-test", "Giving a blood sample"));
        Assert.Equal(["#print-or-download"], page.All("nav").Single(n => n.Attr("class") == "leaflet-nav").Descendants("a").Select(a => a.Attr("href")));
        Assert.Equal(["plain"], Radios(PrintForm(page), "variant").Select(r => r.Attr("value")));
    }

    [Fact]
    public void The_print_form_is_a_get_form_to_the_leaflets_pdf_route()
    {
        var form = PrintForm(Render());
        Assert.Equal("get", form.Attr("method"));
        Assert.Equal("../api/leaflets/cementoplasty/pdf", form.Attr("action"));
        Assert.Equal("submit", form.Descendants("button").Single().Attr("type"));
        Assert.Equal(["Version", "Text size", "Paper"], form.Elements("fieldset").Select(f => f.Element("legend")!.Value));
        Assert.Equal(
            SitePageSamples.UnderRoot(1).PrintForm("cementoplasty"),
            PrintForm(Render(urls: SitePageSamples.UnderRoot(1))).Attr("action"));
    }

    [Theory]
    [InlineData(LeafletVariant.Plain, "plain")]
    [InlineData(LeafletVariant.EasyRead, "easy-read")]
    public void The_print_form_offers_every_choice_the_pdf_route_takes_with_the_defaults_and_the_current_version_chosen(LeafletVariant variant, string chosen)
    {
        var form = PrintForm(Render(variant));
        string Label(XElement radio) => form.Descendants("label").Single(l => l.Attr("for") == radio.Attr("id")).Value;

        Assert.Equal([("plain", "Standard"), ("easy-read", "Easy read")], Radios(form, "variant").Select(r => (r.Attr("value")!, Label(r))));
        Assert.Equal(
            [("16", "16 point: large"), ("18", "18 point: larger"), ("20", "20 point: extra large"), ("24", "24 point: very large")],
            Radios(form, "size").Select(r => (r.Attr("value")!, Label(r))));
        Assert.Equal([("A4", "A4"), ("A5", "A5 (half of A4)"), ("Letter", "US Letter")], Radios(form, "paper").Select(r => (r.Attr("value")!, Label(r))));

        Assert.Equal([chosen, "18", "A4"], form.Descendants("input").Where(i => i.Attr("checked") == "checked").Select(i => i.Attr("value")));
        Assert.All(Radios(form, "paper"), radio => Assert.True(PrintChoice.TryParsePaper(radio.Attr("value"), out _)));
        Assert.All(Radios(form, "size"), radio => Assert.True(PrintChoice.TryParseSize(radio.Attr("value"), out _)));
    }

    [Fact]
    public void Every_print_size_and_paper_the_pdf_route_offers_has_words()
    {
        var form = PrintForm(Render());
        Assert.Equal(PdfRenderOptions.AllowedSizes.Length, Radios(form, "size").Count());
        Assert.Equal(PdfRenderOptions.AllowedPapers.Length, Radios(form, "paper").Count());
    }

    [Theory]
    [InlineData(LeafletVariant.Plain, "http://localhost:7071/leaflets/cementoplasty")]
    [InlineData(LeafletVariant.EasyRead, "http://localhost:7071/leaflets/cementoplasty?variant=easy-read")]
    public void The_qr_code_is_of_the_pages_own_address_written_beside_it(LeafletVariant variant, string address)
    {
        var html = LeafletPage.Render(TestDocuments.Leaflet(), variant, SitePageSamples.Relative(1), TestDocuments.Today);
        var page = HtmlPage.Parse(html);
        var section = page.All("section").Single(s => s.Attr("aria-labelledby") == "on-a-phone");
        Assert.Equal(address, section.Descendants("span").Single(s => s.Attr("class") == "address").Value);
        var svg = section.Descendants().Single(e => e.Name.LocalName == "svg");
        Assert.Equal("img", svg.Attr("role"));
        Assert.Equal("QR code of this page’s address", svg.Attr("aria-label"));
        Assert.Contains(QrCodeSvg.Svg(address, "QR code of this page’s address"), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_a_configured_root_the_qr_code_is_of_the_address_there()
    {
        var page = Render(urls: SitePageSamples.UnderRoot(1));
        Assert.Equal(SitePageSamples.ConfiguredRoot + "/leaflets/cementoplasty", page.Descendants("span").Single(s => s.Attr("class") == "address").Value);
    }

    [Fact]
    public void Headings_come_in_order_without_skipping_a_level()
    {
        var levels = Render().Descendants().Where(e => e.Name.LocalName is "h1" or "h2" or "h3" or "h4").Select(h => h.Name.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1));
    }
}

/// <summary>The leaflet page's entity tag is known from its inputs without rendering, so each input must move it.</summary>
public sealed class SiteLeafletVersionTests
{
    private static string Version(Leaflet? leaflet = null, LeafletVariant variant = LeafletVariant.Plain,
        ReviewStatus status = ReviewStatus.Overdue, SiteUrls? urls = null)
        => RepresentationVersions.SiteLeaflet(leaflet ?? TestDocuments.Leaflet(), variant, status, urls ?? SitePageSamples.Relative(1));

    [Fact]
    public void The_same_inputs_give_the_same_version()
        => Assert.Equal(Version(), Version());

    [Fact]
    public void Each_input_that_shapes_the_page_changes_its_version()
    {
        var versions = new[]
        {
            Version(),
            Version(variant: LeafletVariant.EasyRead),
            Version(status: ReviewStatus.DueSoon),
            Version(urls: SitePageSamples.UnderRoot(1)),
            Version(urls: SitePageSamples.Relative(2)),
            Version(urls: new SiteUrls(new SiteOptions(), "https://other.example", 1)),
            Version(leaflet: TestDocuments.Leaflet(withEasyRead: false)),
        };
        Assert.Equal(versions.Length, versions.Distinct().Count());
    }
}
