using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Tests.Html;
using Leaflets.Content.Rendering.Site;

namespace Leaflets.Content.Tests.Site;

public sealed class SiteUrlsTests
{
    [Theory]
    [InlineData("/", 0)]
    [InlineData("", 0)]
    [InlineData("/search", 0)]
    [InlineData("/leaflets/cementoplasty", 1)]
    [InlineData("/leaflets/cementoplasty/", 2)]
    [InlineData("/a/b/c/d", 3)]
    public void A_pages_depth_counts_the_folders_its_path_is_in(string path, int depth)
        => Assert.Equal(depth, SiteUrls.DepthOf(path));

    [Fact]
    public void Without_a_configured_root_links_from_the_top_are_relative_to_it()
    {
        var urls = SitePageSamples.Relative(0);
        Assert.Equal("./", urls.Home);
        Assert.Equal("search", urls.SearchForm);
        Assert.Equal("search?q=bone%20cement&page=2", urls.Search("bone cement", 2));
        Assert.Equal("topics/pain-relief", urls.Topic("pain-relief"));
        Assert.Equal("leaflets/cementoplasty?variant=easy-read", urls.Leaflet("cementoplasty", LeafletVariant.EasyRead));
        Assert.Equal("./assets/site.css", urls.Asset("site.css"));
        Assert.Equal("./api/leaflets/cementoplasty/pdf", urls.PrintForm("cementoplasty"));
        Assert.Equal("./?page=3", urls.HomePage(3));
    }

    [Fact]
    public void Without_a_configured_root_links_from_a_leaflet_page_climb_one_folder()
    {
        var urls = SitePageSamples.Relative(1);
        Assert.Equal("../", urls.Home);
        Assert.Equal("../search", urls.SearchForm);
        Assert.Equal("../leaflets/cementoplasty", urls.Leaflet("cementoplasty", LeafletVariant.Plain));
        Assert.Equal("../api/leaflets/cementoplasty/pdf", urls.PrintForm("cementoplasty"));
        Assert.Equal("../api/leaflets/cementoplasty/images/spine.png", urls.LinksOf("cementoplasty").ImageUrl("spine.png"));
        Assert.Equal("../assets/fonts.css", urls.Asset("fonts.css"));
    }

    [Fact]
    public void With_a_configured_root_every_link_is_absolute_under_it_whatever_the_depth()
    {
        foreach (var depth in new[] { 0, 1, 3 })
        {
            var urls = SitePageSamples.UnderRoot(depth);
            Assert.Equal(SitePageSamples.ConfiguredRoot + "/", urls.Home);
            Assert.Equal(SitePageSamples.ConfiguredRoot + "/search", urls.SearchForm);
            Assert.Equal(SitePageSamples.ConfiguredRoot + "/api/leaflets/x/pdf", urls.PrintForm("x"));
            Assert.Equal(SitePageSamples.ConfiguredRoot + "/assets/site.css", urls.Asset("site.css"));
        }
    }

    [Fact]
    public void The_absolute_address_is_under_the_configured_root_else_the_requests_origin()
    {
        Assert.Equal("http://localhost:7071/leaflets/x?variant=easy-read", SitePageSamples.Relative(1).AbsoluteLeaflet("x", LeafletVariant.EasyRead));
        Assert.Equal(SitePageSamples.ConfiguredRoot + "/leaflets/x", SitePageSamples.UnderRoot(1).AbsoluteLeaflet("x", LeafletVariant.Plain));
        Assert.Null(new SiteUrls(new SiteOptions(), null, 1).AbsoluteLeaflet("x", LeafletVariant.Plain));
    }

    [Fact]
    public void A_page_written_with_a_configured_root_has_no_relative_link()
    {
        foreach (var (kind, html) in SitePageSamples.EveryKind(SitePageSamples.UnderRoot))
        {
            var targets = HtmlPage.Parse(html).Descendants()
                .SelectMany(e => new[] { e.Attr("href"), e.Attr("action"), e.Attr("src") })
                .OfType<string>()
                .Where(target => !target.StartsWith('#'));
            Assert.All(targets, target => Assert.True(target.StartsWith(SitePageSamples.ConfiguredRoot + "/", StringComparison.Ordinal)
                || target.StartsWith("https://www.nice.org.uk/", StringComparison.Ordinal), $"{kind}: {target}"));
        }
    }
}
