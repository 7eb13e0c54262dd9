using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Leaflets.Benchmarks;

// Two jobs in one run, so every ratio compares runs made under the same machine load:
// "OneCore" pins the benchmark process to CPU 0 (BenchmarkDotNet sets the process affinity; the Chromium it
// starts inherits it, so the baseline gets the same single core), "TwoCores" leaves both cores free.
// Short on purpose: one launch, 3 warm-up and 10 measured iterations per benchmark.
var measured = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10);
var config = DefaultConfig.Instance
    .AddJob(measured.WithAffinity(new IntPtr(1)).WithId("OneCore"))
    .AddJob(measured.WithId("TwoCores"))
    .WithOptions(ConfigOptions.JoinSummary);

if (args is ["--smoke"])
{
    // A quick check that both sides work on every leaflet before spending minutes measuring.
    foreach (var leafletCase in RenderBenchmarks.Cases())
    {
        var benchmarks = new RenderBenchmarks { Leaflet = leafletCase };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        benchmarks.SetUpOurs();
        var ours = benchmarks.OurPdfRenderer();
        Console.WriteLine($"{leafletCase}: ours {ours.Length} bytes, {clock.ElapsedMilliseconds} ms cold");
        clock.Restart();
        benchmarks.SetUpChromium();
        var chromium = await benchmarks.ChromiumPrintsOurHtml();
        Console.WriteLine($"{leafletCase}: Chromium {chromium.Length} bytes, {clock.ElapsedMilliseconds} ms with start-up");
        benchmarks.CleanUpChromium();
    }
    return;
}

BenchmarkSwitcher.FromTypes([typeof(RenderBenchmarks)]).Run(args, config);
