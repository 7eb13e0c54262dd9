using System.CommandLine;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;

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

    /// <summary>
    /// Runs <paramref name="check"/> over the content folder, or writes "leaflets COMMAND: cannot read content: ..." and
    /// returns null when the folder cannot be read, so no command shows a stack trace for a wrong path.
    /// </summary>
    public static async Task<ContentCheckReport?> TryCheckFolderAsync(
        ContentCheck check, string contentRoot, string commandName, TextWriter errors, CancellationToken cancellationToken, CheckResultSet? known = null)
    {
        try
        {
            return await check.RunAsync(new FileContentSource(contentRoot), cancellationToken, known);
        }
        catch (Exception error) when (error is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"leaflets {commandName}: cannot read content: {error.Message}");
            return null;
        }
    }
}
