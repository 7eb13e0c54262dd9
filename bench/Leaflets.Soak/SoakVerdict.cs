namespace Leaflets.Soak;

/// <summary>
/// The rules a soak run must keep (issue 13): no 5xx, and no request without an answer, on any route at any time, except
/// PDFs while storage is down (requests in flight at any moment from "storage-stopped" until <see cref="RecoveryGrace"/> after "storage-started"); no JSON
/// request slower than <see cref="SlowJsonMilliseconds"/>; and no RSS growth after recovery: the RSS at the end may
/// exceed the RSS <see cref="RecoveryGrace"/> after storage came back by at most <see cref="RssGrowthAllowed"/>.
/// </summary>
internal sealed record SoakVerdict(IReadOnlyList<string> Failures, (double From, double To)? PdfOutageWindow, long? RssAfterRecovery, long? RssAtEnd)
{
    public const double SlowJsonMilliseconds = 1000;
    public const double RecoveryGrace = 15;
    public const double RssGrowthAllowed = 0.25;

    public static SoakVerdict Judge(IReadOnlyList<Sample> samples, IReadOnlyList<RssSample> rss, IReadOnlyList<SoakEvent> events)
    {
        var failures = new List<string>();
        var stopped = events.FirstOrDefault(e => e.Name == "storage-stopped")?.At;
        var started = events.FirstOrDefault(e => e.Name == "storage-started")?.At;
        (double From, double To)? window = stopped is { } from ? (from, (started ?? double.MaxValue) + RecoveryGrace) : null;

        foreach (var kind in Enum.GetValues<RouteKind>())
        {
            var ofKind = samples.Where(s => s.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                failures.Add($"{kind}: no request was made");
                continue;
            }
            var failed = ofKind.Where(s => s.Status is 0 or >= 500)
                .Where(s => !(kind == RouteKind.Pdf && window is { } w && Overlaps(s, w)))
                .ToList();
            if (failed.Count > 0)
            {
                var statuses = string.Join(", ", failed.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{StatusName(g.Key)} x{g.Count()}"));
                failures.Add($"{kind}: {failed.Count} failed answers outside the allowed window ({statuses}; first at {failed[0].At:0.0} s)");
            }
            if (RouteMix.IsJson(kind) && ofKind.Where(s => s.Milliseconds > SlowJsonMilliseconds).ToList() is { Count: > 0 } slow)
            {
                failures.Add($"{kind}: {slow.Count} requests slower than {SlowJsonMilliseconds:0} ms (slowest {slow.Max(s => s.Milliseconds):0} ms at {slow.MaxBy(s => s.Milliseconds).At:0.0} s)");
            }
        }

        long? afterRecovery = null, atEnd = null;
        if (started is { } back && rss.Count > 0)
        {
            afterRecovery = Median(rss.Where(r => r.At >= back + RecoveryGrace && r.At < back + RecoveryGrace + 5));
            atEnd = Median(rss.TakeLast(5));
            if (afterRecovery is { } baseline && atEnd is { } end && end > baseline * (1 + RssGrowthAllowed))
            {
                failures.Add($"RSS grew after recovery: {Mb(baseline)} MB {RecoveryGrace:0} s after storage came back, {Mb(end)} MB at the end (over {RssGrowthAllowed:P0})");
            }
        }
        else if (rss.Count == 0)
        {
            failures.Add("the server's RSS could not be read (is --pid right?)");
        }
        return new SoakVerdict(failures, window, afterRecovery, atEnd);
    }

    /// <summary>A request in flight at any moment of the window: one that started just before storage stopped fails because it did.</summary>
    private static bool Overlaps(Sample sample, (double From, double To) window) =>
        sample.At <= window.To && sample.At + sample.Milliseconds / 1000 >= window.From;

    public static string StatusName(int status) => status == 0 ? "no answer" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private static long? Median(IEnumerable<RssSample> samples)
    {
        var ordered = samples.Select(s => s.Bytes).Order().ToList();
        return ordered.Count == 0 ? null : ordered[ordered.Count / 2];
    }
}
