using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Leaflets.Soak;

/// <summary>
/// A bare Kestrel server that answers each request with the bytes the product answered for the same path (and
/// Accept-Encoding), kept in memory: status, headers and body, found by path and nothing else done. Asked for a path it
/// has not kept, it asks the product at <c>--base</c> once and keeps that answer; once every path of a benchmark case
/// has been asked for, the product can be stopped and the case timed against this server alone.
/// <para>
/// Why: the scale benchmark compares leaflets answered from memory with the health route in the same run (issue 12's
/// 0.8x floor), and a list page's p99 with 5 ms. On a machine whose two cores run wrk too, the bytes themselves cost:
/// this server says what any server pays to send them, so the product's own cost is what is left
/// (bench/README, "The bare floor").
/// </para>
/// </summary>
internal static class FloorCommand
{
    /// <summary>Set by Kestrel on every answer: kept answers must not carry the product's copies twice.</summary>
    private static readonly HashSet<string> SetByKestrel = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive",
    };

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var product = new Uri(arguments.Required("base"));
        var urls = arguments.Required("urls");
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            BaseAddress = product,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var kept = new ConcurrentDictionary<string, Lazy<Task<KeptAnswer?>>>(StringComparer.Ordinal);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.Run(context => AnswerAsync(context, kept, http));
        app.Urls.Add(urls);
        Console.WriteLine($"Floor on {urls}, keeping the answers of {product}");
        // Until SIGTERM or Ctrl+C, which the host handles.
        await app.RunAsync();
        Console.WriteLine($"Floor stopped; {kept.Count} answers kept");
        return 0;
    }

    private static async Task AnswerAsync(HttpContext context, ConcurrentDictionary<string, Lazy<Task<KeptAnswer?>>> kept, HttpClient http)
    {
        var request = context.Request;
        var path = request.Path.Value + request.QueryString.Value;
        var encoding = request.Headers.AcceptEncoding.ToString();
        var answer = await kept.GetOrAdd(path + "\n" + encoding, _ => new Lazy<Task<KeptAnswer?>>(() => AskAsync(http, path, encoding))).Value;
        var response = context.Response;
        if (answer is null)
        {
            // The product is gone and the path was never kept: a status wrk counts as not 2xx, so the case fails.
            response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }
        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    private static async Task<KeptAnswer?> AskAsync(HttpClient http, string path, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }
        try
        {
            using var answer = await http.SendAsync(request);
            var body = await answer.Content.ReadAsByteArrayAsync();
            // HttpClient splits a field's list (Vary: Accept, Accept-Encoding) into values; one line, as the product sent it.
            var headers = answer.Headers.Concat(answer.Content.Headers)
                .Where(header => !SetByKestrel.Contains(header.Key))
                .Select(header => (header.Key, new StringValues(string.Join(", ", header.Value))))
                .ToArray();
            return new KeptAnswer((int)answer.StatusCode, headers, body);
        }
        catch (Exception failed) when (failed is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private sealed record KeptAnswer(int Status, (string Name, StringValues Value)[] Headers, byte[] Body);
}
