using System.CommandLine;

namespace Leaflets.Cli.Commands;

internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "TODO");
        command.SetAction((_, _) => Task.FromResult(2));
        return command;
    }
}
