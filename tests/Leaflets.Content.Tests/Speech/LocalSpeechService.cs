using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Leaflets.Content.Tests.Speech;

/// <summary>
/// An HTTP listener on 127.0.0.1 standing in for Azure AI Speech's text-to-speech endpoint: it records each request
/// (so a test can check what our side sends) and answers with what the test's handler says. It proves our side of the
/// contract, not the service's.
/// </summary>
internal sealed class LocalSpeechService : IDisposable
{
    public const string Path = "/cognitiveservices/v1";

    private readonly HttpListener listener = new();
    private readonly Func<int, RecordedRequest, HttpListenerResponse, Task> answer;
    private readonly Task loop;

    public LocalSpeechService(Func<int, RecordedRequest, HttpListenerResponse, Task> answer)
    {
        this.answer = answer;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}{Path}");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public void Dispose()
    {
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a request the client had already given up on.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using var reader = new StreamReader(context.Request.InputStream, System.Text.Encoding.UTF8);
                var request = new RecordedRequest(
                    context.Request.HttpMethod,
                    context.Request.Url!.AbsolutePath,
                    context.Request.Headers.AllKeys.ToDictionary(key => key!, key => context.Request.Headers[key]!, StringComparer.OrdinalIgnoreCase),
                    await reader.ReadToEndAsync());
                Requests.Enqueue(request);
                try
                {
                    await answer(Requests.Count, request, context.Response);
                    context.Response.Close();
                }
                catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or IOException)
                {
                    // The client hung up first (a test of its time limit).
                }
            });
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
