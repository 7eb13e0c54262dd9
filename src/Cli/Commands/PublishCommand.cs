using System.CommandLine;
using Azure;
using Azure.Storage.Blobs;
using Leaflets.Storage;
using Leaflets.Storage.Publishing;

namespace Leaflets.Cli.Commands;

/// <summary><c>leaflets publish</c>: checks the content folder and uploads what changed to a blob container.</summary>
internal static class PublishCommand
{
    private const int Published = 0;
    private const int CheckFailed = 1;
    private const int CouldNotPublish = 2;

    public static Command Create()
    {
        var content = CommonOptions.Content();
        var connectionString = new Option<string?>("--connection-string")
        {
            Description = "Storage connection string. Default: Content__Blob__ConnectionString, else AzureWebJobsStorage.",
        };
        var container = new Option<string>("--container")
        {
            Description = "The blob container the app serves leaflets from.",
            DefaultValueFactory = _ => new BlobContentOptions().Container,
        };
        var prune = new Option<bool>("--prune")
        {
            Description = "Also delete leaflets from the container that are no longer in the content folder.",
        };
        var command = new Command("publish", "Check the content folder, then upload only what changed to a blob container (nothing if any check fails).")
        {
            content, connectionString, container, prune,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            CommonOptions.ResolveContentRoot(parse.GetValue(content)),
            parse.GetValue(connectionString),
            parse.GetValue(container)!,
            parse.GetValue(prune),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TextWriter output, TextWriter errors, string contentRoot, string? connectionString, string containerName, bool prune, CancellationToken cancellationToken)
    {
        connectionString ??= NonBlank(Environment.GetEnvironmentVariable("Content__Blob__ConnectionString"))
            ?? NonBlank(Environment.GetEnvironmentVariable("AzureWebJobsStorage"));
        if (connectionString is null)
        {
            await errors.WriteLineAsync("publish needs a storage connection string: pass --connection-string or set Content__Blob__ConnectionString.");
            return CouldNotPublish;
        }

        BlobContainerClient container;
        try
        {
            // Few retries: a wrong endpoint should fail in seconds, not minutes.
            var options = new BlobClientOptions { Retry = { MaxRetries = 2, NetworkTimeout = TimeSpan.FromSeconds(30) } };
            container = new BlobContainerClient(connectionString, containerName, options);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            await errors.WriteLineAsync($"--connection-string is not a valid storage connection string ({e.Message}).");
            return CouldNotPublish;
        }

        PublishSummary summary;
        try
        {
            summary = await new ContentPublisher(container).PublishAsync(contentRoot, prune, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or DirectoryNotFoundException or AggregateException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"Could not publish {contentRoot} to container '{containerName}': {e.Message.Split('\n')[0]}");
            return CouldNotPublish;
        }

        foreach (var problem in summary.Check.Problems)
        {
            await output.WriteLineAsync(problem.ToString());
        }
        if (summary.Refused)
        {
            await errors.WriteLineAsync($"Nothing published: {summary.Check.Summary}. Fix the errors and publish again.");
            return CheckFailed;
        }
        foreach (var path in summary.Uploaded)
        {
            await output.WriteLineAsync($"uploaded  {path}");
        }
        foreach (var path in summary.Deleted)
        {
            await output.WriteLineAsync($"deleted   {path}");
        }
        var leaflets = summary.Check.Content.Leaflets.Count;
        await output.WriteLineAsync($"Published {leaflets} {(leaflets == 1 ? "leaflet" : "leaflets")} to '{containerName}': " +
            $"{summary.Uploaded.Length} uploaded, {summary.Unchanged.Length} unchanged, {summary.Deleted.Length} deleted.");
        return Published;
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
