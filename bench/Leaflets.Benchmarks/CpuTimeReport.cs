using System.Diagnostics;
using System.Globalization;
using System.Text;
using Leaflets.Benchmarks.Chromium;

namespace Leaflets.Benchmarks;

/// <summary>
/// CPU seconds per document, next to wall time. On a shared, loaded machine wall time grows with the
/// queue for the cores, while CPU time counts only the work each side really does, so the CPU ratio is
/// the fairer comparison there. For Chromium it sums every process in its tree (browser, renderer,
/// utility) plus our own process, which drives it; processes that exit during a print are not counted.
/// </summary>
internal static class CpuTimeReport
{
    // Ours is already warm when SetUpOurs returns (JitWarmUp); Chromium is warm after a few prints.
    private const int OurWarmUps = 3;
    private const int ChromiumWarmUps = 3;
    private const int OurOperations = 30;
    private const int ChromiumOperations = 10;

    public static async Task<string> MeasureAsync()
    {
        var table = new StringBuilder();
        table.AppendLine($"| Leaflet | Ours wall ms | Ours CPU ms | Chromium wall ms | Chromium CPU ms | Wall ratio | CPU ratio |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var leafletCase in RenderBenchmarks.Cases())
        {
            var benchmarks = new RenderBenchmarks { Leaflet = leafletCase };
            benchmarks.SetUpOurs();
            var ours = await MeasureAsync(() => Task.FromResult(benchmarks.OursPdf()), OurWarmUps, OurOperations, () => TimeSpan.Zero);

            benchmarks.SetUpChromium();
            try
            {
                var chromiumId = benchmarks.ChromiumProcessId;
                var chromium = await MeasureAsync(benchmarks.ChromiumWarm, ChromiumWarmUps, ChromiumOperations, () => ProcessTreeCpu(chromiumId));
                table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {leafletCase} | {ours.WallMs:F1} | {ours.CpuMs:F1} | {chromium.WallMs:F0} | {chromium.CpuMs:F0} | {chromium.WallMs / ours.WallMs:F1}x | {chromium.CpuMs / ours.CpuMs:F1}x |"));
            }
            finally
            {
                benchmarks.CleanUpChromium();
            }
        }
        return table.ToString();
    }

    private static async Task<(double WallMs, double CpuMs)> MeasureAsync(Func<Task<byte[]>> operation, int warmUps, int count, Func<TimeSpan> otherProcessesCpu)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await operation();
        }
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var cpuBefore = self.TotalProcessorTime + otherProcessesCpu();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await operation();
        }
        var wall = clock.Elapsed;
        self.Refresh();
        var cpu = self.TotalProcessorTime + otherProcessesCpu() - cpuBefore;
        return (wall.TotalMilliseconds / count, cpu.TotalMilliseconds / count);
    }

    /// <summary>User and system time of a process and all its descendants, from /proc (Linux clock ticks of 10 ms).</summary>
    private static TimeSpan ProcessTreeCpu(int rootId)
    {
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var id))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(folder, "stat"));
            }
            catch (IOException)
            {
                continue; // exited while we looked
            }
            // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, ... utime (14), stime (15).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            parents[id] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            ticks[id] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        long total = 0;
        foreach (var (id, used) in ticks)
        {
            for (var ancestor = id; ancestor > 1 && parents.TryGetValue(ancestor, out var parent); ancestor = parent)
            {
                if (ancestor == rootId)
                {
                    total += used;
                    break;
                }
            }
        }
        return TimeSpan.FromMilliseconds(total * 10);
    }
}
