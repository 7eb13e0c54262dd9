using System.CommandLine;

namespace Leaflets.Cli.Commands;

internal static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "TODO");
        command.SetAction((_, _) => Task.FromResult(2));
        return command;
    }
}
