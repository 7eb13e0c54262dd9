using System.Collections.Concurrent;
using Leaflets.Cli.Hosting;
using Leaflets.Storage.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leaflets.Storage.Tests;

/// <summary>
/// A served app whose connection string holds a wrong key: the storage refuses every request, and neither the
/// log nor any response ever carries the key.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConnectionStringSecrecyTests(Azurite azurite) : IDisposable
{
    private readonly ContentFolder _content = new ContentFolder().WithLeaflet("wound-care");

    [Fact]
    public async Task A_refused_key_reaches_neither_the_log_nor_a_response()
    {
        var leaflets = azurite.NewContainer("secrecy");
        await new ContentPublisher(leaflets).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        var wrongKey = string.Join(';', azurite.ConnectionString.Split(';')
            .Select(part => part.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + BlobAccountTests.FakeKey : part));
        var log = new RecordingLoggerProvider();
        await using var app = LeafletServer.CreateApp(new LeafletServerOptions
        {
            ContentRoot = "not-used-with-blob-content",
            Urls = "http://127.0.0.1:0",
            Settings = new Dictionary<string, string?>
            {
                ["Content:Source"] = "blob",
                ["Content:Blob:ConnectionString"] = wrongKey,
                ["Content:Blob:Container"] = leaflets.Name,
            },
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(log),
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var bodies = new List<string>();
        foreach (var path in new[] { "/api/health", "/api/leaflets", "/api/leaflets/wound-care", "/api/leaflets/wound-care/pdf" })
        {
            bodies.Add(await (await client.GetAsync(path)).Content.ReadAsStringAsync());
        }
        await app.StopAsync();

        Assert.NotEmpty(log.Entries);
        Assert.Contains(log.Entries, entry => entry.Contains("403", StringComparison.Ordinal) || entry.Contains("AuthorizationFailure", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Entries, entry => entry.Contains(BlobAccountTests.FakeKey, StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, body => body.Contains(BlobAccountTests.FakeKey, StringComparison.Ordinal));
    }

    public void Dispose() => _content.Dispose();

    /// <summary>Every log entry as a person would read it: the message and the whole exception, inner ones included.</summary>
    private sealed class RecordingLoggerProvider : ILoggerProvider, ILogger
    {
        public ConcurrentBag<string> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add($"{logLevel}: {formatter(state, exception)}\n{exception}");

        public void Dispose()
        {
        }
    }
}
