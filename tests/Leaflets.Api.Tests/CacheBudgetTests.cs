using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Caching;
using Leaflets.Content.Catalog;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Search;
using Leaflets.Functions.Http;

namespace Leaflets.Api.Tests;

public sealed class CacheBudgetTests
{
    [Fact]
    public void The_caches_default_bounds_add_up_to_the_one_memory_budget()
    {
        var loadedLeaflets = new ContentOptions().LoadedLeafletsMegabytes * 1024L * 1024;
        var representations = new RepresentationCacheOptions().MaxBytes;
        var pdfs = new PdfOptions().CacheBytes;

        Assert.Equal(CacheBudget.TotalBytes, loadedLeaflets + representations + pdfs + RememberedSearches.DefaultMaxBytes);
    }

    [Fact]
    public void The_readme_gives_the_defaults_the_caches_have()
    {
        // The README is where operators read the defaults; its copies of the budget's figures are held to the code here,
        // as the figures changed twice in issue 12 and other documents' copies fell behind.
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));

        Assert.Equal(new ContentOptions().LoadedLeafletsMegabytes.ToString(CultureInfo.InvariantCulture), DefaultInSettingsTable(readme, "Content__LoadedLeafletsMegabytes"));
        Assert.Equal(new RepresentationCacheOptions().MaxBytes.ToString(CultureInfo.InvariantCulture), DefaultInSettingsTable(readme, "RepresentationCache__MaxBytes"));
        Assert.Equal(new PdfOptions().CacheBytes.ToString(CultureInfo.InvariantCulture), DefaultInSettingsTable(readme, "Pdf__CacheBytes"));
        Assert.Contains($"share one budget of {CacheBudget.TotalBytes / (1024 * 1024)} MB by default", readme, StringComparison.Ordinal);
    }

    private static string DefaultInSettingsTable(string readme, string setting)
    {
        var row = Regex.Match(readme, $@"^\| `{Regex.Escape(setting)}` \| `([^`]*)` \|", RegexOptions.Multiline);
        Assert.True(row.Success, $"The README's settings table has no row for {setting}");
        return row.Groups[1].Value;
    }

    [Theory]
    [InlineData("leaflets.runtimeconfig.json")]
    [InlineData("Leaflets.Functions.runtimeconfig.json")]
    public void Neither_host_limits_its_heap_as_an_instance_serving_from_the_markdown_holds_every_body(string runtimeConfig)
    {
        // A 256 MB limit set as the runtime starts kept RSS within 400 MB at 10,000 leaflets served from a snapshot,
        // but a library of 1,000 served from the Markdown answered every request with OutOfMemoryException under it
        // (bench/README.md, "GC settings from the environment"): it is the operator's DOTNET_GCHeapHardLimit, never a
        // default the build writes. The CLI's runtimeconfig binds `leaflets snapshot` too (4 GB at its peak).
        var path = Path.Combine(AppContext.BaseDirectory, runtimeConfig);
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.TryGetProperty("System.GC.HeapHardLimit", out _), $"{runtimeConfig} limits the heap");
        Assert.False(properties.TryGetProperty("System.GC.HeapHardLimitPercent", out _), $"{runtimeConfig} limits the heap");
    }
}
