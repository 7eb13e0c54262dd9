using System.Diagnostics;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Search;
using Leaflets.Content.Tests.Search;

namespace Leaflets.Content.Tests.Loading;

/// <summary>
/// scripts/make-library.sh, which makes the libraries the scale benchmark measures: what it makes must load as real
/// content does (a benchmark of leaflets the loader refuses would measure nothing), differ from leaflet to leaflet,
/// and be the same bytes every time.
/// </summary>
public sealed class SyntheticLibraryTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("leaflets-synthetic-");

    [Fact]
    public async Task A_library_of_20_leaflets_loads_with_no_problems_and_each_leaflet_has_its_own_title()
    {
        var library = Make(20, "library");

        var files = await new FileContentSource(library).ReadAllAsync(CancellationToken.None);
        var loaded = LeafletLoader.Load(library, files);

        Assert.Empty(loaded.Problems.Select(p => p.ToString()));
        Assert.Equal(20, loaded.Leaflets.Count);
        Assert.Equal(20, loaded.Leaflets.Values.Select(l => l.Variants[LeafletVariant.Plain].Metadata.Title).Distinct().Count());
        // Every third keeps the real leaflet's Welsh translation; the rest are in English only.
        Assert.Equal(6, loaded.Leaflets.Values.Count(l => l.Translations.ContainsKey("cy")));
        Assert.True(loaded.Leaflets.Values.Select(l => l.Variants[LeafletVariant.Plain].Metadata.Codes.Length).All(n => n >= 2));
        // The synonym pool: "arthroplasty" is in no title, topic or code, only in the synonyms of the joint-replacement leaflets.
        var arthroplasty = LuceneLeafletIndex.Build(loaded.Leaflets.Values).SearchNow(LeafletQuery.Default with { Words = ["arthroplasty"] });
        Assert.Equal(2, arthroplasty.Total);
        Assert.All(arthroplasty.Items, l => Assert.Contains(" replacement ", l.Variants[LeafletVariant.Plain].Metadata.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void Images_are_one_copy_hard_linked_so_the_loader_reads_regular_files_without_the_disk_holding_a_copy_each()
    {
        var library = Make(3, "library");
        var header = Directory.GetFiles(Path.Combine(library, "leaflets"), "header.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(3, header.Length);
        var facts = header.Select(RegularFile.Probe).ToArray();
        Assert.All(facts, f => Assert.Equal(EntryKind.Regular, f.Kind));
        Assert.Single(facts.Select(f => f.Identity).Distinct());
        Assert.NotEqual(RegularFile.Probe(Path.Combine(RepositoryPaths.Content, "leaflets", "cementoplasty", "images", "header.png")).Identity,
            facts[0].Identity); // never a link into content/: editing the synthetic image must not change the real one
    }

    [Fact]
    public void The_same_count_makes_the_same_bytes()
    {
        var first = Make(7, "first");
        var second = Make(7, "second");

        var firstFiles = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToArray();
        var secondFiles = Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(firstFiles, secondFiles);
        Assert.All(firstFiles, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first, f)), File.ReadAllBytes(Path.Combine(second, f))));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("ten")]
    [InlineData("100001")]
    public void A_count_that_is_not_a_whole_number_from_1_to_100000_is_refused_with_a_message(string count)
    {
        var result = Run(count, Path.Combine(_work.FullName, "refused"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("N must be a whole number from 1 to 100000", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work.FullName, "refused")));
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_so_no_leaflet_is_left_over_from_another_run()
    {
        var library = Make(2, "library");

        var result = Run("1", library);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not empty", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(library, "leaflets")).Length);
    }

    [Fact]
    public void A_folder_inside_content_is_refused()
    {
        var result = Run("1", Path.Combine(RepositoryPaths.Content, "synthetic"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("inside content/", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(RepositoryPaths.Content, "synthetic")));
    }

    public void Dispose() => _work.Delete(recursive: true);

    private string Make(int count, string name)
    {
        var target = Path.Combine(_work.FullName, name);
        var result = Run(count.ToString(System.Globalization.CultureInfo.InvariantCulture), target);
        Assert.True(result.ExitCode == 0, $"make-library.sh exited with {result.ExitCode}: {result.Error}");
        return target;
    }

    private sealed record Result(int ExitCode, string Error);

    private static Result Run(string count, string target)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "make-library.sh"));
        start.ArgumentList.Add(count);
        start.ArgumentList.Add(target);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("make-library.sh did not finish within 60 s");
        }
        process.WaitForExit();
        _ = output.Result;
        return new Result(process.ExitCode, error.Result);
    }
}
