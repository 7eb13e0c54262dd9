using Leaflets.Content.Catalog;
using Leaflets.Functions;
using Leaflets.Functions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Leaflets.Cli.Hosting;

public sealed class LeafletServerOptions
{
    public const string DefaultUrls = "http://localhost:7071";

    /// <summary>The folder holding leaflets/.</summary>
    public required string ContentRoot { get; init; }

    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Further configuration, as the Functions host would read it from app settings (e.g. Content:Source=blob).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Lets tests replace services (a fixed clock, a failing content source) after the real ones are added.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}

/// <summary>
/// The local stand-in for the Functions host: Kestrel serving the very function classes of Leaflets.Functions,
/// with the same services. Used by <c>leaflets serve</c> and by the tests, which start it on port 0.
/// </summary>
public static class LeafletServer
{
    public static WebApplication CreateApp(LeafletServerOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Settings come from the command line and the environment, never from an appsettings.json in whatever
            // folder serve was started from: the host watched that folder for changes to it, recursively (6,799
            // directories when started from this repository; a content folder of 10,000 leaflets has 30,000), holding
            // a watch per directory for the life of the process (issue 12's memory work).
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ContentOptions.SectionName}:{nameof(ContentOptions.Root)}"] = options.ContentRoot,
        });
        builder.Configuration.AddInMemoryCollection(options.Settings);
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        // Keep the console for what matters here: broken leaflets, errors and where the server listens.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Off altogether: its only messages are each request's start and end, and while it logs at any level ASP.NET
        // Core starts an Activity and a logging scope for every request, a tenth of what an answer kept in memory
        // allocated (bench/README, "A kept answer's allocations").
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        builder.Services.AddLeafletFunctions(builder.Configuration);
        options.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        // Checked here rather than when the host starts, so that a bad setting is a message naming it (which
        // leaflets serve prints) instead of a host that fails to start with a stack trace.
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException invalid)
        {
            throw new InvalidOperationException(invalid.Message);
        }
        app.UseRouting();
        app.MapFunctions(typeof(FunctionResponse).Assembly);
        return app;
    }
}
