using System.CommandLine;
using System.Diagnostics;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Cli.Commands;
using UglyToad.PdfPig;

namespace Leaflets.Api.Tests;

/// <summary><c>leaflets render</c>, invoked in-process through System.CommandLine, writing into a temporary folder.</summary>
public sealed class RenderCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "leaflets-render-tests", Guid.NewGuid().ToString("N"));
    private readonly ContentSandbox _fixtures = TestPaths.CopyFixtureContent();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        _fixtures.Dispose();
    }

    private string Out => Path.Combine(_folder, "out");

    [Fact]
    public async Task Rendering_a_leaflet_by_id_writes_every_variant_it_has_at_18pt_a4_named_as_the_http_route_names_them()
    {
        var run = await RenderAsync("cementoplasty", "--content", TestPaths.RepositoryContent, "-o", Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["cementoplasty-easy-read-18pt-a4-v1.pdf", "cementoplasty-plain-18pt-a4-v1.pdf"], Files());
        foreach (var file in Directory.GetFiles(Out))
        {
            using var pdf = PdfDocument.Open(file);
            Assert.Equal(595.3, pdf.GetPage(1).Width, 0);
            Assert.True(pdf.GetPages().SelectMany(page => page.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).Min(l => l.PointSize) >= 18 - 0.01);
        }
        Assert.Contains("[1/2] cementoplasty plain 18pt A4 -> " + Path.Combine(Out, "cementoplasty-plain-18pt-a4-v1.pdf"), run.Output);
        Assert.Contains("[2/2] cementoplasty easy-read 18pt A4 -> ", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Format_brf_writes_braille_files_byte_identical_to_the_braille_route_and_named_as_it_names_them()
    {
        var run = await RenderAsync("cementoplasty", "--format", "brf", "--grade", "1", "--cells", "32", "--lines", "20",
            "--content", TestPaths.RepositoryContent, "-o", Out);
        await using var server = await RunningServer.StartAsync(TestPaths.RepositoryContent);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["cementoplasty-easy-read-grade1-32x20-v1.brf", "cementoplasty-plain-grade1-32x20-v1.brf"], Files());
        Assert.Contains("[1/2] cementoplasty plain Unified English Braille grade 1 32x20 -> ", run.Output);
        Assert.Contains("2 of 2 braille file(s) written", run.Output);
        foreach (var variant in new[] { "plain", "easy-read" })
        {
            var response = await server.Client.GetAsync($"/api/leaflets/cementoplasty/braille?variant={variant}&grade=1&cells=32&lines=20");
            var file = $"cementoplasty-{variant}-grade1-32x20-v1.brf";
            Assert.Equal($"attachment; filename=\"{file}\"", response.Content.Headers.ContentDisposition!.ToString());
            Assert.Equal(await response.Content.ReadAsByteArrayAsync(), await File.ReadAllBytesAsync(Path.Combine(Out, file)));
        }
    }

    [Fact]
    public async Task The_files_are_byte_identical_to_what_the_http_route_serves()
    {
        var run = await RenderAsync("cementoplasty", "--variant", "easy-read", "--size", "24", "--paper", "letter",
            "--content", TestPaths.RepositoryContent, "-o", Out);
        await using var server = await RunningServer.StartAsync(TestPaths.RepositoryContent);
        var response = await server.Client.GetAsync("/api/leaflets/cementoplasty/pdf?variant=easy-read&size=24&paper=letter");

        Assert.Equal(0, run.ExitCode);
        var file = Assert.Single(Files());
        Assert.Equal($"inline; filename=\"{file}\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(await response.Content.ReadAsByteArrayAsync(), await File.ReadAllBytesAsync(Path.Combine(Out, file)));
    }

    [Fact]
    public async Task Format_epub_writes_each_variant_byte_identical_to_what_the_http_route_serves_under_the_same_name()
    {
        var run = await RenderAsync("cementoplasty", "--format", "EPUB", "--content", TestPaths.RepositoryContent, "-o", Out);
        await using var server = await RunningServer.StartAsync(TestPaths.RepositoryContent);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["cementoplasty-easy-read-v1.epub", "cementoplasty-plain-v1.epub"], Files());
        Assert.Contains("2 of 2 EPUB(s) written", run.Output);
        foreach (var (file, query) in new[] { ("cementoplasty-plain-v1.epub", ""), ("cementoplasty-easy-read-v1.epub", "?variant=easy-read") })
        {
            var response = await server.Client.GetAsync("/api/leaflets/cementoplasty/epub" + query);
            Assert.Equal($"attachment; filename=\"{file}\"", response.Content.Headers.ContentDisposition!.ToString());
            Assert.Equal(await response.Content.ReadAsByteArrayAsync(), await File.ReadAllBytesAsync(Path.Combine(Out, file)));
        }
    }

    [Fact]
    public async Task All_renders_every_leaflet_that_loads_names_the_broken_one_and_exits_1()
    {
        var run = await RenderAsync("--all", "--size", "16", "--paper", "A5", "--content", _fixtures.ContentRoot, "-o", Out);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["blood-test-plain-16pt-a5-v1.pdf", "bone-scan-easy-read-16pt-a5-v1.pdf", "bone-scan-plain-16pt-a5-v2.pdf"],
            Files());
        Assert.Contains("[3/3] ", run.Output);
        Assert.Matches(@"\(\d+ ms\)", run.Output);
        Assert.Contains("'broken-leaflet' is broken and was not rendered", run.Error);
        Assert.Contains("broken-leaflet/plain.md", run.Error);
    }

    [Fact]
    public async Task All_with_a_variant_skips_leaflets_without_it_and_succeeds()
    {
        var run = await RenderAsync("--all", "--variant", "easy-read", "--content", TestPaths.RepositoryContent, "-o", Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["cementoplasty-easy-read-18pt-a4-v1.pdf"], Files());
    }

    [Fact]
    public async Task An_unknown_id_is_named_the_others_are_still_written_and_the_exit_code_is_1()
    {
        var run = await RenderAsync("no-such-leaflet", "bone-scan", "--variant", "plain", "--content", _fixtures.ContentRoot, "-o", Out);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("there is no leaflet 'no-such-leaflet'", run.Error);
        Assert.Equal(["bone-scan-plain-18pt-a4-v2.pdf"], Files());
    }

    [Fact]
    public async Task A_named_leaflet_without_the_requested_variant_fails_naming_the_variants_it_has()
    {
        var run = await RenderAsync("blood-test", "--variant", "easy-read", "--content", _fixtures.ContentRoot, "-o", Out);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'blood-test' has no easy-read variant; it has: plain.", run.Error);
    }

    [Theory]
    [InlineData("--size must be one of: 16, 18, 20, 24", "cementoplasty", "--size", "17", "-o", "x")]
    [InlineData("--paper must be one of: A4, A5, Letter", "cementoplasty", "--paper", "B5", "-o", "x")]
    [InlineData("--variant must be one of: plain, easy-read", "cementoplasty", "--variant", "audio", "-o", "x")]
    [InlineData("not both", "cementoplasty", "--all", "-o", "x")]
    [InlineData("or give --all", "-o", "x")]
    [InlineData("-o DIR", "--all")]
    [InlineData("--public-base-url", "--all", "--public-base-url", "leaflets.example.org", "-o", "x")]
    [InlineData("--format must be one of: pdf, brf, epub", "cementoplasty", "--format", "docx", "-o", "x")]
    [InlineData("--grade must be one of: 1, 2", "cementoplasty", "--format", "brf", "--grade", "3", "-o", "x")]
    [InlineData("--cells must be a whole number from 20 to 50", "cementoplasty", "--format", "brf", "--cells", "60", "-o", "x")]
    [InlineData("--lines must be a whole number from 10 to 50", "cementoplasty", "--format", "brf", "--lines", "5", "-o", "x")]
    [InlineData("--size and --paper apply to --format pdf only", "cementoplasty", "--format", "brf", "--size", "18", "-o", "x")]
    [InlineData("--size and --paper apply to --format pdf only", "cementoplasty", "--format", "epub", "--size", "24", "-o", "x")]
    [InlineData("--grade, --cells and --lines apply to --format brf only", "cementoplasty", "--grade", "1", "-o", "x")]
    [InlineData("--grade, --cells and --lines apply to --format brf only", "cementoplasty", "--format", "epub", "--cells", "30", "-o", "x")]
    public async Task Bad_usage_is_explained_and_exits_2_before_anything_is_written(string message, params string[] args)
    {
        var run = await RenderAsync([.. args, "--content", TestPaths.RepositoryContent]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(Directory.Exists(Out));
    }

    [Theory]
    [InlineData("size", "17")]
    [InlineData("paper", "B5")]
    [InlineData("variant", "audio")]
    public async Task A_bad_print_choice_is_refused_in_the_words_of_the_http_route(string parameter, string value)
    {
        await using var server = await RunningServer.StartAsync(TestPaths.RepositoryContent);
        var problem = await ApiJson.ReadAsync(await server.Client.GetAsync($"/api/leaflets/cementoplasty/pdf?{parameter}={value}"));

        var run = await RenderAsync("cementoplasty", "--" + parameter, value, "--content", TestPaths.RepositoryContent, "-o", Out);

        Assert.Equal($"leaflets render: --{(string)problem["detail"]!}", run.Error.Split('\n')[0].TrimEnd('\r'));
    }

    [Fact]
    public async Task With_a_public_base_url_the_last_page_carries_the_online_address()
    {
        var run = await RenderAsync("cementoplasty", "--variant", "plain", "--public-base-url", "https://leaflets.example.org",
            "--content", TestPaths.RepositoryContent, "-o", Out);

        Assert.Equal(0, run.ExitCode);
        using var pdf = PdfDocument.Open(Path.Combine(Out, Assert.Single(Files())));
        var last = pdf.GetPage(pdf.NumberOfPages);
        Assert.Contains("https://leaflets.example.org/leaflets/cementoplasty", string.Concat(last.GetWords().Select(w => w.Text)));
        Assert.Contains(last.GetHyperlinks(), link => link.Uri == "https://leaflets.example.org/leaflets/cementoplasty");
    }

    [Fact]
    public async Task The_real_tool_exits_2_on_an_option_it_does_not_know()
    {
        var (exitCode, error) = await RunToolAsync(["render", "--all", "--colour", "red", "-o", Out], environment: []);

        Assert.Equal(2, exitCode);
        Assert.Contains("--colour", error);
    }

    [Fact]
    public async Task The_real_tool_takes_the_public_base_url_from_Site__PublicBaseUrl()
    {
        var (exitCode, error) = await RunToolAsync(
            ["render", "--all", "--content", TestPaths.RepositoryContent, "-o", Out], new() { ["Site__PublicBaseUrl"] = "not a url" });

        Assert.Equal(2, exitCode);
        Assert.Contains("Site__PublicBaseUrl", error);
    }

    private static async Task<(int ExitCode, string Error)> RunToolAsync(string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "leaflets.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("Site__PublicBaseUrl");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await error);
    }

    private List<string> Files() => [.. Directory.GetFiles(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];

    private static async Task<(int ExitCode, string Output, string Error)> RenderAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { RenderCommand.Create() };
        var exitCode = await root.Parse(["render", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
