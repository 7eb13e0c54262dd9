using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Leaflets.Benchmarks;

if (args is ["--cpu-time"])
{
    // Not BenchmarkDotNet: CPU time per document for both sides, the fair measure on a loaded machine.
    Console.Write(await CpuTimeReport.MeasureAsync());
    return;
}

if (args is ["--audio-time"])
{
    // Not BenchmarkDotNet: seconds per spoken leaflet, warm, split into speaking and encoding (results/audio.md).
    Console.Write(await AudioTimeReport.MeasureAsync());
    return;
}

if (args is ["--render-loop", var loopCase, var loopSeconds])
{
    // Renders one leaflet over and over, for attaching a profiler (e.g. dotnet-trace collect -- <this command>).
    var benchmarks = new RenderBenchmarks { Leaflet = loopCase };
    benchmarks.SetUpOurs();
    var until = DateTime.UtcNow.AddSeconds(double.Parse(loopSeconds, CultureInfo.InvariantCulture));
    var renders = 0;
    var (g0, g1, g2, pause, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
    for (; DateTime.UtcNow < until; renders++)
    {
        benchmarks.OursPdf();
    }
    Console.WriteLine($"{renders} renders of {loopCase} in {loopSeconds} s");
    Console.WriteLine($"GC: gen0 {GC.CollectionCount(0) - g0}, gen1 {GC.CollectionCount(1) - g1}, gen2 {GC.CollectionCount(2) - g2}, paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, {(GC.GetTotalAllocatedBytes() - allocated) / Math.Max(renders, 1) / 1024} KB per render");
    return;
}

// Two jobs in one run, so every ratio compares runs made under the same machine load:
// "OneCore" pins the benchmark process to CPU 0 (BenchmarkDotNet sets the process affinity; the Chromium it
// starts inherits it, so the baseline gets the same single core), "TwoCores" leaves both cores free.
// Short on purpose: one launch, 3 warm-up and 10 measured iterations per benchmark.
var measured = Job.Default.WithLaunchCount(1).WithWarmupCount(10).WithIterationCount(10);
var config = DefaultConfig.Instance
    .AddJob(measured.WithAffinity(new IntPtr(1)).WithId("OneCore"))
    .AddJob(measured.WithId("TwoCores"))
    .WithOptions(ConfigOptions.JoinSummary)
    .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40).WithRatioStyle(RatioStyle.Trend));

BenchmarkSwitcher.FromTypes([typeof(RenderBenchmarks), typeof(SearchBenchmarks), typeof(BrailleBenchmarks), typeof(EpubBenchmarks)]).Run(args, config);
