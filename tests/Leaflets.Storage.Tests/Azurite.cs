using Azure.Core;
using Azure.Storage.Blobs;

namespace Leaflets.Storage.Tests;

/// <summary>
/// The Azurite blob service the tests run against (scripts/azurite.sh start). Each test gets containers of its own.
/// An unreachable Azurite fails every test with the way to start it: these tests are never skipped.
/// </summary>
public sealed class Azurite : IAsyncLifetime
{
    public const string ConnectionVariable = "LEAFLETS_AZURITE_CONNECTION";

    // The emulator's published development account; it is not a secret.
    private const string DevelopmentStorage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    private string? _unreachable;

    public string ConnectionString { get; } =
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DevelopmentStorage;

    public BlobServiceClient Service => new(ConnectionString);

    public async Task InitializeAsync()
    {
        var quick = new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } };
        var service = new BlobServiceClient(ConnectionString, quick);
        try
        {
            await service.GetPropertiesAsync();
        }
        catch (Exception e)
        {
            _unreachable = $"Azurite is not running on {service.Uri}: start it with scripts/azurite.sh start " +
                $"(or set {ConnectionVariable}). {e.GetType().Name}: {e.Message.Split('\n')[0]}";
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A name no other test uses; the container itself is not created.</summary>
    public BlobContainerClient NewContainer(string purpose)
    {
        if (_unreachable is not null)
        {
            throw new InvalidOperationException(_unreachable);
        }
        return Service.GetBlobContainerClient($"{purpose}-{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 33)]);
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<Azurite>
{
    public const string Name = "Azurite";
}
