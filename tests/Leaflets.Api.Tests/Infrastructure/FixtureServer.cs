namespace Leaflets.Api.Tests.Infrastructure;

/// <summary>One server over a private copy of the fixture content, shared by the tests of the "server" collection.</summary>
public sealed class FixtureServer : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    public string ContentRoot { get; private set; } = "";

    public string SecretPath { get; private set; } = "";

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync()
    {
        (ContentRoot, SecretPath) = TestPaths.CopyFixtureContent();
        Server = await RunningServer.StartAsync(ContentRoot);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<FixtureServer>
{
    public const string Name = "server";
}
