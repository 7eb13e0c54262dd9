using Azure.Storage.Blobs;

namespace Leaflets.Soak;

/// <summary>Overwrites one blob with a file's bytes, bypassing `leaflets publish` and its gate.</summary>
internal static class PutBlobCommand
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var container = new BlobContainerClient(arguments.Required("connection-string"), arguments.Required("container"));
        await using var file = File.OpenRead(arguments.Required("file"));
        await container.GetBlobClient(arguments.Required("name")).UploadAsync(file, overwrite: true);
        return 0;
    }
}
