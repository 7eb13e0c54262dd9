using System.Text.Json;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;

namespace Leaflets.Content.Tests.Html;

/// <summary>
/// axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules, run in Debian's headless Chromium
/// (tests/node/axe.mjs) over every rendered page: one violation fails the test.
/// </summary>
public sealed class AxeTests : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _folder = Directory.CreateTempSubdirectory("leaflets-axe-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_rich_test_leaflet_has_no_axe_violations_in_either_variant()
    {
        var pages = WritePages(TestDocuments.Leaflet());
        AssertNoViolations(RunAxe(pages));
    }

    [Theory]
    [InlineData("cy-GB")]
    [InlineData("pl")]
    public void A_leaflet_whose_chrome_is_in_its_language_or_marked_English_has_no_axe_violations(string language)
    {
        var pages = WritePages(TestDocuments.Leaflet(plainMetadata: TestDocuments.Metadata("Strengthening painful bones", language)));
        AssertNoViolations(RunAxe(pages));
    }

    [Fact]
    public void An_unreviewed_translations_page_with_its_notice_in_two_languages_has_no_axe_violations()
    {
        var leaflet = TestDocuments.Leaflet();
        var welsh = leaflet.Plain with
        {
            Metadata = TestDocuments.Metadata("Cryfhau esgyrn poenus", "cy") with { TranslatedFrom = "en-GB", TranslationStatus = TranslationStatus.Unreviewed },
        };
        var translated = leaflet with
        {
            Translations = leaflet.Translations.Add("cy", System.Collections.Immutable.ImmutableSortedDictionary<LeafletVariant, LeafletDocument>.Empty.Add(LeafletVariant.Plain, welsh)),
        };

        var pages = WritePages(translated);

        Assert.Contains(pages, page => page.EndsWith("plain.cy.html", StringComparison.Ordinal));
        Assert.Contains("translation-unreviewed", File.ReadAllText(pages.Single(page => page.EndsWith("plain.cy.html", StringComparison.Ordinal))), StringComparison.Ordinal);
        AssertNoViolations(RunAxe(pages));
    }

    [Fact]
    public void Every_leaflet_under_content_has_no_axe_violations_in_any_variant_or_language()
    {
        var load = RealContent.Load;
        Assert.False(load.HasErrors, string.Join('\n', load.Problems));
        Assert.NotEmpty(load.Leaflets);
        var pages = load.Leaflets.Values.SelectMany(WritePages).ToList();
        Assert.Contains(pages, page => page.EndsWith(".cy.html", StringComparison.Ordinal));
        AssertNoViolations(RunAxe(pages));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("cy")]
    public void Every_kind_of_site_page_in_each_site_language_has_no_axe_violations(string language)
    {
        // Every page as if at the top, beside the site's assets, so each is checked with its stylesheets.
        var assets = Directory.CreateDirectory(Path.Combine(_folder, Rendering.Site.SiteAssets.Folder)).FullName;
        foreach (var asset in Rendering.Site.SiteAssets.All)
        {
            File.WriteAllBytes(Path.Combine(assets, asset.Name), asset.Body.ToArray());
        }
        var pages = Site.SitePageSamples.EveryKind(_ => Site.SitePageSamples.Relative(0), language).Select(page =>
        {
            var path = Path.Combine(_folder, $"site-{language}-{page.Kind.Replace(' ', '-')}.html");
            File.WriteAllText(path, page.Html);
            return path;
        }).ToList();
        AssertNoViolations(RunAxe(pages));
    }

    [Fact]
    public void The_checker_catches_an_image_without_alternative_text()
    {
        var bad = Path.Combine(_folder, "image-without-alt.html");
        File.WriteAllText(bad, """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8" /><title>Bad page</title></head>
            <body><main><h1>Bad page</h1><p>Some words.</p><img src="images/x.png" /></main></body></html>
            """);
        var (exitCode, report) = RunAxeRaw([bad]);
        Assert.Equal(1, exitCode);
        var violations = report.GetProperty("pages")[0].GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.Contains("image-alt", violations);
    }

    [Fact]
    public void The_checker_catches_a_page_without_a_language()
    {
        var bad = Path.Combine(_folder, "no-lang.html");
        var page = LeafletHtmlRenderer.Render(TestDocuments.Leaflet(), LeafletVariant.Plain, today: TestDocuments.Today);
        File.WriteAllText(bad, page.Replace("<html lang=\"en-GB\">", "<html>", StringComparison.Ordinal));
        var (exitCode, report) = RunAxeRaw([bad]);
        Assert.Equal(1, exitCode);
        Assert.Contains(report.GetProperty("pages")[0].GetProperty("violations").EnumerateArray(), v => v.GetProperty("id").GetString() == "html-has-lang");
    }

    private List<string> WritePages(Leaflet leaflet)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, leaflet.Id)).FullName;
        var images = Directory.CreateDirectory(Path.Combine(folder, "images")).FullName;
        foreach (var image in leaflet.Images.Values)
        {
            File.WriteAllBytes(Path.Combine(images, image.FileName), image.Bytes.ToArray());
        }
        // One page per variant in each language: easy-read.html, and easy-read.cy.html for a Welsh translation.
        return [.. leaflet.Languages.SelectMany(language =>
        {
            var suffix = language == leaflet.MainLanguage ? "" : "." + language;
            var links = new LeafletLinks("images", LeafletLinks.VariantPlaceholder + suffix + ".html");
            return leaflet.Variants.Keys.Where(variant => leaflet.Find(variant, language) is not null).Select(variant =>
            {
                var path = Path.Combine(folder, variant.Slug() + suffix + ".html");
                File.WriteAllText(path, LeafletHtmlRenderer.Render(leaflet, variant, links, TestDocuments.Today, language));
                return path;
            });
        })];
    }

    private static JsonElement RunAxe(IReadOnlyList<string> pages)
    {
        var (exitCode, report) = RunAxeRaw(pages);
        Assert.True(exitCode is 0 or 1, $"axe.mjs exited with {exitCode}");
        return report;
    }

    private static (int ExitCode, JsonElement Report) RunAxeRaw(IReadOnlyList<string> pages)
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium), as scripts/test.sh does.");
        }
        var result = NodeScripts.Run("axe.mjs", pages, TimeSpan.FromMinutes(3));
        if (result.ExitCode is not (0 or 1))
        {
            Assert.Fail($"axe.mjs could not check the pages (exit {result.ExitCode}): {result.Error}");
        }
        using var json = JsonDocument.Parse(result.Output);
        return (result.ExitCode, json.RootElement.Clone());
    }

    private static void AssertNoViolations(JsonElement report)
    {
        var pages = report.GetProperty("pages").EnumerateArray().ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.True(page.GetProperty("rulesRun").GetInt32() > 20, "axe ran suspiciously few rules"));
        var violations = pages
            .SelectMany(page => page.GetProperty("violations").EnumerateArray().Select(v => $"{page.GetProperty("page").GetString()}: {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("target").GetString()))}"))
            .ToList();
        Assert.True(violations.Count == 0, "axe-core found WCAG violations:\n" + string.Join('\n', violations));
    }
}
