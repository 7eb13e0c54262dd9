using System.Xml.Linq;
using Leaflets.Content.Tests.Html;

namespace Leaflets.Content.Tests.Site;

/// <summary>The markup contract every site page keeps (the browser tests are written against it).</summary>
public sealed class SiteLayoutTests
{
    public static TheoryData<string> Kinds => [.. SitePageSamples.EveryKind(SitePageSamples.Relative).Select(page => page.Kind)];

    private static XDocument Page(string kind) => HtmlPage.Parse(SitePageSamples.EveryKind(SitePageSamples.Relative).Single(page => page.Kind == kind).Html);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_page_has_a_language_a_title_and_one_main_with_exactly_one_h1(string kind)
    {
        var page = Page(kind);
        Assert.Equal("en", page.Root!.Attr("lang"));
        Assert.False(string.IsNullOrWhiteSpace(page.All("title").Single().Value));
        var main = Assert.Single(page.All("main"));
        Assert.Equal("main", main.Attr("id"));
        Assert.Single(page.All("h1"));
        Assert.Single(main.Descendants("h1"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_first_thing_to_focus_is_a_skip_link_to_the_main_content(string kind)
    {
        var first = Page(kind).Root!.Element("body")!.Descendants().First(e => e.Name.LocalName is "a" or "input" or "button");
        Assert.Equal("a", first.Name.LocalName);
        Assert.Equal("#main", first.Attr("href"));
        Assert.Equal("Skip to content", first.Value);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_page_has_a_header_with_a_home_link_and_the_search_form_and_a_footer(string kind)
    {
        var body = Page(kind).Root!.Element("body")!;
        var header = Assert.Single(body.Elements("header"));
        Assert.Contains(header.Descendants("a"), a => a.Attr("href") is "./" or "../" or "../../");
        var form = Assert.Single(header.Descendants("form"));
        Assert.Equal("search", form.Attr("role"));
        Assert.Equal("get", form.Attr("method"));
        Assert.EndsWith("search", form.Attr("action"), StringComparison.Ordinal);
        var input = Assert.Single(form.Descendants("input"));
        Assert.Equal(("search", "q", "search-q"), (input.Attr("type"), input.Attr("name"), input.Attr("id")));
        Assert.Equal("Search for a leaflet", form.Descendants("label").Single(label => label.Attr("for") == "search-q").Value);
        Assert.Equal("submit", Assert.Single(form.Descendants("button")).Attr("type"));
        Assert.Single(body.Elements("footer"));
        Assert.Single(body.Descendants("form"), f => f.Attr("role") == "search");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_page_loads_the_site_stylesheets_and_runs_no_script(string kind)
    {
        var page = Page(kind);
        var sheets = page.All("link").Where(link => link.Attr("rel") == "stylesheet").Select(link => link.Attr("href")).ToList();
        Assert.Equal(2, sheets.Count);
        Assert.Contains(sheets, href => href!.EndsWith("assets/fonts.css", StringComparison.Ordinal));
        Assert.Contains(sheets, href => href!.EndsWith("assets/site.css", StringComparison.Ordinal));
        Assert.Empty(page.All("script"));
        Assert.DoesNotContain(page.Descendants(), e => e.Attribute("style") is not null || e.Name.LocalName == "style");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_form_field_has_a_visible_label(string kind)
    {
        var page = Page(kind);
        var labelled = page.All("label").Select(label => label.Attr("for")).ToHashSet();
        // A hidden field (the page's language) is not a field anyone fills in.
        Assert.All(page.All("input").Where(input => input.Attr("type") != "hidden"), input => Assert.Contains(input.Attr("id"), labelled));
    }

    [Fact]
    public void The_same_inputs_give_the_same_bytes()
    {
        var first = SitePageSamples.EveryKind(SitePageSamples.UnderRoot).ToList();
        var second = SitePageSamples.EveryKind(SitePageSamples.UnderRoot).ToList();
        Assert.Equal(first, second);
    }
}
