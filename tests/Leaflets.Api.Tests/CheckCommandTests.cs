using System.CommandLine;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Cli;
using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Tests.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary><c>leaflets check</c> and the tool's last line of defence, invoked in-process as <c>Program</c> invokes them.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private const string FrontMatter = ContentFixture.PlainFrontMatter + "\n";

    private readonly DirectoryInfo _content = Directory.CreateTempSubdirectory("leaflets-check-command-");

    public void Dispose() => _content.Delete(recursive: true);

    [Fact]
    public async Task Check_reports_each_broken_leaflet_as_rule_lines_and_never_a_stack_trace()
    {
        Write("html-figure/plain.md", FrontMatter + "![A bone](images/t.png)\n");
        Write("html-figure/images/t.png", "<html><body>Not found</body></html>");
        Write("deep/plain.md", FrontMatter + new string('[', 20_000) + "\n");
        Write("far-review/plain.md", FrontMatter.Replace("2024-03-01", "9999-12-31", StringComparison.Ordinal) + "Text.\n");

        var run = await RunAsync("check", "--content", _content.FullName);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("Unhandled exception", run.Error);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
        Assert.Contains("/leaflets/html-figure/images/t.png:1: image-format: ", run.Output);
        Assert.Contains("/leaflets/deep/plain.md:12: nesting-too-deep: ", run.Output);
        Assert.Contains("/leaflets/far-review/plain.md:5: date-out-of-range: ", run.Output);
        Assert.Contains("3 leaflets checked: 0 loaded, 3 rejected", run.Error);
    }

    [Fact]
    public async Task Check_with_save_results_keeps_them_in_the_folder_checks_only_changed_leaflets_next_time_and_serve_shows_them_unchecked()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var args = new[] { "check", "--content", sandbox.ContentRoot, "--save-results" };

        var first = await RunAsync(args);
        var second = await RunAsync(args);
        await File.AppendAllTextAsync(Path.Combine(sandbox.ContentRoot, "leaflets", "bone-scan", "plain.md"), "\nOne more short line.\n");
        var third = await RunAsync(args);

        Assert.True(File.Exists(Path.Combine(sandbox.ContentRoot, CheckResultSet.FileName)));
        Assert.Contains("(2 checked now, the others unchanged)", first.Error);
        Assert.Contains("(0 checked now, the others unchanged)", second.Error);
        Assert.Contains("(1 checked now, the others unchanged)", third.Error);
        Assert.Equal(first.Output, second.Output);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var checks = server.Services.GetRequiredService<LeafletCheckResults>();
        await checks.StartChecks(await server.Services.GetRequiredService<LeafletCatalog>().GetSnapshotAsync(CancellationToken.None))
            .WaitAsync(TimeSpan.FromMinutes(2));
        var health = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/health"));
        Assert.Equal(0, (int)health["totals"]!["pending"]!);
        Assert.Equal(0, checks.Checked);
    }

    [Fact]
    public async Task A_command_that_fails_unexpectedly_prints_one_line_and_exits_non_zero()
    {
        var broken = new Command("broken");
        broken.SetAction(int (_) => throw new InvalidOperationException("something we did not foresee\nsecond line"));
        var error = new StringWriter();

        var exitCode = await LeafletsCommandLine.RunAsync(new RootCommand { broken }, ["broken"],
            new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(LeafletsCommandLine.UnexpectedFailure, exitCode);
        Assert.Equal(
            "leaflets broken: failed unexpectedly (InvalidOperationException: something we did not foresee); nothing more was done. Please report this.",
            error.ToString().TrimEnd());
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_content.FullName, "leaflets", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await LeafletsCommandLine.RunAsync(LeafletsCommandLine.Create(), args, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
