using System.CommandLine;
using Leaflets.Cli.Commands;

namespace Leaflets.Cli;

/// <summary>The <c>leaflets</c> tool: its commands, and the exit codes and last line of defence every command shares.</summary>
internal static class LeafletsCommandLine
{
    /// <summary>A fault of ours that no command turned into a message: told in one line, never as a stack trace.</summary>
    public const int UnexpectedFailure = 1;

    public static RootCommand Create() => new("Patient-information leaflets: serve, check and list the content.")
    {
        ServeCommand.Create(),
        CheckCommand.Create(),
        CheckPdfCommand.Create(),
        ListCommand.Create(),
        SnapshotCommand.Create(),
        PublishCommand.Create(),
        RenderCommand.Create(),
    };

    public static async Task<int> RunAsync(RootCommand root, string[] args, InvocationConfiguration configuration)
    {
        // System.CommandLine's own handler would print "Unhandled exception:" and the stack trace.
        configuration.EnableDefaultExceptionHandler = false;
        var parse = root.Parse(args);
        try
        {
            var exitCode = await parse.InvokeAsync(configuration);
            // A usage error (unknown option, missing value) exits 2 like any Unix tool, so scripts can tell it from a failed run.
            return parse.Errors.Count > 0 ? CommonOptions.UsageError : exitCode;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            var command = parse.CommandResult.Command == root ? "leaflets" : $"leaflets {parse.CommandResult.Command.Name}";
            await configuration.Error.WriteLineAsync(
                $"{command}: failed unexpectedly ({error.GetType().Name}: {error.Message.Split('\n')[0]}); nothing more was done. Please report this.");
            return UnexpectedFailure;
        }
    }
}
