using System.CommandLine;
using Leaflets.Cli.Commands;

var root = new RootCommand("Patient-information leaflets: serve, check and list the content.")
{
    ServeCommand.Create(),
    CheckCommand.Create(),
    CheckPdfCommand.Create(),
    ListCommand.Create(),
    PublishCommand.Create(),
    RenderCommand.Create(),
};
var parse = root.Parse(args);
var exitCode = await parse.InvokeAsync();
// A usage error (unknown option, missing value) exits 2 like any Unix tool, so scripts can tell it from a failed run.
return parse.Errors.Count > 0 ? CommonOptions.UsageError : exitCode;
