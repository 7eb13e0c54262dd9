using System.CommandLine;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Snapshot;

namespace Leaflets.Cli.Commands;

/// <summary>
/// <c>leaflets check</c>: the publish gate. One line per problem on stdout, a summary on stderr; exit 1 on any error. With
/// <c>--save-results</c> the results are kept in the content folder's <c>checks.json</c> (<see cref="FileCheckResultStore"/>),
/// which <c>leaflets serve</c> shows in /api/health instead of checking every leaflet itself, and which the next
/// <c>check --save-results</c> reuses for every leaflet whose content did not change; the compiled snapshot
/// (<see cref="Content.Snapshot.FolderSnapshot"/>) is written beside them, so <c>leaflets serve</c> starts without reading the Markdown.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var saveResults = new Option<bool>("--save-results")
        {
            Description = $"Keep the results in the content folder's {CheckResultSet.FileName} for `leaflets serve`, and write its compiled snapshot to {SnapshotFormat.FilesFolder}/; check only leaflets whose content changed since.",
        };
        var command = new Command("check", "Validate every leaflet against the authoring format; exit 1 if any has an error.") { content, saveResults };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var contentRoot = CommonOptions.ResolveContentRoot(parse.GetValue(content));
            var store = parse.GetValue(saveResults) ? new FileCheckResultStore(contentRoot) : null;
            CheckResultSet? known = null;
            try
            {
                known = store is null ? null : await store.ReadAsync(cancellationToken);
            }
            catch (InvalidDataException unreadable)
            {
                await errors.WriteLineAsync($"leaflets check: every leaflet is checked again: {unreadable.Message}");
            }
            var report = await CommonOptions.TryCheckFolderAsync(ContentCheck.PublishGate(), contentRoot, "check", errors, cancellationToken, known);
            if (report is null)
            {
                return 1;
            }
            if (store is not null)
            {
                await store.WriteAsync(report.Results, cancellationToken);
                await errors.WriteLineAsync($"Saved the results to {store.FilePath} ({report.LeafletsChecked} checked now, the others unchanged).");
                if (!await SnapshotCommand.TryWriteAsync(contentRoot, report.Results, "check", errors, cancellationToken))
                {
                    return 1;
                }
            }
            foreach (var problem in report.Problems)
            {
                await output.WriteLineAsync(problem.ToString());
            }
            await errors.WriteLineAsync(report.Summary);
            return report.Passed ? 0 : 1;
        });
        return command;
    }
}
