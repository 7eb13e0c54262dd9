using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Snapshot;
using Leaflets.Content.Search;
using Leaflets.Content.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaflets.Content.Catalog;

/// <summary>
/// The leaflets currently served. A request always gets the current snapshot at once; when the last read of the
/// source is older than <see cref="ContentOptions.RefreshSeconds"/>, that request also starts a refresh in the
/// background (one at a time). Requests start it, not a timer, because a Flex Consumption instance is frozen
/// between requests: a timer would not fire then, and an idle instance need not read storage nobody asks about.
/// Only the very first load is waited for, and only for as long as a read may take
/// (<see cref="ContentOptions.RefreshTimeoutSeconds"/>): a read that takes longer is abandoned, so a hung source
/// never holds the refresh back for good, and with nothing loaded yet the caller gets <see cref="ContentNotLoadedException"/>.
/// <para>
/// Only leaflets whose files changed are parsed again; a refresh that finds nothing changed keeps the same snapshot
/// object (and with it the check results kept beside it). A leaflet whose new version fails validation keeps its last
/// good version on the shelf (the failure is reported in the snapshot); one removed from the source disappears.
/// A source that cannot be read leaves the snapshot as it was and is reported in <see cref="CatalogState.LastFailure"/>.
/// </para>
/// </summary>
public sealed class LeafletCatalog(
    IContentSource source, TimeProvider time, ILogger<LeafletCatalog> logger, IOptions<ContentOptions> options, FirstAnswer? firstAnswer = null)
    : IDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeSpan _refreshAfter = TimeSpan.FromSeconds(Math.Max(0, options.Value.RefreshSeconds));
    private readonly TimeSpan _readLimit = TimeSpan.FromSeconds(Math.Max(1, options.Value.RefreshTimeoutSeconds));
    private ImmutableSortedDictionary<string, CatalogEntry> _entries = ImmutableSortedDictionary<string, CatalogEntry>.Empty.WithComparers(StringComparer.Ordinal);
    private StringsEntry _strings = StringsEntry.None;
    private volatile CatalogState? _state;
    private Task _refresh = Task.CompletedTask;
    private DateTimeOffset _lastAttemptAt;
    // How long the last refresh of a catalog already serving took: at 10,000 leaflets a listing walks 466,666 files (8 to
    // 10 s on a busy 2-core instance), and every 60 s that was a core in seven taken from the requests (RefreshDue).
    private TimeSpan _lastRefreshTook;
    private long _generation;
    private readonly LoadedLeaflets _loaded = new(source, Math.Max(1L, options.Value.LoadedLeafletsMegabytes) * 1024 * 1024);
    private volatile ContentSnapshot? _compiled;
    // The compiled snapshot of the first load while its leaflets are parsed in the background: a request for one leaflet
    // is answered from it (FindAsync) as soon as its head is read, before all of it is (README: "Answered before it is
    // all parsed"). Null once the whole snapshot is served, or when it could not be.
    private volatile EarlySnapshot? _early;
    private readonly TaskCompletionSource _earlyOpened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Set when a request reads the whole library (GetStateAsync): the first load of a compiled snapshot parses its chunks
    // from then, or from the first answer, whichever comes first (TryServeCompiledAsync).
    private readonly TaskCompletionSource _wholeAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _readThreads = options.Value.SnapshotReadThreads is > 0 and var threads
        ? Math.Min(threads, Environment.ProcessorCount)
        : Math.Max(1, Environment.ProcessorCount - 1);
    private volatile bool _verifyCompiled;
    // How the compiled snapshot's shells are found and loaded, kept for the snapshots loaded from the Markdown after it,
    // whose unchanged leaflets are still those shells.
    private (Func<Leaflet, bool, CancellationToken, ValueTask<Leaflet>>? Load, Func<string, CancellationToken, Task<SnapshotLeaflet>>? Find) _shells;
    private readonly string _indexFolder = options.Value.SearchIndexFolder is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(Path.GetTempPath(), "leaflets-search-index");
    // Set when the search index of the compiled snapshot served (of this generation) could not be read: the next
    // refresh reads the snapshot again (it was replaced) or loads the Markdown (it is damaged).
    private (long Generation, bool Replaced)? _indexFailure;
    // 1 once the first index this catalog opened has been warmed up (LuceneLeafletIndex.WarmUp).
    private int _searchWarmedUp;

    public LeafletCatalog(IContentSource source, TimeProvider time, ILogger<LeafletCatalog> logger)
        : this(source, time, logger, Options.Create(new ContentOptions()))
    {
    }

    public IContentSource Source => source;

    /// <summary>When a start's background work (the search index, the listing's comparison) may begin; see <see cref="FirstAnswer"/>.</summary>
    private Task BackgroundMayStart => firstAnswer?.Gone ?? Task.CompletedTask;

    /// <summary>Runs <paramref name="work"/> on the pool once <see cref="BackgroundMayStart"/>.</summary>
    private void AfterFirstAnswer(Action work) =>
        _ = BackgroundMayStart.ContinueWith(_ => work(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    /// <summary>The leaflets of a compiled snapshot loaded in full so far, and the memory they hold.</summary>
    public LoadedLeaflets Loaded => _loaded;

    /// <summary>
    /// The strings of the snapshot being served, without waiting for anything (the service's own before the first
    /// load): for an error page, which must never wait on the source.
    /// </summary>
    public StringsLibrary CurrentStrings => _state?.Snapshot.Content.Strings ?? StringsLibrary.Embedded;

    /// <summary>The current snapshot; see <see cref="GetStateAsync"/>.</summary>
    public async ValueTask<CatalogSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) =>
        (await GetStateAsync(cancellationToken)).Snapshot;

    /// <summary>
    /// The current snapshot and what the source last said, at once, starting a background refresh when one is due.
    /// Before the first load it waits for that load; it throws <see cref="ContentNotLoadedException"/> if the source did
    /// not answer in time, or the source's own error if it could not be read. Asked before the first answer has gone, it
    /// has a compiled snapshot's leaflets parsed at once rather than after that answer (<see cref="WhenLoadedAsync"/>).
    /// </summary>
    public ValueTask<CatalogState> GetStateAsync(CancellationToken cancellationToken)
    {
        if (_state is null)
        {
            // A request that reads the whole library: the first load parses every chunk now, not after the first answer.
            _wholeAsked.TrySetResult();
        }
        return WhenLoadedAsync(cancellationToken);
    }

    /// <summary>
    /// As <see cref="GetStateAsync"/>, but without asking for the whole library ahead of the first answer: for the host's
    /// warmup, which starts the first load and waits for it beside the requests.
    /// </summary>
    public async ValueTask<CatalogState> WhenLoadedAsync(CancellationToken cancellationToken)
    {
        if (_state is { } current)
        {
            StartRefreshIfDue();
            return current;
        }
        await StartOrJoinRefresh().WaitAsync(cancellationToken);
        // Served from a compiled snapshot: whether it is still the content is checked beside the requests, once the
        // first answer has gone (StartRefreshIfDue).
        StartRefreshIfDue();
        return _state ?? throw new InvalidOperationException("The first load finished without a snapshot.");
    }

    /// <summary>
    /// Leaflet <paramref name="id"/> (null when there is none) and the snapshot it was found in, which loads its bodies.
    /// During the first load from a compiled snapshot, as soon as its head is read: then the snapshot is one that holds
    /// only the leaflet's strings and loader, its leaflets being parsed in the background, and only the leaflet's own
    /// chunk is read (or awaited) first. Else as <see cref="GetSnapshotAsync"/>.
    /// </summary>
    /// <exception cref="ContentNotLoadedException">Its chunk of the compiled snapshot is damaged; the Markdown is being loaded.</exception>
    public async ValueTask<(CatalogSnapshot Snapshot, Leaflet? Leaflet)> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (_state is null)
        {
            var refresh = StartOrJoinRefresh();
            await Task.WhenAny(refresh, _earlyOpened.Task).WaitAsync(cancellationToken);
            if (_state is null && _early is { } early)
            {
                return (early.Snapshot, (await FindEarlyAsync(early, id, cancellationToken))?.Shell);
            }
        }
        var snapshot = await GetSnapshotAsync(cancellationToken);
        return (snapshot, snapshot.Content.Leaflets.GetValueOrDefault(id));
    }

    private async Task<SnapshotLeaflet?> FindEarlyAsync(EarlySnapshot early, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await WithinLimitAsync(token => early.Opened.FindAsync(id, token), cancellationToken);
        }
        catch (InvalidDataException damaged)
        {
            // Never a leaflet of a chunk that is not the one written: the first load, parsing the same chunk, refuses the
            // snapshot and loads the Markdown; this request is asked to come back once it has.
            throw new ContentNotLoadedException($"The compiled snapshot of {source.DisplayRoot} cannot be trusted, as {damaged.Message}; the leaflets are being loaded from the Markdown.",
                _readLimit);
        }
    }

    /// <summary>Re-reads the source now, whatever the age of the snapshot, after any refresh already under way.</summary>
    public async Task<CatalogSnapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        await WhenRefreshedAsync().WaitAsync(cancellationToken);
        await StartOrJoinRefresh().WaitAsync(cancellationToken);
        return _state!.Snapshot;
    }

    /// <summary>Completes when the refresh under way (if any) has finished, whether or not it succeeded.</summary>
    public Task WhenRefreshedAsync()
    {
        lock (_lock)
        {
            return _refresh.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Abandons a refresh under way, so stopping the host never waits on the source.</summary>
    public void Dispose() => _stopping.Cancel();

    private void StartRefreshIfDue()
    {
        // Asked by every request: when nothing is due it is decided without the lock (3% of the CPU of kept list pages
        // at 64 connections went to taking it). A stale read here only defers the start to the next request; the check
        // under the lock decides.
        if (!IsRefreshDue())
        {
            return;
        }
        lock (_lock)
        {
            if (IsRefreshDue())
            {
                BeginRefresh();
            }
        }
    }

    // A compiled snapshot's listing is compared once the first answer has gone (AfterFirstAnswer starts it then).
    private bool IsRefreshDue() =>
        _refresh.IsCompleted && ((_verifyCompiled && BackgroundMayStart.IsCompleted) || time.GetUtcNow() - _lastAttemptAt >= RefreshDue);

    /// <summary>
    /// How long after the last refresh began the next may: <see cref="ContentOptions.RefreshSeconds"/>, or longer when a
    /// refresh itself takes more than a twentieth of that, so that re-reading the source never takes more than one part
    /// in <see cref="RefreshShare"/> of the instance's time from the requests however large the library grows.
    /// </summary>
    private TimeSpan RefreshDue => TimeSpan.FromTicks(Math.Max(_refreshAfter.Ticks, _lastRefreshTook.Ticks * RefreshShare));

    /// <summary>A refresh may take one part in this many of the time: 5%, a listing of 10,000 leaflets every 3 minutes at worst.</summary>
    public const int RefreshShare = 20;

    private Task StartOrJoinRefresh()
    {
        lock (_lock)
        {
            return _refresh.IsCompleted ? BeginRefresh() : _refresh;
        }
    }

    /// <summary>Called under the lock with no refresh under way.</summary>
    private Task BeginRefresh()
    {
        _lastAttemptAt = time.GetUtcNow();
        var attemptedAt = _lastAttemptAt;
        _refresh = Task.Run(() => RefreshAsync(attemptedAt, _stopping.Token), CancellationToken.None);
        return _refresh;
    }

    private async Task RefreshAsync(DateTimeOffset attemptedAt, CancellationToken stopping)
    {
        // The first load is not a refresh's measure: it parses everything, a refresh reads what changed.
        var measured = _state is not null;
        var started = time.GetTimestamp();
        try
        {
            _verifyCompiled = false;
            var indexFailure = TakeIndexFailure();
            var served = _state is null || indexFailure == true
                ? await TryServeCompiledAsync(attemptedAt, stopping)
                : indexFailure is null && await CompiledIsCurrentAsync(attemptedAt, stopping);
            if (!served)
            {
                Apply(await WithinLimitAsync(source.ReadAllAsync, stopping), attemptedAt);
                _compiled = null;
            }
            // A failed refresh is not measured: a source that hung or failed has not kept the instance busy, and the next
            // attempt should come as soon as ever.
            if (measured)
            {
                _lastRefreshTook = time.GetElapsedTime(started);
            }
        }
        catch (Exception exception) when (_state is { } current && !stopping.IsCancellationRequested)
        {
            // Keep serving what was loaded; loadedAt stays the last successful read, the failure is reported beside it.
            logger.LogError(exception, "Could not re-read {Root}; still serving the leaflets loaded at {LoadedAt}", source.DisplayRoot, current.LoadedAt);
            _state = current with { LastFailure = new SourceFailure(attemptedAt, FirstLine(exception.Message)) };
        }
    }

    /// <summary>
    /// The first load, from the compiled snapshot kept beside the content if there is one this app can read: one leaflet
    /// is servable as soon as its head is read (<see cref="FindAsync"/>), all of them once every chunk is parsed, and it is
    /// compared with the source's listing in the background just after (<see cref="CompiledIsCurrentAsync"/>). One that is
    /// of another format version, damaged or does not parse is ignored with a warning: false, and the Markdown is loaded
    /// as ever.
    /// </summary>
    private async Task<bool> TryServeCompiledAsync(DateTimeOffset attemptedAt, CancellationToken stopping)
    {
        var started = time.GetTimestamp();
        if (await OpenCompiledAsync(stopping) is not var (opened, file))
        {
            return false;
        }
        _early = new EarlySnapshot(opened, EarlyCatalogSnapshot(opened));
        _earlyOpened.TrySetResult();
        logger.LogInformation("The first leaflet is servable {Milliseconds:0} ms after the first load began (the head of the compiled snapshot of {Root} read and verified: {Count} leaflets in {Chunks} chunks)",
            time.GetElapsedTime(started).TotalMilliseconds, source.DisplayRoot, opened.Directory.Count, opened.Directory.ChunkCount);
        try
        {
            // The first request of a cold instance is most often for one leaflet, answered from its own chunk: parsing the
            // other chunks beside it took a core and its allocations from it (blob13). So the rest of the library is
            // parsed once that answer has gone, or as soon as a request needs all of it (a list, a search, health).
            await Task.WhenAny(BackgroundMayStart, _wholeAsked.Task).WaitAsync(stopping);
            if (await ReadAllCompiledAsync(opened, file, stopping) is not { } compiled)
            {
                return false;
            }
            var serving = time.GetTimestamp();
            Serve(compiled, file, attemptedAt);
            _verifyCompiled = true;
            // Whether it is still the content is checked beside the requests that follow, not the first one.
            AfterFirstAnswer(StartRefreshIfDue);
            logger.LogInformation("Serving {Count} leaflets from the compiled snapshot of {Root} (written by {App}), made ready in {Milliseconds:0} ms",
                compiled.Leaflets.Count, source.DisplayRoot, compiled.AppVersion, time.GetElapsedTime(serving).TotalMilliseconds);
            return true;
        }
        finally
        {
            _early = null;
        }
    }

    /// <summary>
    /// What a request for one leaflet is answered from while the first compiled snapshot is parsed: its strings and a
    /// loader that finds the leaflet's record in its chunk. It holds no leaflets: nothing reads a list of it (lists,
    /// search, health and the manifest wait for the whole snapshot, <see cref="GetStateAsync"/>).
    /// </summary>
    private CatalogSnapshot EarlyCatalogSnapshot(OpenedSnapshot opened)
    {
        var head = opened.Head;
        var strings = Strings(head);
        var content = new ContentLoadResult(ImmutableSortedDictionary<string, Leaflet>.Empty.WithComparers(StringComparer.Ordinal), head.Problems) { Strings = strings };
        return new CatalogSnapshot(content)
        {
            Generation = _generation + 1,
            Compiled = head,
            LastCompiled = head,
            Recorded = FindRecorded,
            Loader = LoaderOf(FindRecorded, strings),
        };

        async Task<SnapshotLeaflet> FindRecorded(string id, CancellationToken cancellationToken)
            => await opened.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Leaflet '{id}' is not in the snapshot it was found in.");
    }

    // The service's own words when the content has none, as a Markdown load gives (StringsEntry.None).
    private StringsLibrary Strings(ContentSnapshot compiled) =>
        compiled.StringsFiles.IsEmpty ? StringsLibrary.Embedded : StringsLoader.Load(source.DisplayRoot, compiled.StringsFiles).Library;

    /// <summary>
    /// Whether what is served from a compiled snapshot is still the content: the source's listing has the snapshot's
    /// fingerprint, or a newer snapshot kept beside it has the listing's (then that one is served). False, and the
    /// Markdown is loaded, when neither (the content was changed without writing a snapshot). True in Markdown mode's stead
    /// only when serving from a snapshot; a catalog loaded from the Markdown refreshes from the Markdown.
    /// </summary>
    private async Task<bool> CompiledIsCurrentAsync(DateTimeOffset attemptedAt, CancellationToken stopping)
    {
        if (_compiled is not { } current)
        {
            return false;
        }
        var listingStarted = time.GetTimestamp();
        var (fingerprint, count) = await WithinLimitAsync(token => ContentFingerprint.OfAsync(source.ListAsync(token), token), stopping);
        logger.LogInformation("Compared the listing of {Count} files in {Root} with its compiled snapshot in {Milliseconds:0} ms",
            count, source.DisplayRoot, time.GetElapsedTime(listingStarted).TotalMilliseconds);
        if (fingerprint == current.Fingerprint)
        {
            _state = _state! with { LoadedAt = attemptedAt, LastFailure = null };
            return true;
        }
        // The fingerprint is in the head: a snapshot not of this listing is refused without parsing its leaflets.
        var read = await OpenCompiledAsync(stopping);
        if (read is var (opened, file) && opened.Head.Fingerprint == fingerprint)
        {
            if (await ReadAllCompiledAsync(opened, file, stopping) is not { } newer)
            {
                return false;
            }
            Serve(newer, file, attemptedAt);
            logger.LogInformation("Serving {Count} leaflets from a new compiled snapshot of {Root}", newer.Leaflets.Count, source.DisplayRoot);
            return true;
        }
        read?.File.Dispose();
        logger.LogWarning("The content of {Root} changed since its compiled snapshot was written; loading it from the Markdown", source.DisplayRoot);
        return false;
    }

    /// <summary>
    /// The compiled snapshot opened (its head read and checked, its leaflets not yet parsed), with the file it came from,
    /// still open for its chunks and search index (the caller disposes it, or gives it to the snapshot served); null, with
    /// a warning, when there is none this app can read.
    /// </summary>
    private async Task<(OpenedSnapshot Snapshot, ISnapshotFile File)?> OpenCompiledAsync(CancellationToken stopping)
    {
        var started = time.GetTimestamp();
        ISnapshotFile? file = null;
        try
        {
            file = await WithinLimitAsync(source.OpenSnapshotAsync, stopping);
            if (file is null)
            {
                return null;
            }
            var (opened, reason) = await WithinLimitAsync(token => ContentSnapshot.OpenAsync(file, source.DisplayRoot, token), stopping);
            if (opened is null)
            {
                logger.LogWarning("The compiled snapshot of {Root} is ignored, as {Reason}; loading the Markdown instead", source.DisplayRoot, reason);
                file.Dispose();
                return null;
            }
            logger.LogInformation("Read and verified the head of the compiled snapshot of {Root} ({Count} leaflets in {Chunks} chunks, {Length} bytes) in {Milliseconds:0} ms",
                source.DisplayRoot, opened.Directory.Count, opened.Directory.ChunkCount, file.Length, time.GetElapsedTime(started).TotalMilliseconds);
            return (opened, file);
        }
        catch (Exception error) when (!stopping.IsCancellationRequested)
        {
            file?.Dispose();
            if (error is ContentNotLoadedException)
            {
                throw;
            }
            logger.LogWarning(error, "The compiled snapshot of {Root} could not be read; loading the Markdown instead", source.DisplayRoot);
            return null;
        }
    }

    /// <summary>
    /// Every leaflet of <paramref name="opened"/>, each chunk read, checked and parsed (those a request parsed already are
    /// not parsed again); null, with a warning and the file disposed, when a chunk is damaged or cannot be read.
    /// </summary>
    private async Task<ContentSnapshot?> ReadAllCompiledAsync(OpenedSnapshot opened, ISnapshotFile file, CancellationToken stopping)
    {
        var started = time.GetTimestamp();
        try
        {
            var compiled = await WithinLimitAsync(token => opened.ReadAllAsync(_readThreads, token), stopping);
            logger.LogInformation("Read and verified the leaflets of the compiled snapshot of {Root} ({Chunks} chunks) in {Milliseconds:0} ms on {Threads} threads",
                source.DisplayRoot, opened.Directory.ChunkCount, time.GetElapsedTime(started).TotalMilliseconds, _readThreads);
            return compiled;
        }
        catch (Exception error) when (!stopping.IsCancellationRequested)
        {
            file.Dispose();
            if (error is ContentNotLoadedException)
            {
                throw;
            }
            logger.LogWarning(error is InvalidDataException ? null : error, "The compiled snapshot of {Root} is ignored, as {Reason}; loading the Markdown instead",
                source.DisplayRoot, error.Message);
            return null;
        }
    }

    private void Serve(ContentSnapshot compiled, ISnapshotFile file, DateTimeOffset readAt)
    {
        var strings = Strings(compiled);
        var leaflets = compiled.Leaflets.ToImmutableSortedDictionary(entry => entry.Key, entry => entry.Value.Shell, StringComparer.Ordinal);
        var content = new ContentLoadResult(leaflets, compiled.Problems) { Strings = strings };
        var snapshot = new CatalogSnapshot(content)
        {
            Generation = ++_generation,
            Compiled = compiled,
            LastCompiled = compiled,
            CompiledSearch = new SearchIndexFiles(file, compiled.IndexSection!, _indexFolder),
            SearchRetryAfter = _readLimit,
            Recorded = FindRecorded,
            Loader = LoaderOf(FindRecorded, strings),
        };
        // The shells are the leaflets served: should the content change without a new snapshot, the Markdown load that
        // follows merges into them as into any previous read (every folder is read, no fingerprint being known), so a
        // leaflet whose new version fails validation stays listed as its last good version. Its body was never read and
        // its files are no longer those recorded, so its routes answer 503 (LoadInFullAsync), never the new files as the old.
        _entries = compiled.Leaflets.Values.ToImmutableSortedDictionary(
            leaflet => leaflet.Shell.Id, leaflet => new CatalogEntry(leaflet.Shell.Id, "", leaflet.Shell, [], ServingLastGood: false), StringComparer.Ordinal);
        (_strings, _compiled, _shells) = (StringsEntry.None, compiled, (snapshot.Loader, snapshot.Recorded));
        _state = new CatalogState(snapshot, readAt, LastFailure: null);
        // Opened after the first answer, as a Markdown load's index is built: no request waits for it, and the first
        // does not share the CPU with it. A search that comes before opens it itself.
        AfterFirstAnswer(() => BuildSearchIndex(snapshot));

        Task<SnapshotLeaflet> FindRecorded(string id, CancellationToken _) => Task.FromResult(compiled.Leaflets[id]);
    }

    /// <summary>What loads a compiled snapshot's shells (<see cref="CatalogSnapshot.Loader"/>): each found by <paramref name="find"/>.</summary>
    private Func<Leaflet, bool, CancellationToken, ValueTask<Leaflet>> LoaderOf(Func<string, CancellationToken, Task<SnapshotLeaflet>> find, StringsLibrary strings)
        => (leaflet, withImages, cancellationToken) => LoadAsync(token => find(leaflet.Id, token), strings, withImages, cancellationToken);

    private async ValueTask<Leaflet> LoadAsync(Func<CancellationToken, Task<SnapshotLeaflet>> recordedLeaflet, StringsLibrary strings, bool withImages,
        CancellationToken cancellationToken)
    {
        try
        {
            var recorded = await recordedLeaflet(cancellationToken);
            return withImages ? await _loaded.LoadAsync(recorded, strings, cancellationToken)
                : await _loaded.LoadBodiesAsync(recorded, strings, cancellationToken);
        }
        catch (LeafletChangedException changed)
        {
            // Never served as the snapshot recorded it: the catalog reloads now, and the caller is asked to come back.
            logger.LogWarning("{Reason} Reloading the catalog.", changed.Message);
            lock (_lock)
            {
                _verifyCompiled = true;
                if (_refresh.IsCompleted)
                {
                    BeginRefresh();
                }
            }
            throw new ContentNotLoadedException(changed.Message + " It is being reloaded.", _readLimit);
        }
    }

    private void Apply(IReadOnlyList<ContentFile> files, DateTimeOffset readAt)
    {
        var merged = CatalogMerge.Merge(_entries, _strings, source.DisplayRoot, files);
        foreach (var problem in merged.StringsChanged ? merged.Strings.Problems : [])
        {
            logger.LogError("{Problem}", problem.ToString());
        }
        foreach (var entry in merged.Changed)
        {
            Report(entry);
        }
        foreach (var id in merged.Removed)
        {
            logger.LogInformation("Leaflet {Id} is no longer in {Root}; it is no longer served", id, source.DisplayRoot);
        }
        var previous = _state;
        var unchanged = previous is not null && merged.Changed.Count == 0 && merged.Entries.Count == _entries.Count && !merged.StringsChanged;
        (_entries, _strings) = (merged.Entries, merged.Strings);
        var snapshot = unchanged ? previous!.Snapshot : CatalogMerge.ToSnapshot(_entries, _strings, ++_generation) with { Loader = _shells.Load, Recorded = _shells.Find, LastCompiled = _compiled is null ? null : previous?.Snapshot.LastCompiled };
        if (!unchanged && previous is not null)
        {
            // A refresh runs beside the requests, which keep the old snapshot meanwhile: its index is built before it is
            // served, so no search after a change waits for one. The first load serves at once and builds it after.
            BuildSearchIndex(snapshot);
        }
        _state = new CatalogState(snapshot, readAt, LastFailure: null);
        if (!unchanged && previous is null)
        {
            AfterFirstAnswer(() => BuildSearchIndex(snapshot));
        }
        if (!unchanged)
        {
            logger.LogInformation("Serving {Count} leaflets from {Root}", snapshot.Content.Leaflets.Count, source.DisplayRoot);
        }
    }

    /// <summary>
    /// Opens the snapshot's index on this thread (the refresh's or the first load's background task), unless a search
    /// started opening it already.
    /// </summary>
    private void BuildSearchIndex(CatalogSnapshot snapshot)
    {
        var started = time.GetTimestamp();
        var opened = snapshot.OpenSearch(here: true);
        _ = opened.ContinueWith(done =>
            {
                if (done.IsCompletedSuccessfully)
                {
                    logger.LogInformation("Opened the search index of {Count} leaflets in {Milliseconds:0} ms", snapshot.Content.Leaflets.Count, time.GetElapsedTime(started).TotalMilliseconds);
                    if (Interlocked.Exchange(ref _searchWarmedUp, 1) == 0)
                    {
                        // Once: a later index runs the same code, compiled by then. On the pool, as searches await
                        // this task and must not wait behind the warm-up.
                        _ = Task.Run(() => WarmUpSearch(done.Result));
                    }
                    return;
                }
                // The same error is the search's own answer to each search of this snapshot; the rest of it serves on.
                logger.LogError(done.Exception!.InnerException, "The search index of {Count} leaflets could not be built", snapshot.Content.Leaflets.Count);
                if (snapshot.CompiledSearch is { } stored)
                {
                    // Never searched as damaged: the catalog reads the snapshot again if it was replaced, else the Markdown.
                    IndexFailed(snapshot, replaced: stored.WriteOutAsync().Exception?.InnerException is SnapshotChangedException);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void WarmUpSearch(ILeafletSearchIndex index)
    {
        if ((index as RememberedSearches)?.Index is not LuceneLeafletIndex lucene)
        {
            return;
        }
        var started = time.GetTimestamp();
        try
        {
            var searches = lucene.WarmUp();
            logger.LogInformation("Warmed up the search with {Count} searches of the library's own titles in {Milliseconds:0} ms", searches, time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Only speed is lost: the searches people make compile the same code themselves.
            logger.LogWarning(error, "The search warm-up stopped");
        }
    }

    private void IndexFailed(CatalogSnapshot snapshot, bool replaced)
    {
        lock (_lock)
        {
            if (_state?.Snapshot.Generation != snapshot.Generation)
            {
                return; // superseded already
            }
            _indexFailure = (snapshot.Generation, replaced);
            _verifyCompiled = true;
            if (_refresh.IsCompleted)
            {
                BeginRefresh();
            }
        }
    }

    /// <summary>Whether the served snapshot's index failed: true when its snapshot was replaced, false when damaged, null if neither.</summary>
    private bool? TakeIndexFailure()
    {
        lock (_lock)
        {
            var failure = _indexFailure;
            _indexFailure = null;
            return failure is { } failed && failed.Generation == _state?.Snapshot.Generation ? failed.Replaced : null;
        }
    }

    /// <summary>
    /// What the source answered (its files, listing or snapshot), or <see cref="ContentNotLoadedException"/> once the read limit passes. The read is told to stop
    /// then, but one that does not listen is left behind rather than waited for.
    /// </summary>
    private async Task<T> WithinLimitAsync<T>(Func<CancellationToken, Task<T>> readSource, CancellationToken stopping)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(_readLimit);
        // On the thread pool, so that a source doing its work before its first await (the folder source does all of
        // it) is held to the limit too.
        var read = Task.Run(() => readSource(limit.Token), CancellationToken.None);
        _ = read.ContinueWith(finished => { _ = finished.Exception; limit.Dispose(); }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        try
        {
            return await read.WaitAsync(_readLimit, time, stopping);
        }
        catch (Exception exception) when (exception is TimeoutException || (exception is OperationCanceledException && !stopping.IsCancellationRequested))
        {
            throw new ContentNotLoadedException(
                $"The content source {source.DisplayRoot} did not answer within {_readLimit.TotalSeconds:0} seconds.", _readLimit);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd();

    private void Report(CatalogEntry entry)
    {
        foreach (var problem in entry.Problems)
        {
            var level = problem.Severity == ProblemSeverity.Error ? LogLevel.Error : LogLevel.Warning;
            logger.Log(level, "{Problem}", problem.ToString());
        }
        if (entry.ServingLastGood)
        {
            logger.LogWarning("The new version of leaflet {Id} failed validation; still serving its last good version", entry.Id);
        }
    }
}

/// <summary>A compiled snapshot opened by the first load, and the snapshot a request for one leaflet is answered from meanwhile.</summary>
internal sealed record EarlySnapshot(OpenedSnapshot Opened, CatalogSnapshot Snapshot);

/// <summary>
/// What is being served. <see cref="Content"/> holds the served leaflets and the problems of the latest version
/// in the source; <see cref="ServingLastGood"/> names the leaflets whose latest version failed validation and
/// which are served from their last good version. <see cref="Generation"/> grows with every new snapshot of a
/// catalog, so work done for an older one can tell it has been superseded.
/// </summary>
public sealed record CatalogSnapshot(ContentLoadResult Content)
{
    // Built apart from the snapshot (LeafletCatalog builds it after the first load and before serving a refresh), so a
    // cold instance answers its first leaflet without waiting for an index; built at most once, by whoever comes first.
    // A copy made with `with` shares it, so a copy keeps the same Content (new content is a new snapshot,
    // CatalogMerge.ToSnapshot).
    // Made on first use, not here, as a compiled snapshot's index is opened from it (set after construction). A task, so
    // that the searches arriving while it is opened (seconds at 10,000 leaflets) await it holding no thread.
    private readonly StrongBox<Task<ILeafletSearchIndex>?> _search = new();

    public ImmutableSortedSet<string> ServingLastGood { get; init; } = ImmutableSortedSet<string>.Empty;

    /// <summary>
    /// A search of <see cref="Content"/>'s leaflets (<see cref="ILeafletSearchIndex"/>), by an index built once per snapshot
    /// and shared by every request: one that comes before the index is ready awaits it.
    /// </summary>
    /// <exception cref="InvalidDataException">The compiled snapshot's index does not match its leaflets.</exception>
    public async ValueTask<SearchPage> SearchAsync(LeafletQuery query, CancellationToken cancellationToken)
    {
        var index = await OpenSearch(here: false).WaitAsync(cancellationToken);
        return await index.SearchAsync(query, cancellationToken);
    }

    /// <summary>Whether the search index has been built (a search of it will not wait for the index).</summary>
    public bool SearchIsBuilt => Volatile.Read(ref _search.Value)?.IsCompletedSuccessfully == true;

    /// <summary>
    /// The index, opened by whoever asks first: on the calling thread when <paramref name="here"/> (the catalog's own
    /// background work, which has the thread to spend), else on the thread pool, as a request must not spend its own.
    /// A failure to open it is kept in the task, the answer of every search of this snapshot.
    /// </summary>
    internal Task<ILeafletSearchIndex> OpenSearch(bool here)
    {
        if (Volatile.Read(ref _search.Value) is { } known)
        {
            return known;
        }
        var opening = new Task<ILeafletSearchIndex>(() => new RememberedSearches(
            CompiledSearch is { } stored ? OpenCompiled(stored) : LuceneLeafletIndex.Build(Content.Leaflets.Values)));
        if (Interlocked.CompareExchange(ref _search.Value, opening, null) is { } other)
        {
            return other;
        }
        if (here)
        {
            opening.RunSynchronously(TaskScheduler.Default);
        }
        else
        {
            opening.Start(TaskScheduler.Default);
        }
        return opening;
    }

    public long Generation { get; init; }

    /// <summary>What a search answers while a compiled snapshot's index that could not be read is being replaced.</summary>
    internal TimeSpan SearchRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    private LuceneLeafletIndex OpenCompiled(SearchIndexFiles stored)
    {
        try
        {
            return stored.Open(Content.Leaflets.Values);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // A 503 to come back after the catalog has reloaded, never a search of an index not the snapshot's.
            throw new ContentNotLoadedException($"The search index of the compiled snapshot could not be read ({error.Message}); the leaflets are being reloaded.",
                SearchRetryAfter);
        }
    }

    /// <summary>
    /// The compiled snapshot this one was read from (its leaflets then hold no bodies: <see cref="LoadInFullAsync"/>);
    /// null when it was loaded from the Markdown.
    /// </summary>
    public ContentSnapshot? Compiled { get; init; }

    /// <summary>
    /// The compiled snapshot the catalog served last, kept by the first snapshot loaded from the Markdown after it (the
    /// content changed since): what it recorded without a result is content the gate never checked, which
    /// <see cref="Checking.LeafletCheckResults"/> does not check either. Null in a catalog that never served one.
    /// </summary>
    public ContentSnapshot? LastCompiled { get; init; }

    /// <summary>The search index stored in <see cref="Compiled"/>, opened (and let go) the first time it is searched (<see cref="OpenSearch"/>).</summary>
    internal SearchIndexFiles? CompiledSearch { get; init; }

    /// <summary>Loads a leaflet of <see cref="Compiled"/>, in full or (false) its bodies alone; set with it.</summary>
    internal Func<Leaflet, bool, CancellationToken, ValueTask<Leaflet>>? Loader { get; init; }

    /// <summary>Finds a leaflet's record in <see cref="Compiled"/> (its images' records, its files) by id; set with <see cref="Loader"/>.</summary>
    internal Func<string, CancellationToken, Task<SnapshotLeaflet>>? Recorded { get; init; }

    /// <summary>
    /// Image <paramref name="fileName"/> of <paramref name="leaflet"/> (one of this snapshot's), or null when it has no
    /// image by that name, found without reading a file: the leaflet's own when it holds its images (loaded from the
    /// Markdown), else the record the compiled snapshot keeps, without its bytes. What a route decides a 404 or 406 by
    /// before it loads the leaflet in full (<see cref="LoadInFullAsync"/>), which reads every image's bytes.
    /// </summary>
    public async ValueTask<LeafletImage?> FindImageAsync(Leaflet leaflet, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leaflet);
        if (leaflet.AreImagesHeld)
        {
            return leaflet.Images.GetValueOrDefault(fileName);
        }
        var recorded = Recorded ?? throw new BodyNotLoadedException($"Leaflet '{leaflet.Id}' holds no images and this snapshot has no record of them.");
        return (await recorded(leaflet.Id, cancellationToken)).FindImage(fileName)?.ToImage();
    }

    /// <summary>
    /// <paramref name="leaflet"/> (one of this snapshot's) with its bodies and images: itself when it has them, else read
    /// from the source (<see cref="LoadedLeaflets"/>). What every renderer must be given.
    /// </summary>
    /// <exception cref="ContentNotLoadedException">Its files changed since the compiled snapshot; the catalog is reloading.</exception>
    public ValueTask<Leaflet> LoadInFullAsync(Leaflet leaflet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leaflet);
        return leaflet.IsLoadedInFull ? ValueTask.FromResult(leaflet)
            : Loader?.Invoke(leaflet, true, cancellationToken)
                ?? throw new BodyNotLoadedException($"Leaflet '{leaflet.Id}' has no bodies and this snapshot has no way to load them.");
    }

    /// <summary>
    /// <paramref name="leaflet"/> with its bodies, its images' bytes perhaps not read (<see cref="LoadedLeaflets.LoadBodiesAsync"/>):
    /// what a renderer that draws no image needs (JSON, JSON-LD, HTML, SSML, braille, the site's page), for a tenth of the
    /// bytes. An image's bytes asked of it throw <see cref="BodyNotLoadedException"/>, never render as empty.
    /// </summary>
    /// <exception cref="ContentNotLoadedException">Its files changed since the compiled snapshot; the catalog is reloading.</exception>
    public ValueTask<Leaflet> LoadBodiesAsync(Leaflet leaflet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leaflet);
        return leaflet.AreBodiesLoaded ? ValueTask.FromResult(leaflet)
            : Loader?.Invoke(leaflet, false, cancellationToken)
                ?? throw new BodyNotLoadedException($"Leaflet '{leaflet.Id}' has no bodies and this snapshot has no way to load them.");
    }

    /// <summary>
    /// <see cref="LoadInFullAsync"/> for the background check, which runs on a thread of its own and has no request's thread
    /// to hold. Never on a request's path: a request waiting here holds a pool thread while the source is read.
    /// </summary>
    internal Leaflet LoadInFull(Leaflet leaflet) => LoadInFullAsync(leaflet, CancellationToken.None).AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// The snapshot being served with what the source last said: <see cref="LoadedAt"/> is when it was last read
/// successfully (changed or not), <see cref="LastFailure"/> the attempt after that which failed, if the latest did.
/// </summary>
public sealed record CatalogState(CatalogSnapshot Snapshot, DateTimeOffset LoadedAt, SourceFailure? LastFailure);

/// <summary>A read of the content source that failed: when it started, and why (first line of the error).</summary>
public sealed record SourceFailure(DateTimeOffset At, string Error);

/// <summary>Nothing can be served yet: the first load of the content source has not finished in time.</summary>
public sealed class ContentNotLoadedException(string message, TimeSpan retryAfter) : Exception(message)
{
    /// <summary>How long a caller should wait before asking again: the time one more read may take.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
