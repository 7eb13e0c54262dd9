using System.CommandLine;
using Leaflets.Content;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;

namespace Leaflets.Cli.Commands;

/// <summary><c>leaflets list</c>: one line per loaded leaflet (id, variants, languages, version, review status, title).</summary>
internal static class ListCommand
{
    public static Command Create(TimeProvider? time = null)
    {
        var content = CommonOptions.Content();
        var command = new Command("list", "List the leaflets that load: id, variants, version, review status and title.") { content };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var report = await CommonOptions.TryCheckFolderAsync(
                new ContentCheck(), CommonOptions.ResolveContentRoot(parse.GetValue(content)), "list", errors, cancellationToken);
            if (report is null)
            {
                return 1;
            }
            var today = (time ?? TimeProvider.System).Today();
            foreach (var leaflet in report.Content.Leaflets.Values)
            {
                await output.WriteLineAsync(LeafletListing.Line(leaflet, today));
            }
            if (!report.Passed)
            {
                await errors.WriteLineAsync($"{report.Summary} (run 'leaflets check' for the problems)");
            }
            return 0;
        });
        return command;
    }
}
