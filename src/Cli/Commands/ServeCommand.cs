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
        var command = new Command("serve", "Serve the leaflet library and its API locally with the same function classes as Azure Functions.")
        {
            content,
            urls,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            WebApplication app;
            try
            {
                app = LeafletServer.CreateApp(new LeafletServerOptions
                {
                    ContentRoot = CommonOptions.ResolveContentRoot(parseResult.GetValue(content)),
                    Urls = parseResult.GetValue(urls) ?? LeafletServerOptions.DefaultUrls,
                });
            }
            catch (InvalidOperationException misconfigured)
            {
                // e.g. Content__Source=blob without a connection string: say which setting, not a stack trace.
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"leaflets serve: {misconfigured.Message}");
                return 2;
            }
            // Where a person opens the library, once Kestrel knows its addresses (port 0 becomes a real one).
            var output = parseResult.InvocationConfiguration.Output;
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                // What a cold start spends before Kestrel listens (runtime start, JIT, DI), apart from the content's load.
                var sinceStart = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
                output.WriteLine($"Listening {sinceStart.TotalMilliseconds:0} ms after the process started.");
                foreach (var address in app.Urls)
                {
                    output.WriteLine($"The leaflet library: {address.TrimEnd('/')}/  (API: {address.TrimEnd('/')}/api/leaflets)");
                }
            });
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
