using System.CommandLine;
using Leaflets.Cli.Commands;

var root = new RootCommand("Patient-information leaflets: serve, check and list the content.")
{
    ServeCommand.Create(),
    CheckCommand.Create(),
    CheckPdfCommand.Create(),
    ListCommand.Create(),
    PublishCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
