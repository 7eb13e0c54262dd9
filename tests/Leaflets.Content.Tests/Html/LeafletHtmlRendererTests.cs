using System.Collections.Immutable;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;

namespace Leaflets.Content.Tests.Html;

public class LeafletHtmlRendererTests
{
    private static string Render(Leaflet? leaflet = null, LeafletVariant variant = LeafletVariant.Plain, LeafletLinks? links = null)
        => LeafletHtmlRenderer.Render(leaflet ?? TestDocuments.Leaflet(), variant, links, TestDocuments.Today);

    [Fact]
    public void The_page_is_a_complete_well_formed_document_in_the_leaflets_language()
    {
        var html = Render(TestDocuments.Leaflet(plainMetadata: TestDocuments.Metadata("Strengthening painful bones", language: "cy-GB")));
        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        var page = HtmlPage.Parse(html);
        Assert.Equal("cy-GB", page.Root!.Attr("lang"));
        Assert.Equal("utf-8", page.All("meta").First().Attr("charset"));
        Assert.Equal("Strengthening painful bones", Assert.Single(page.All("title")).Value);
        Assert.Single(page.All("main"));
    }

    [Fact]
    public void There_is_exactly_one_h1_and_it_is_the_title()
    {
        var page = HtmlPage.Parse(Render());
        Assert.Equal("Strengthening painful bones", Assert.Single(page.All("h1")).Value);
    }

    [Fact]
    public void Headings_come_in_order_without_skipping_a_level_and_carry_their_anchors()
    {
        var page = HtmlPage.Parse(Render());
        var headings = page.Descendants().Where(e => e.Name.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6").ToList();
        var levels = headings.Select(h => h.Name.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"Heading '{headings[i].Value}' (h{levels[i]}) skips a level after h{levels[i - 1]}.");
        }
        Assert.Equal(["why-bones-hurt", "what-a-fracture-is", "how-it-is-done"], headings.Skip(1).Take(3).Select(h => h.Attr("id")));
    }

    [Fact]
    public void A_decorative_image_has_an_empty_alt_and_is_hidden_from_assistive_technology()
    {
        var page = HtmlPage.Parse(Render());
        var banner = page.All("img").Single(i => i.Attr("src") == "images/banner.png");
        Assert.Equal("", banner.Attr("alt"));
        Assert.Equal("true", banner.Parent!.Attr("aria-hidden"));
        Assert.NotEqual("figure", banner.Parent!.Name.LocalName);
    }

    [Fact]
    public void An_informative_figure_has_its_alternative_text_caption_and_size()
    {
        var page = HtmlPage.Parse(Render());
        var figure = Assert.Single(page.All("figure"));
        var img = figure.Element("img")!;
        Assert.StartsWith("A needle passing through the skin", img.Attr("alt"), StringComparison.Ordinal);
        Assert.Equal("600", img.Attr("width"));
        Assert.Equal("400", img.Attr("height"));
        Assert.Equal("Cement is injected into the damaged bone.", figure.Element("figcaption")!.Value);
    }

    [Fact]
    public void Every_image_has_an_alt_attribute()
    {
        foreach (var variant in LeafletVariants.All)
        {
            var page = HtmlPage.Parse(Render(variant: variant));
            Assert.All(page.All("img"), img => Assert.NotNull(img.Attr("alt")));
        }
    }

    [Fact]
    public void Table_header_cells_have_column_scope()
    {
        var page = HtmlPage.Parse(Render());
        var headers = page.All("th").ToList();
        Assert.Equal(2, headers.Count);
        Assert.All(headers, th => Assert.Equal("col", th.Attr("scope")));
        Assert.Equal(2, page.All("tbody").Single().Elements("tr").Count());
    }

    [Fact]
    public void A_callout_is_a_note_that_starts_with_its_bold_label()
    {
        var page = HtmlPage.Parse(Render());
        var callout = page.Descendants("div").Single(d => d.Attr("role") == "note");
        Assert.Equal("Important:", callout.Element("p")!.Element("strong")!.Value);
        Assert.Equal("NICE guidance on cementoplasty", callout.Descendants("a").Single().Value);
    }

    [Fact]
    public void Lists_keep_their_kind_and_items()
    {
        var page = HtmlPage.Parse(Render());
        Assert.Equal(3, page.All("ol").First(o => o.Attr("class") is null).Elements("li").Count());
        Assert.Equal(["Bring your medicines.", "Bring a list of questions."], page.All("ul").Single().Elements("li").Select(li => li.Value));
    }

