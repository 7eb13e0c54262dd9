namespace Leaflets.Api.Tests.Infrastructure;

/// <summary>One server over a private copy of the fixture content, shared by the tests of the "server" collection.</summary>
public sealed class FixtureServer : IAsyncLifetime
{
    private ContentSandbox _sandbox = null!;

    public RunningServer Server { get; private set; } = null!;

    public string ContentRoot => _sandbox.ContentRoot;

    public string SecretPath => _sandbox.SecretPath;

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync()
    {
        _sandbox = TestPaths.CopyFixtureContent();
        Server = await RunningServer.StartAsync(ContentRoot);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _sandbox.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<FixtureServer>
{
    public const string Name = "server";
}
