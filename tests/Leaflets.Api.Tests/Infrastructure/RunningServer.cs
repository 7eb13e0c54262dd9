using System.Net.Sockets;
using System.Text;
using Leaflets.Cli.Hosting;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests.Infrastructure;

/// <summary><c>leaflets serve</c>'s own host, started in-process on 127.0.0.1 with a free port.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningServer> StartAsync(string contentRoot, Action<IServiceCollection>? configure = null)
    {
        var app = LeafletServer.CreateApp(new LeafletServerOptions
        {
            ContentRoot = contentRoot,
            Urls = "http://127.0.0.1:0",
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(TestTime.Clock());
                configure?.Invoke(services);
            },
        });
        await app.StartAsync();
        return new RunningServer(app, new Uri(app.Urls.Single()));
    }

    /// <summary>
    /// A server whose content source never answers, so its first load runs out at a limit of 1 s and requests get 503.
    /// On the system clock: that limit is a timer the catalog sets on the load's own thread, at a moment a test cannot
    /// see, so a fake clock could not be moved past it at the right time.
    /// </summary>
    public static Task<RunningServer> StartWithAHangingSourceAsync(string contentRoot) => StartAsync(contentRoot, services =>
    {
        services.AddSingleton<IContentSource>(new CountingContentSource(contentRoot) { Hang = true });
        services.Configure<ContentOptions>(options => options.RefreshTimeoutSeconds = 1);
        services.AddSingleton(TimeProvider.System);
    });

    /// <summary>
    /// Sends a request target byte for byte, because HttpClient (System.Uri) would resolve dot segments and
    /// backslashes before sending, hiding exactly the attacks these tests are about.
    /// </summary>
    public Task<RawResponse> SendRawAsync(string target, string method = "GET") =>
        SendRawRequestAsync($"{method} {target} HTTP/1.1\r\nHost: {Address.Authority}\r\nConnection: close\r\n\r\n");

    /// <summary>Sends <paramref name="request"/> (request line, fields and the blank line) as it is, for requests HttpClient would not send.</summary>
    public async Task<RawResponse> SendRawRequestAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Address.Host, Address.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var status = int.Parse(text.Split(' ', 3)[1]);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return new RawResponse(status, text[..split], text[(split + 4)..]);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RawResponse(int Status, string Head, string Body);
