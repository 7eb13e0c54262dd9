namespace Leaflets.Content.Catalog;

/// <summary>Bound from the "Content" configuration section (env <c>Content__Root</c>, ...).</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    public const string FilesSource = "files";

    /// <summary>
    /// Where the leaflets come from: "files" (a folder, <see cref="Root"/>) or "blob" (a blob container, configured
    /// by the storage project's AddLeafletStorage). This project only knows how to read files.
    /// </summary>
    public string Source { get; set; } = FilesSource;

    /// <summary>The folder that holds <c>leaflets/</c>. Relative paths are resolved against the working directory.</summary>
    public string Root { get; set; } = "content";

    /// <summary>
    /// How long after the last read of the source the next request starts a refresh in the background (0: every
    /// request). Started by requests rather than a timer so it also works on a Functions plan that freezes idle instances.
    /// </summary>
    public int RefreshSeconds { get; set; } = 60;

    /// <summary>
    /// How long one read of the source may take before it is abandoned (at least 1). The snapshot already served
    /// stays; before the first load, requests get 503 with this many seconds as Retry-After.
    /// </summary>
    public int RefreshTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The memory, in megabytes, for leaflets loaded in full (bodies and images) when serving from a compiled snapshot,
    /// counted as the memory they hold (<see cref="Model.HeldBytes"/>): the least recently used are dropped beyond it and
    /// read from the source again when next asked for. Its share of the caches' memory by default (<see cref="Caching.CacheBudget"/>).
    /// </summary>
    public int LoadedLeafletsMegabytes { get; set; } = Caching.CacheBudget.LoadedLeafletsMegabytes;

    /// <summary>
    /// Where a compiled snapshot's search index is written out to be opened from disk (memory-mapped, out of the managed
    /// heap), one folder per index named by its SHA-256. Empty: a folder under the system's temporary path.
    /// </summary>
    public string? SearchIndexFolder { get; set; }

    /// <summary>
    /// How many threads parse the chunks of a compiled snapshot's leaflets in the background once the first answer has
    /// gone or a request needs them all (0, the default: one fewer than the cores, at least one; more than the cores
    /// counts as the cores). A request for one leaflet parses its own chunk on a thread of the pool, beside them: on 2
    /// cores, a parse on both held the first answer back (src/Content/Snapshot/README.md).
    /// </summary>
    public int SnapshotReadThreads { get; set; }
}
