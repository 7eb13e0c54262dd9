using System.Text;
using System.Text.RegularExpressions;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Pdf.Fonts;
using Leaflets.Content.Rendering.Site;

namespace Leaflets.Content.Tests.Site;

public sealed partial class SiteAssetsTests
{
    [Fact]
    public void The_webfont_files_are_the_very_fonts_the_pdf_embeds()
    {
        Assert.True(SiteAssets.TryGet(SiteAssets.RegularFont, out var regular));
        Assert.True(SiteAssets.TryGet(SiteAssets.BoldFont, out var bold));

        Assert.Equal(LeafletFonts.Primary(bold: false).Bytes, regular.Bytes);
        Assert.Equal(LeafletFonts.Primary(bold: true).Bytes, bold.Bytes);
        Assert.All([regular, bold], font => Assert.Equal("font/ttf", font.ContentType));
    }

    [Fact]
    public void The_font_stylesheet_declares_both_weights_with_swap_and_urls_that_resolve_to_served_fonts()
    {
        Assert.True(SiteAssets.TryGet(SiteAssets.FontsStyleSheet, out var css));
        Assert.Equal("text/css; charset=utf-8", css.ContentType);
        var text = Encoding.UTF8.GetString(css.Bytes.AsSpan());
        var stylesheet = new Uri(new ApiUrls("https://leaflets.example.org/behind/a/proxy/api").Asset(SiteAssets.FontsStyleSheet));

        var faces = ParseFontFaces(text);

        Assert.Equal(["400", "700"], faces.Select(face => face["font-weight"]));
        Assert.All(faces, face =>
        {
            Assert.Equal("\"Atkinson Hyperlegible\"", face["font-family"]);
            Assert.Equal("normal", face["font-style"]);
            Assert.Equal("swap", face["font-display"]);
            var source = SourceUrl().Match(face["src"]);
            Assert.True(source.Success, $"src is not one url() of a truetype file: {face["src"]}");
            var font = new Uri(stylesheet, source.Groups["url"].Value);
            Assert.Equal("https://leaflets.example.org/behind/a/proxy/assets/", font.AbsoluteUri[..(font.AbsoluteUri.LastIndexOf('/') + 1)]);
            Assert.True(SiteAssets.TryGet(font.Segments[^1], out var served), $"{font} is not a served asset");
            Assert.Equal("font/ttf", served.ContentType);
        });
        Assert.Equal([SiteAssets.RegularFont, SiteAssets.BoldFont], faces.Select(face => SourceUrl().Match(face["src"]).Groups["url"].Value));
    }

    [Fact]
    public void The_fonts_licence_is_served_beside_them_as_text()
    {
        Assert.True(SiteAssets.TryGet(SiteAssets.FontLicence, out var licence));

        Assert.Equal("text/plain; charset=utf-8", licence.ContentType);
        var text = Encoding.UTF8.GetString(licence.Bytes.AsSpan());
        Assert.Contains("SIL Open Font License, Version 1.1", text, StringComparison.Ordinal);
        Assert.Contains("Braille Institute", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FONTS.CSS")]
    [InlineData("fonts.css ")]
    [InlineData("../fonts.css")]
    [InlineData("Fonts/LICENSE_FONT")]
    [InlineData("AtkinsonHyperlegible_400Regular.ttf")]
    [InlineData("")]
    public void Only_an_exact_listed_name_is_a_file(string name)
    {
        Assert.False(SiteAssets.TryGet(name, out _));
    }

    [Fact]
    public void Every_file_has_its_own_version_from_its_bytes_and_the_list_is_in_name_order()
    {
        var versions = SiteAssets.All.Select(asset => asset.Version).ToList();

        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Equal(versions, SiteAssets.All.Select(asset => RepresentationVersions.SiteAsset(asset.Bytes.AsSpan(), asset.ContentType)));
        var names = SiteAssets.All.Select(asset => asset.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Subset(names.ToHashSet(), new HashSet<string> { SiteAssets.FontLicence, SiteAssets.BoldFont, SiteAssets.RegularFont, SiteAssets.FontsStyleSheet });
    }

    /// <summary>
    /// A small reader for exactly what a stylesheet of @font-face rules may hold: each rule's declarations by name.
    /// Anything else (a stray brace, a declaration without a colon, text between rules) fails.
    /// </summary>
    private static List<Dictionary<string, string>> ParseFontFaces(string css)
    {
        var faces = new List<Dictionary<string, string>>();
        var position = 0;
        foreach (Match rule in FontFaceRule().Matches(css))
        {
            Assert.True(string.IsNullOrWhiteSpace(css[position..rule.Index]), $"unexpected text before a rule: {css[position..rule.Index]}");
            position = rule.Index + rule.Length;
            var declarations = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var declaration in rule.Groups["body"].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = declaration.IndexOf(':', StringComparison.Ordinal);
                Assert.True(colon > 0, $"not a declaration: {declaration}");
                declarations.Add(declaration[..colon].Trim(), declaration[(colon + 1)..].Trim());
            }
            faces.Add(declarations);
        }
        Assert.True(string.IsNullOrWhiteSpace(css[position..]), $"unexpected text after the rules: {css[position..]}");
        return faces;
    }

    [GeneratedRegex(@"@font-face\s*\{(?<body>[^{}]*)\}")]
    private static partial Regex FontFaceRule();

    [GeneratedRegex(@"^url\(""(?<url>[^""]+)""\) format\(""truetype""\)$")]
    private static partial Regex SourceUrl();
}
