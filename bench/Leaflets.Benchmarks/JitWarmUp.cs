using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Leaflets.Benchmarks;

/// <summary>
/// Runs an operation until tiered JIT has stopped compiling, so "warm" means what a server that has been rendering
/// for a while runs: tier-1 code, with profile-guided optimisation. A fixed count of warm-ups is not enough: pinned to
/// one core, the JIT's background work shares the core with the renders and needs about a minute of them
/// (measured with <c>--render-loop</c>: 10 to 18 ms per render for the first 40 s, then 3.5 to 4.5 ms).
/// </summary>
internal static class JitWarmUp
{
    private static readonly TimeSpan Batch = TimeSpan.FromSeconds(1);
    private const int QuietBatchesNeeded = 5;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Warm when five one-second batches in a row compiled no method. Returns a line for the log.</summary>
    public static string Run(Action operation)
    {
        var clock = Stopwatch.StartNew();
        var operations = 0;
        var quietBatches = 0;
        var compiled = JitInfo.GetCompiledMethodCount();
        while (quietBatches < QuietBatchesNeeded)
        {
            if (clock.Elapsed > Limit)
            {
                throw new InvalidOperationException($"Tiered JIT was still compiling after {Limit.TotalMinutes} minutes of warm-up; no warm figure can be measured.");
            }
            var batchEnd = clock.Elapsed + Batch;
            do
            {
                operation();
                operations++;
            }
            while (clock.Elapsed < batchEnd);
            var nowCompiled = JitInfo.GetCompiledMethodCount();
            quietBatches = nowCompiled == compiled ? quietBatches + 1 : 0;
            compiled = nowCompiled;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"// Warm-up: {operations} operations in {clock.Elapsed.TotalSeconds:F0} s until tiered JIT compiled nothing for {QuietBatchesNeeded} s ({compiled} methods compiled in all)");
    }
}
