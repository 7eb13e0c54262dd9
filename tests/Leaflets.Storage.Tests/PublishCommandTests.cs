using System.Diagnostics;

namespace Leaflets.Storage.Tests;

/// <summary><c>leaflets publish</c> as an editor runs it: the real CLI in its own process.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishCommandTests(Azurite azurite) : IDisposable
{
    private readonly ContentFolder _content = new ContentFolder().WithLeaflet("wound-care");

    [Fact]
    public async Task Publish_uploads_the_content_and_says_what_it_did()
    {
        var container = azurite.NewContainer("cli");

        var (exit, output, _) = await LeafletsAsync("publish", "--content", _content.Root, "--connection-string", azurite.ConnectionString, "--container", container.Name);

        Assert.Equal(0, exit);
        Assert.Contains("uploaded  leaflets/wound-care/plain.md", output, StringComparison.Ordinal);
        Assert.Contains("1 uploaded, 0 unchanged, 0 deleted", output, StringComparison.Ordinal);
        Assert.True(await container.GetBlobClient("leaflets/wound-care/plain.md").ExistsAsync());
    }

    [Fact]
    public async Task Publish_refuses_content_that_fails_check_with_exit_code_1_and_uploads_nothing()
    {
        var container = azurite.NewContainer("clirefuse");
        _content.WithBrokenLeaflet("broken-one");

        var (exit, output, errors) = await LeafletsAsync("publish", "--content", _content.Root, "--connection-string", azurite.ConnectionString, "--container", container.Name);

        Assert.Equal(1, exit);
        Assert.Contains("broken-one/plain.md:", output, StringComparison.Ordinal);
        Assert.Contains("Nothing published", errors, StringComparison.Ordinal);
        Assert.False(await container.ExistsAsync());
    }

    [Fact]
    public async Task Publish_without_a_connection_string_says_how_to_give_one()
    {
        var (exit, _, errors) = await LeafletsAsync("publish", "--content", _content.Root);

        Assert.Equal(2, exit);
        Assert.Contains("--connection-string", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Errors)> LeafletsAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "leaflets.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The command falls back to these; the test must see only what it passes.
        start.Environment.Remove("Content__Blob__ConnectionString");
        start.Environment.Remove("AzureWebJobsStorage");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    public void Dispose() => _content.Dispose();
}
