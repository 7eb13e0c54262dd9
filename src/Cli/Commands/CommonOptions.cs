using System.CommandLine;

namespace Leaflets.Cli.Commands;

internal static class CommonOptions
{
    /// <summary>The exit code for bad usage (unknown option, bad value), kept apart from 1, "the work failed".</summary>
    public const int UsageError = 2;

    /// <summary>--content DIR; when absent, Content__Root from the environment, then "content".</summary>
    public static Option<string?> Content() => new("--content")
    {
        Description = "The content folder (holding leaflets/). Default: Content__Root, else ./content.",
    };

    public static string ResolveContentRoot(string? fromCommandLine) =>
        fromCommandLine
        ?? Environment.GetEnvironmentVariable("Content__Root")
        ?? "content";
}
