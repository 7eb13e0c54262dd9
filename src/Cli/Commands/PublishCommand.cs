using System.CommandLine;
using Azure;
using Azure.Identity;
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
        var serviceUri = new Option<string?>("--service-uri")
        {
            Description = "Blob service address with no key (https://account.blob.core.windows.net), reached with your Azure login "
                + "(az login) or a managed identity. Default: Content__Blob__ServiceUri.",
        };
        var connectionString = new Option<string?>("--connection-string")
        {
            Description = "Storage connection string, for Azurite or a server of your own. Default: Content__Blob__ConnectionString, else AzureWebJobsStorage.",
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
            content, serviceUri, connectionString, container, prune,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            CommonOptions.ResolveContentRoot(parse.GetValue(content)),
            new Setting(parse.GetValue(serviceUri), serviceUri.Name),
            new Setting(parse.GetValue(connectionString), connectionString.Name),
            parse.GetValue(container)!,
            parse.GetValue(prune),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        TextWriter output, TextWriter errors, string contentRoot, Setting serviceUri, Setting connectionString, string containerName,
        bool prune, CancellationToken cancellationToken)
    {
        BlobContainerClient container;
        try
        {
            var account = serviceUri.IsSet || connectionString.IsSet
                ? BlobAccount.From(serviceUri, connectionString)
                : BlobAccount.From(FromEnvironment("Content__Blob__ServiceUri"), FromEnvironment("Content__Blob__ConnectionString"))
                    ?? (FromEnvironment("AzureWebJobsStorage") is { IsSet: true } hostStorage ? BlobAccount.FromConnectionString(hostStorage) : null);
            if (account is null)
            {
                await errors.WriteLineAsync("publish needs a storage account: pass --service-uri (with az login) or --connection-string, "
                    + "or set Content__Blob__ServiceUri or Content__Blob__ConnectionString.");
                return CouldNotPublish;
            }
            // Few retries: a wrong endpoint should fail in seconds, not minutes.
            container = account.Container(containerName, new BlobClientOptions { Retry = { MaxRetries = 2, NetworkTimeout = TimeSpan.FromSeconds(30) } });
        }
        catch (InvalidOperationException misconfigured)
        {
            await errors.WriteLineAsync(misconfigured.Message);
            return CouldNotPublish;
        }

        PublishSummary summary;
        try
        {
            summary = await new ContentPublisher(container).PublishAsync(contentRoot, prune, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or AuthenticationFailedException or DirectoryNotFoundException
            or AggregateException or IOException or UnauthorizedAccessException)
        {
            // Storage's own first line is only "Service request failed."; its status and error code say what failed.
            // Otherwise the first line says it (why no token came, which folder is missing); the rest is diagnostics.
            var reason = e is RequestFailedException failed
                ? $"storage answered {failed.Status}{(failed.ErrorCode is { } code ? $" {code}" : "")}"
                : e.Message.Split('\n')[0];
            await errors.WriteLineAsync($"Could not publish {contentRoot} to container '{containerName}': {reason}");
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
        // What the gate cost: a leaflet whose content the stored results already cover is not rendered again.
        await output.WriteLineAsync($"Checked {summary.Check.LeafletsChecked} of {leaflets}; the others' results were stored for their content.");
        return Published;
    }

    private static Setting FromEnvironment(string name) => new(Environment.GetEnvironmentVariable(name), name);
}
