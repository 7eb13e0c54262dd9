using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Leaflets.Benchmarks.Chromium;

/// <summary>
/// A minimal Chrome DevTools Protocol client over one WebSocket: numbered commands answered by id,
/// and events handed to whoever is waiting for them. Only what printing a page needs.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> eventWaiters = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly CancellationTokenSource closing = new();
    private Task receiveLoop = Task.CompletedTask;
    private int nextId;

    public static async Task<DevToolsConnection> ConnectAsync(Uri browserEndpoint, CancellationToken cancellationToken)
    {
        var connection = new DevToolsConnection();
        // printToPDF answers with the whole PDF as base64 in one message.
        connection.socket.Options.SetBuffer(1 << 16, 1 << 16);
        await connection.socket.ConnectAsync(browserEndpoint, cancellationToken);
        connection.receiveLoop = Task.Run(connection.ReceiveLoopAsync);
        return connection;
    }

    /// <summary>Sends a command (to the browser, or to a page when <paramref name="sessionId"/> is set) and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters, string? sessionId, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
        using var registration = cancellationToken.Register(() => reply.TrySetCanceled(cancellationToken));
        return await reply.Task;
    }

    /// <summary>
    /// Starts waiting for the next event named <paramref name="method"/> in a session. Call it before the
    /// command that causes the event, so the event cannot arrive before anyone listens.
    /// </summary>
    public Task<JsonElement> NextEventAsync(string method, string sessionId)
    {
        var waiter = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        eventWaiters[EventKey(method, sessionId)] = waiter;
        return waiter.Task;
    }

    private static string EventKey(string method, string? sessionId) => sessionId + "|" + method;

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open && !closing.IsCancellationRequested)
            {
                var chunk = await socket.ReceiveAsync(buffer, closing.Token);
                if (chunk.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, chunk.Count);
                if (!chunk.EndOfMessage)
                {
                    continue;
                }
                Dispatch(message.GetBuffer().AsMemory(0, (int)message.Length));
                message.SetLength(0);
            }
            FailAll(new WebSocketException("Chromium closed the DevTools connection."));
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            FailAll(error);
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement))
        {
            if (!pending.TryRemove(idElement.GetInt32(), out var reply))
            {
                return;
            }
            if (root.TryGetProperty("error", out var error))
            {
                reply.TrySetException(new InvalidOperationException($"DevTools error: {error.GetRawText()}"));
            }
            else
            {
                reply.TrySetResult(root.GetProperty("result").Clone());
            }
            return;
        }
        var method = root.GetProperty("method").GetString();
        var sessionId = root.TryGetProperty("sessionId", out var session) ? session.GetString() : null;
        if (eventWaiters.TryRemove(EventKey(method!, sessionId), out var waiter))
        {
            waiter.TrySetResult(root.TryGetProperty("params", out var parameters) ? parameters.Clone() : default);
        }
    }

    private void FailAll(Exception error)
    {
        foreach (var reply in pending.Values)
        {
            reply.TrySetException(error);
        }
        foreach (var waiter in eventWaiters.Values)
        {
            waiter.TrySetException(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        closing.Cancel();
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or WebSocketException)
            {
                // Chromium is about to be killed anyway.
            }
        }
        try
        {
            await receiveLoop;
        }
        catch (OperationCanceledException)
        {
        }
        socket.Dispose();
        closing.Dispose();
        sendLock.Dispose();
    }
}
