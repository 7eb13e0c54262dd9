using Azure.Storage.Blobs;
using Leaflets.Content.Checking;
using Leaflets.Storage.Publishing;

namespace Leaflets.Soak;

/// <summary>
/// Uploads a content folder exactly as `leaflets publish` does (the same blobs, metadata, order and parallel uploads:
/// <see cref="ContentPublisher"/> itself) but with a gate that renders nothing, so the loader's validation is all that
/// is run. For the scale benchmark: the real gate over 10,000 synthetic leaflets takes hours, and what the blob-mode
/// cold starts need is the container, not the check. The time it takes is publish's without the gate.
/// </summary>
internal static class PutContentCommand
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var container = new BlobContainerClient(arguments.Required("connection-string"), arguments.Required("container"));
        var summary = await new ContentPublisher(container, new ContentCheck(), TimeProvider.System)
            .PublishAsync(arguments.Required("content"), prune: false, CancellationToken.None);
        if (summary.Refused)
        {
            Console.Error.WriteLine(summary.Check.Summary);
            return 1;
        }
        Console.WriteLine($"{summary.Uploaded.Length} uploaded, {summary.Unchanged.Length} unchanged");
        return 0;
    }
}
