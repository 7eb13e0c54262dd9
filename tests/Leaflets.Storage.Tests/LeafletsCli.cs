using System.Diagnostics;

namespace Leaflets.Storage.Tests;

/// <summary>Runs the real <c>leaflets</c> CLI (built beside the tests) in its own process.</summary>
public static class LeafletsCli
{
    public static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] arguments)
        => await RunAsync(new Dictionary<string, string>(), arguments);

    public static async Task<(int Exit, string Output, string Errors)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "leaflets.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The commands fall back to these; a test must see only what it passes.
        foreach (var inherited in new[] { "Content__Source", "Content__Blob__ServiceUri", "Content__Blob__ConnectionString", "AzureWebJobsStorage" })
        {
            start.Environment.Remove(inherited);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"leaflets {string.Join(' ', arguments)} did not finish within 2 minutes.");
        }
        return (process.ExitCode, await output, await errors);
    }
}
