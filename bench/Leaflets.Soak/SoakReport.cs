using System.Globalization;
using System.Text;

namespace Leaflets.Soak;

/// <summary>bench/results/soak.md: the run's settings and faults, answers by route, p99 and RSS per minute, the verdict.</summary>
internal static class SoakReport
{
    public static string Write(Uri baseUrl, int seconds, int connections, IReadOnlyList<string> ids,
        IReadOnlyList<Sample> samples, IReadOnlyList<RssSample> rss, IReadOnlyList<SoakEvent> events, SoakVerdict verdict)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"- Load: {connections} connections for {seconds} s against `leaflets serve` at {baseUrl} ({ids.Count} leaflets), {samples.Count} requests");
        text.AppendLine(invariant, $"- Faults (seconds into the run): {(events.Count == 0 ? "none" : string.Join("; ", events.Select(e => $"{e.At:0.0} {e.Name}")))}");
        if (verdict.PdfOutageWindow is { } window)
        {
            var to = window.To > seconds ? "the end of the run" : $"{window.To:0.0} s";
            text.AppendLine(invariant, $"- PDFs may fail from {window.From:0.0} s to {to} (storage down, plus {SoakVerdict.RecoveryGrace:0} s); nothing else may, ever");
        }
        text.AppendLine();
        text.AppendLine("| Route | Requests | Answers other than 2xx | p50 ms | p99 ms | max ms |");
        text.AppendLine("|---|---:|---|---:|---:|---:|");
        foreach (var kind in Enum.GetValues<RouteKind>())
        {
            var ofKind = samples.Where(s => s.Kind == kind).ToList();
            var other = ofKind.Where(s => s.Status is < 200 or >= 300).GroupBy(s => s.Status).OrderBy(g => g.Key)
                .Select(g => $"{SoakVerdict.StatusName(g.Key)} x{g.Count()}");
            text.AppendLine(invariant, $"| {kind} | {ofKind.Count} | {Joined(other)} | {Percentile(ofKind, 0.50)} | {Percentile(ofKind, 0.99)} | {Percentile(ofKind, 1)} |");
        }
        text.AppendLine();
        text.AppendLine("| Minute | Requests | Other than 2xx | p99 JSON ms | p99 HTML ms | p99 PDF ms | RSS max MB |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        var minutes = (int)Math.Ceiling(seconds / 60.0);
        for (var minute = 0; minute < minutes; minute++)
        {
            bool InMinute(double at) => at >= minute * 60 && at < (minute + 1) * 60;
            var inMinute = samples.Where(s => InMinute(s.At)).ToList();
            var rssMax = rss.Where(r => InMinute(r.At)).Select(r => r.Bytes).DefaultIfEmpty().Max();
            text.AppendLine(invariant,
                $"| {minute + 1} | {inMinute.Count} | {inMinute.Count(s => s.Status is < 200 or >= 300)} | {Percentile(inMinute.Where(s => RouteMix.IsJson(s.Kind)), 0.99)} " +
                $"| {Percentile(inMinute.Where(s => s.Kind == RouteKind.Html), 0.99)} | {Percentile(inMinute.Where(s => s.Kind == RouteKind.Pdf), 0.99)} | {SoakVerdict.Mb(rssMax)} |");
        }
        text.AppendLine();
        if (verdict.RssAfterRecovery is { } after && verdict.RssAtEnd is { } end)
        {
            text.AppendLine(invariant, $"- RSS {SoakVerdict.RecoveryGrace:0} s after storage came back: {SoakVerdict.Mb(after)} MB; at the end: {SoakVerdict.Mb(end)} MB");
        }
        text.AppendLine(verdict.Failures.Count == 0
            ? "- Verdict: **passed**"
            : "- Verdict: **failed**\n" + string.Join('\n', verdict.Failures.Select(f => $"  - {f}")));
        return text.ToString();
    }

    private static string Joined(IEnumerable<string> parts) => parts.Any() ? string.Join(", ", parts) : "none";

    private static string Percentile(IEnumerable<Sample> samples, double share)
    {
        var ordered = samples.Select(s => s.Milliseconds).Order().ToList();
        if (ordered.Count == 0)
        {
            return "-";
        }
        var index = Math.Min(ordered.Count - 1, (int)Math.Ceiling(share * ordered.Count) - 1);
        return ordered[Math.Max(0, index)].ToString("0.0", CultureInfo.InvariantCulture);
    }
}
