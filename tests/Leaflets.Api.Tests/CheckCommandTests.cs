using System.CommandLine;
using Leaflets.Cli;
using Leaflets.Content.Tests.Loading;

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