    [Fact]
    public void Easy_read_rows_put_the_picture_before_the_words()
    {
        var page = HtmlPage.Parse(Render(variant: LeafletVariant.EasyRead));
        var rows = page.Descendants("div").Where(d => d.Attr("class") == "picture-row").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(["picture", "words"], row.Elements().Select(e => e.Attr("class"))));
        Assert.Equal("Making painful bones stronger (easy read)", page.All("title").Single().Value);
    }

    [Fact]
    public void Each_variant_links_to_the_other_when_both_exist()
    {
        var links = new LeafletLinks("/api/leaflets/cementoplasty/images", "/api/leaflets/cementoplasty/html?variant={variant}");
        var plain = HtmlPage.Parse(Render(links: links));
        var toEasyRead = plain.All("nav").Single().Descendants("a").Single();
        Assert.Equal("/api/leaflets/cementoplasty/html?variant=easy-read", toEasyRead.Attr("href"));
        Assert.Equal("Read the easy read version of this leaflet", toEasyRead.Value);
        Assert.Equal("/api/leaflets/cementoplasty/images/spine.png", plain.All("img").Single(i => i.Attr("alt")!.Length > 0).Attr("src"));

        var easy = HtmlPage.Parse(Render(variant: LeafletVariant.EasyRead, links: links));
        Assert.Equal("/api/leaflets/cementoplasty/html?variant=plain", easy.All("nav").Single().Descendants("a").Single().Attr("href"));
    }

    [Fact]
    public void No_variant_link_is_shown_when_there_is_only_one_variant()
    {
        var page = HtmlPage.Parse(Render(TestDocuments.Leaflet(withEasyRead: false)));
        Assert.Empty(page.All("nav"));
    }

    [Fact]
    public void Asking_for_a_missing_variant_is_a_clear_error()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Render(TestDocuments.Leaflet(withEasyRead: false), LeafletVariant.EasyRead));
        Assert.Contains("has no easy-read variant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_footer_gives_the_version_and_review_dates_and_lists_the_references()
    {
        var page = HtmlPage.Parse(Render());
        var footer = page.All("footer").Single();
        Assert.Equal(["Version", "Last reviewed", "Next review due"], footer.Descendants("dt").Select(dt => dt.Value));
        Assert.Equal(["2018-02-15", "2021-02-15"], footer.Descendants("time").Select(t => t.Attr("datetime")));
        var references = footer.Descendants("ol").Single().Elements("li").ToList();
        Assert.Equal("https://www.nice.org.uk/guidance/ipg179", references[0].Element("a")!.Attr("href"));
        Assert.Equal(
            "Percutaneous cementoplasty for palliative treatment of bony malignancies. National Institute for Health and Care Excellence, 2006.",
            references[0].Value);
        Assert.Null(references[1].Element("a"));
    }

    [Fact]
    public void An_overdue_leaflet_says_so_right_after_its_title_and_summary_with_the_first_sentence_stressed()
    {
        var page = HtmlPage.Parse(Render());
        var main = page.All("main").Single();
        var afterHeader = main.Element("header")!.ElementsAfterSelf().First();
        Assert.Equal("p", afterHeader.Name.LocalName);
        Assert.Equal("review-overdue", afterHeader.Attr("class"));
        Assert.Equal(
            "This leaflet is overdue for review. It was due to be checked by 15 February 2021. Ask your care team if anything in it has changed.",
            afterHeader.Value);
        Assert.Equal("This leaflet is overdue for review.", afterHeader.Element("strong")!.Value);
    }

    [Theory]
    [InlineData("2022-01-01", "review-overdue")]
    [InlineData("2020-12-01", "review-due-soon")]
    public void A_leaflet_overdue_or_due_soon_states_it_once_under_the_title_and_not_again_in_the_footer(string today, string cssClass)
    {
        var page = HtmlPage.Parse(RenderOn(today));
        var notice = Assert.Single(page.Descendants("p"), p => p.Attr("class")?.StartsWith("review-", StringComparison.Ordinal) == true);
        Assert.Equal(cssClass, notice.Attr("class"));
        Assert.Equal("main", notice.Parent!.Name.LocalName);
        Assert.Empty(page.All("footer").Single().Elements("p"));
    }

    [Fact]
    public void A_current_leaflet_adds_nothing_under_its_title_and_says_it_is_up_to_date_in_the_footer()
    {
        var page = HtmlPage.Parse(RenderOn("2019-01-01"));
        var main = page.All("main").Single();
        Assert.Equal("decoration", main.Element("header")!.ElementsAfterSelf().First().Attr("class"));
        Assert.DoesNotContain(main.Descendants("p"), p => p.Attr("class")?.StartsWith("review-", StringComparison.Ordinal) == true);
        var status = page.All("footer").Single().Elements("p").Single();
        Assert.Equal("review-current", status.Attr("class"));
        Assert.Equal("This leaflet is up to date.", status.Value);
    }

    [Fact]
    public void The_page_has_no_script_and_a_stylesheet_with_focus_and_print_rules()
    {
        var html = Render();
        var page = HtmlPage.Parse(html);
        Assert.Empty(page.All("script"));
        Assert.DoesNotContain(" on", string.Join(" ", page.Descendants().SelectMany(e => e.Attributes()).Select(a => " " + a.Name.LocalName)), StringComparison.Ordinal);
        var css = page.All("style").Single().Value;
        Assert.Contains(":focus-visible", css, StringComparison.Ordinal);
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains("attr(href)", css, StringComparison.Ordinal);
        Assert.Contains("font-size: 1.25rem", css, StringComparison.Ordinal);
        Assert.Contains("line-height: 1.6", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_is_escaped_everywhere()
    {
        const string hostile = "<script>alert(\"x\")</script> & 'quotes' \"double\"";
        var metadata = TestDocuments.Metadata(hostile, references: [new LeafletReference(hostile, hostile, 2020, "https://example.org/?a=1&b=\"2\"")]);
        ImmutableArray<Block> blocks =
        [
            TestDocuments.Heading(10, 2, hostile, "x\"onmouseover=\"alert(1)"),
            TestDocuments.Paragraph(12, hostile),
            new ParagraphBlock(14, [new LinkInline("javascript:alert(1)", TestDocuments.Text("a link that must not be a link"))]),
            new FigureBlock(16, "images/a\"b.png", hostile, hostile),
            new TableBlock(18, [new TableCell(TestDocuments.Text(hostile))], [[new TableCell(TestDocuments.Text(hostile))]]),
        ];
        var html = Render(TestDocuments.Leaflet(blocks, metadata));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        var page = HtmlPage.Parse(html);
        Assert.Equal(hostile, page.All("title").Single().Value);
        Assert.Equal(hostile, page.All("h1").Single().Value);
        Assert.Equal("x\"onmouseover=\"alert(1)", page.All("h2").First().Attr("id"));
        Assert.Null(page.All("h2").First().Attribute("onmouseover"));
        Assert.Equal(hostile, page.All("img").Single(i => i.Attr("alt")!.Length > 0).Attr("alt"));
        Assert.Equal("images/a%22b.png", page.All("img").Single(i => i.Attr("alt")!.Length > 0).Attr("src"));
        Assert.Equal("https://example.org/?a=1&b=\"2\"", page.All("footer").Single().Descendants("a").Single().Attr("href"));
        Assert.Equal("a link that must not be a link", page.All("p").Single(p => p.Value.StartsWith("a link", StringComparison.Ordinal)).Value);
        Assert.Empty(page.All("main").Single().Descendants("a"));
    }

    [Theory]
    [InlineData("2022-01-01", "review-overdue", "overdue for review")]
    [InlineData("2020-12-01", "review-due-soon", "due for review by 15 February 2021")]
    [InlineData("2019-01-01", "review-current", "up to date")]
    public void The_review_status_is_judged_on_the_given_day(string today, string cssClass, string words)
    {
        var page = HtmlPage.Parse(RenderOn(today));
        var status = page.Descendants("p").Single(p => p.Attr("class")?.StartsWith("review-", StringComparison.Ordinal) == true);
        Assert.Equal(cssClass, status.Attr("class"));
        Assert.Contains(words, status.Value, StringComparison.Ordinal);
    }

    private static string RenderOn(string today)
        => LeafletHtmlRenderer.Render(TestDocuments.Leaflet(), LeafletVariant.Plain, null, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
}
