using System.CommandLine;

namespace Leaflets.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "TODO");
        command.SetAction((_, _) => Task.FromResult(2));
        return command;
    }
}
