namespace Leaflets.Content.Caching;

/// <summary>
/// The hard limit on a serving instance's managed heap, and the one place it is applied: an instance must stay within
/// 400 MB (issue 12), of which about 110 MB is not the managed heap (mapped code, the JIT's double-mapped pages, the
/// runtime) and moves with no setting. Without a limit, workstation GC sizes its young generation from the processor's
/// cache (77 MB on the 260 MB L3 of the benchmark machine) and the heap stayed at 330-470 MB committed for 200-220 MB
/// live; with a limit the GC collects as it nears it. <c>GCgen0size</c>, the other way, is read only from the
/// environment (a project file cannot set it). Applied by the two entry points that serve (<c>leaflets serve</c> and
/// the Functions worker), at start, through <see cref="GC.RefreshMemoryLimit"/>: never in runtimeconfig.json, which
/// would bind <c>leaflets snapshot</c> and <c>check</c> too (4 GB at their peak at 10,000 leaflets), nor in the
/// tests' servers, which share one process. Set after the runtime's start, the limit leaves the young generation's
/// budget as it was and is met by promoting and collecting in full: the caches' budget (<see cref="CacheBudget"/>) is
/// sized to leave that budget room under it (bench/README.md, "The heap's limit and the caches' budget").
/// </summary>
public static class HeapLimit
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>
    /// None by default: an instance serving from the Markdown holds every leaflet's bodies, and at 1,000 leaflets its
    /// first load met a 256 MB limit with OutOfMemoryException on every request (measured). Only an instance served from
    /// a compiled snapshot, which holds shells, fits under <see cref="SnapshotServingMegabytes"/>.
    /// </summary>
    public const int DefaultMegabytes = 0;

    /// <summary>
    /// 256 MB: the limit for an instance served from a compiled snapshot (README, the settings table), the caches' 98 MB
    /// (<see cref="CacheBudget.TotalBytes"/>), the shells and check results of 10,000 leaflets (76 MB live at rest) and
    /// room for what requests make between collections.
    /// </summary>
    public const int SnapshotServingMegabytes = 256;

    /// <summary>Below this the caches alone could fill the heap: refused as a setting, not met by OutOfMemoryException under load.</summary>
    public const int LeastMegabytes = (int)(CacheBudget.TotalBytes / Megabyte) + 64;

    /// <summary>The most the setting may name: 64 GB, beyond any instance this serves on.</summary>
    public const int MostMegabytes = 64 * 1024;

    /// <summary>
    /// Limits the heap to <paramref name="megabytes"/> (0: no limit, the runtime's default). A value out of range, or below
    /// what the heap has committed already, is an <see cref="InvalidOperationException"/> naming the setting.
    /// </summary>
    public static void Apply(int megabytes)
    {
        if (megabytes == 0)
        {
            return;
        }
        if (megabytes is < LeastMegabytes or > MostMegabytes)
        {
            throw new InvalidOperationException(
                $"Content:HeapLimitMegabytes is {megabytes}: it must be 0 (no limit) or from {LeastMegabytes} to {MostMegabytes}.");
        }
        AppContext.SetData("GCHeapHardLimit", (ulong)megabytes * Megabyte);
        try
        {
            GC.RefreshMemoryLimit();
        }
        catch (InvalidOperationException tooLow)
        {
            throw new InvalidOperationException($"Content:HeapLimitMegabytes ({megabytes}) could not be applied: {tooLow.Message}", tooLow);
        }
    }
}
