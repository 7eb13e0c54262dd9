using System.CommandLine;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;

namespace Leaflets.Cli.Commands;

/// <summary><c>leaflets check</c>: the publish gate. One line per problem on stdout, a summary on stderr; exit 1 on any error.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var command = new Command("check", "Validate every leaflet against the authoring format; exit 1 if any has an error.") { content };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var report = await CommonOptions.TryCheckFolderAsync(
                ContentCheck.PublishGate(), CommonOptions.ResolveContentRoot(parse.GetValue(content)), "check", errors, cancellationToken);
            if (report is null)
            {
                return 1;
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
