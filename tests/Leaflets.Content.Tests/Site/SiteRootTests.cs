using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Tests.Html;

namespace Leaflets.Content.Tests.Site;

/// <summary>The site root is decided once, by <see cref="ApiUrls"/>: the API base without its /api, wherever the site sits.</summary>
public sealed class SiteRootTests
{
    [Theory]
    [InlineData("https://leaflets.example.org", "https://leaflets.example.org/api")]
    [InlineData("https://example.org/behind/a/proxy/", "https://example.org/behind/a/proxy/api")]
    [InlineData("http://127.0.0.1:7071", "http://127.0.0.1:7071/api")]
    public void The_api_sits_at_api_under_the_site_root_and_the_site_root_is_the_base_without_it(string root, string apiBase)
    {
        var urls = ApiUrls.UnderSiteRoot(root);

        Assert.Equal(apiBase, urls.BaseUrl);
        Assert.Equal(root.TrimEnd('/'), urls.SiteRoot);
        Assert.Equal(root.TrimEnd('/') + "/assets/fonts.css", urls.Asset("fonts.css"));
        Assert.Equal(urls.SiteRoot, new ApiUrls(apiBase).SiteRoot);
    }

    [Fact]
    public void An_api_base_that_does_not_end_in_api_is_refused_rather_than_guessing_the_site_root()
    {
        var error = Assert.Throws<ArgumentException>(() => new ApiUrls("https://example.org/leaflets"));
        Assert.Contains("/api", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_public_root_gives_the_same_site_root()
    {
        var urls = new SiteOptions { PublicBaseUrl = " https://leaflets.example.org/nhs/ " }.ApiUrls!;

        Assert.Equal("https://leaflets.example.org/nhs", urls.SiteRoot);
        Assert.Equal("https://leaflets.example.org/nhs/api", urls.BaseUrl);
    }

    [Fact]
    public void The_standalone_page_links_the_webfont_stylesheet_at_the_site_root_before_its_own_styles()
    {
        var urls = ApiUrls.UnderSiteRoot("https://leaflets.example.org/nhs");
        var page = HtmlPage.Parse(LeafletHtmlRenderer.Render(TestDocuments.Leaflet(), Model.LeafletVariant.Plain, urls.PageLinks("cementoplasty"), TestDocuments.Today));

        var head = page.Root!.Element("head")!;
        var link = Assert.Single(head.Elements("link"));
        Assert.Equal(("stylesheet", "https://leaflets.example.org/nhs/assets/fonts.css"), (link.Attr("rel"), link.Attr("href")));
        Assert.Single(head.Elements("style"));
        Assert.True(link.IsBefore(head.Element("style")!), "the embedded stylesheet comes after the webfont's, as the cascade reads them");
    }

    [Fact]
    public void A_page_with_relative_links_for_saving_links_no_webfont_and_keeps_its_embedded_styles()
    {
        var page = HtmlPage.Parse(LeafletHtmlRenderer.Render(TestDocuments.Leaflet(), Model.LeafletVariant.Plain, LeafletLinks.Relative, TestDocuments.Today));

        Assert.Empty(page.All("link"));
        Assert.Contains("\"Atkinson Hyperlegible\", Verdana, Arial, sans-serif", Assert.Single(page.All("style")).Value, StringComparison.Ordinal);
    }
}
