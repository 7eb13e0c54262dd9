using System.CommandLine;
using Leaflets.Cli.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Leaflets.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen. Default: {LeafletServerOptions.DefaultUrls} (the Functions port).",
            DefaultValueFactory = _ => LeafletServerOptions.DefaultUrls,
        };
        var command = new Command("serve", "Serve the leaflet API locally with the same function classes as Azure Functions.")
        {
            content,
            urls,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var app = LeafletServer.CreateApp(new LeafletServerOptions
            {
                ContentRoot = CommonOptions.ResolveContentRoot(parseResult.GetValue(content)),
                Urls = parseResult.GetValue(urls) ?? LeafletServerOptions.DefaultUrls,
            });
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
