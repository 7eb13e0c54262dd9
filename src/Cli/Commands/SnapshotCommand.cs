using System.CommandLine;
using Leaflets.Content.Checking;
using Leaflets.Content.Snapshot;

namespace Leaflets.Cli.Commands;

/// <summary>
/// <c>leaflets snapshot</c>: writes the compiled snapshot of a content folder (<see cref="FolderSnapshot"/>) without
/// rendering anything, with the check results already saved in its <c>checks.json</c> (none: <c>leaflets serve</c> checks
/// each leaflet in the background, as it does without a snapshot). A library too large to check in minutes gets a
/// snapshot in the time one load takes. Exit 1 when the folder cannot be read or changed while being read.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var command = new Command("snapshot",
            $"Write the content folder's compiled snapshot ({SnapshotFormat.FilesFolder}/{SnapshotFormat.FileName}) so `leaflets serve` starts without reading the Markdown; checks nothing.")
        {
            content,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = parse.InvocationConfiguration.Error;
            var contentRoot = CommonOptions.ResolveContentRoot(parse.GetValue(content));
            CheckResultSet? saved = null;
            try
            {
                saved = await new FileCheckResultStore(contentRoot).ReadAsync(cancellationToken);
            }
            catch (InvalidDataException unreadable)
            {
                await errors.WriteLineAsync($"leaflets snapshot: written without check results: {unreadable.Message}");
            }
            return await TryWriteAsync(contentRoot, saved, "snapshot", errors, cancellationToken) ? 0 : 1;
        });
        return command;
    }

    /// <summary>Writes the snapshot and says where on <paramref name="errors"/>; false (with the reason) when it could not.</summary>
    public static async Task<bool> TryWriteAsync(string contentRoot, CheckResultSet? checks, string commandName, TextWriter errors, CancellationToken cancellationToken)
    {
        try
        {
            var (path, snapshot) = await FolderSnapshot.WriteAsync(contentRoot, checks, cancellationToken);
            await errors.WriteLineAsync(
                $"Wrote the compiled snapshot of {snapshot.Leaflets.Count} leaflets to {path} ({(checks is null ? "no" : checks.Results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} check results).");
            return true;
        }
        catch (Exception error) when (error is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"leaflets {commandName}: the compiled snapshot was not written: {error.Message}");
            return false;
        }
    }
}
