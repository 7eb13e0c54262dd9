using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Leaflets.Soak;

/// <summary>One request as the load saw it: when it started (seconds into the run), what, how it ended and how long it took.</summary>
internal readonly record struct Sample(double At, RouteKind Kind, int Status, double Milliseconds);

/// <summary>The server's resident memory at one moment of the run.</summary>
internal readonly record struct RssSample(double At, long Bytes);

/// <summary>
/// Runs the mixed load on <c>--connections</c> connections for <c>--seconds</c>, samples the server's RSS every second,
/// then judges the run against the events scripts/soak.sh wrote (storage stopped and started) and writes the report.
/// Exit code 1 when the run failed a rule (see <see cref="SoakVerdict"/>).
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var baseUrl = new Uri(arguments.Required("base"));
        var seconds = arguments.Int("seconds", 120);
        var connections = arguments.Int("connections", 64);
        var pid = arguments.Int("pid", 0);
        var eventsFile = arguments.Required("events");
        var reportFile = arguments.Required("report");

        using var http = Client(baseUrl, connections);
        var ids = await LeafletIdsAsync(http);
        var mix = new RouteMix(ids);
        var startedUnix = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var load = Drive(http, mix, connections, TimeSpan.FromSeconds(seconds));
        var rss = new List<RssSample>();
        var clock = Stopwatch.StartNew();
        while (!load.IsCompleted)
        {
            if (ReadRss(pid) is { } bytes)
            {
                rss.Add(new RssSample(clock.Elapsed.TotalSeconds, bytes));
            }
            await Task.WhenAny(load, Task.Delay(1000));
        }
        var all = await load;

        var events = ReadEvents(eventsFile, startedUnix);
        var verdict = SoakVerdict.Judge(all, rss, events);
        var report = SoakReport.Write(baseUrl, seconds, connections, ids, all, rss, events, verdict);
        await File.WriteAllTextAsync(reportFile, report);
        Console.WriteLine(report);
        return verdict.Failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Warms the server up (tiered JIT, thread pool, connections) with the same load for <c>--seconds</c>, unjudged: the
    /// soak is about faults under steady load, not about a cold start.
    /// </summary>
    public static async Task<int> WarmAsync(Arguments arguments)
    {
        var connections = arguments.Int("connections", 64);
        using var http = Client(new Uri(arguments.Required("base")), connections);
        var samples = await Drive(http, new RouteMix(await LeafletIdsAsync(http)), connections, TimeSpan.FromSeconds(arguments.Int("seconds", 15)));
        Console.WriteLine($"warm-up: {samples.Count} requests, {samples.Count(s => s.Status is < 200 or >= 300)} other than 2xx");
        return 0;
    }

    /// <summary>Every connection sends one request after another until <paramref name="duration"/> has passed.</summary>
    private static async Task<List<Sample>> Drive(HttpClient http, RouteMix mix, int connections, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var perConnection = await Task.WhenAll(Enumerable.Range(0, connections).Select(connection => Task.Run(async () =>
        {
            var mine = new List<Sample>();
            var random = new Random(connection);
            while (clock.Elapsed < duration)
            {
                var (kind, path) = mix.Next(random);
                var at = clock.Elapsed.TotalSeconds;
                var status = await SendAsync(http, path);
                mine.Add(new Sample(at, kind, status, (clock.Elapsed.TotalSeconds - at) * 1000));
            }
            return mine;
        })));
        return perConnection.SelectMany(samples => samples).OrderBy(sample => sample.At).ToList();
    }

    private static HttpClient Client(Uri baseUrl, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>0 for a request that got no HTTP answer (refused, reset, timed out).</summary>
    private static async Task<int> SendAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return 0;
        }
    }

    private static async Task<IReadOnlyList<string>> LeafletIdsAsync(HttpClient http)
    {
        using var list = await http.GetFromJsonAsync<JsonDocument>("/api/leaflets?pageSize=100")
            ?? throw new InvalidOperationException("GET /api/leaflets answered nothing");
        var ids = list.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!).ToList();
        return ids.Count > 0 ? ids : throw new InvalidOperationException("GET /api/leaflets lists no leaflet");
    }

    private static long? ReadRss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Lines "unix-seconds name", written by the script as each fault begins or ends; kept as seconds into the run.</summary>
    private static IReadOnlyList<SoakEvent> ReadEvents(string path, double startedUnix) =>
        File.Exists(path)
            ? File.ReadLines(path)
                .Select(line => line.Split(' ', 2))
                .Where(parts => parts.Length == 2)
                .Select(parts => new SoakEvent(double.Parse(parts[0], CultureInfo.InvariantCulture) - startedUnix, parts[1].Trim()))
                .ToList()
            : [];
}

internal sealed record SoakEvent(double At, string Name);
