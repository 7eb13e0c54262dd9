using System.Text.Json;

namespace Leaflets.Content.Tests.Epub;

/// <summary>
/// Ace by DAISY (tests/node/ace.mjs: <c>@daisy/ace-cli</c>, pinned, in Debian's Chromium) over the EPUB of every leaflet
/// document: axe-core's rules on the content, and Ace's own checks of the accessibility metadata and navigation. One
/// violation fails the test; Ace failing to run fails it too.
/// </summary>
public sealed class AceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leaflets-ace-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_leaflet_document_under_content_has_no_Ace_violations()
    {
        var load = RealContent.Load;
        Assert.False(load.HasErrors, string.Join('\n', load.Problems));
        var files = load.Leaflets.Values.SelectMany(leaflet => leaflet.AllDocuments.Select(document => EpubFiles.Write(_folder, leaflet, document))).ToList();
        Assert.Contains(files, file => file.Contains("-cy-", StringComparison.Ordinal));

        AssertNoViolations(files);
    }

    [Fact]
    public void The_rich_test_leaflet_with_every_block_type_has_no_Ace_violations()
    {
        var leaflet = EpubFiles.WithRealPictures(TestDocuments.Leaflet());
        AssertNoViolations([.. leaflet.AllDocuments.Select(document => EpubFiles.Write(_folder, leaflet, document))]);
    }

    [Fact]
    public void Ace_reports_a_picture_without_alternative_text_so_a_pass_means_something()
    {
        var leaflet = EpubFiles.WithRealPictures(TestDocuments.Leaflet());
        var good = Rendering.Epub.LeafletEpubRenderer.Render(Rendering.Epub.EpubRequest.For(leaflet, leaflet.Plain, TestDocuments.Today, Leaflets.Content.Text.StringsLibrary.Embedded));
        var broken = Path.Combine(_folder, "no-alt.epub");
        File.WriteAllBytes(broken, EpubFiles.WithEntryChanged(good, "EPUB/leaflet.xhtml",
            text => System.Text.RegularExpressions.Regex.Replace(text, " alt=\"A needle[^\"]*\"", "")));

        var result = NodeScripts.Run("ace.mjs", [broken], TimeSpan.FromMinutes(4));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var violations = json.RootElement[0].GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()).ToList();
        Assert.Contains("image-alt", violations);
    }

    private static void AssertNoViolations(IReadOnlyList<string> files)
    {
        var result = NodeScripts.Run("ace.mjs", files, TimeSpan.FromMinutes(4 * files.Count));
        Assert.True(result.ExitCode == 0, $"Ace did not run (exit {result.ExitCode}):\n{result.Error}");
        using var json = JsonDocument.Parse(result.Output);
        var reports = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(files.Count, reports.Count);
        foreach (var report in reports)
        {
            var violations = report.GetProperty("violations");
            Assert.True(violations.GetArrayLength() == 0, $"{report.GetProperty("file").GetString()}:\n{violations}");
            Assert.Equal("pass", report.GetProperty("outcome").GetString());
        }
    }
}
