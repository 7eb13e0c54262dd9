using System.Collections.Immutable;
using System.Text;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Leaflets.Content.Tests;

/// <summary>How the catalog folds a re-read of its source into what it serves.</summary>
public sealed class LeafletCatalogRefreshTests
{
    private static readonly TimeSpan OneRefresh = TimeSpan.FromSeconds(60);

    private readonly InMemoryContentSource _source = new();
    // The time-limit tests use the system clock instead: the limit's timer is set on the refresh's own thread, at a
    // moment a test cannot see, so it could not know when to move a fake clock past it.
    private readonly FakeTimeProvider _time = new();
    private readonly LeafletCatalog _catalog;

    public LeafletCatalogRefreshTests()
    {
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Looking after your wound", version: 1));
        _source.Put("leaflets/hand-washing/plain.md", SampleLeaflets.Markdown("Washing your hands", version: 1));
        _catalog = new LeafletCatalog(_source, _time, NullLogger<LeafletCatalog>.Instance,
            Options.Create(new ContentOptions { RefreshSeconds = (int)OneRefresh.TotalSeconds }));
    }

    [Fact]
    public async Task A_new_strings_file_is_served_after_one_refresh_and_every_leaflet_is_read_again_for_the_words_its_language_lacks()
    {
        // A leaflet in Irish (the sample with its language changed, test data), at first with no Irish strings.
        _source.Put("leaflets/irish/plain.md", SampleLeaflets.Markdown("Bileog", version: 1).Replace("language: en-GB", "language: ga", StringComparison.Ordinal));
        var before = await _catalog.GetSnapshotAsync(CancellationToken.None);

        _source.Put("strings/ga.json", Text.ContentRootStringsTests.Irish);
        _time.Advance(OneRefresh);
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        await _catalog.WhenRefreshedAsync();
        var after = await _catalog.GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(["en", "cy"], before.Content.Strings.Languages);
        Assert.Single(before.Content.Problems, p => p.Rule == ContentRules.StringsMissing);
        Assert.Equal(["en", "cy", "ga"], after.Content.Strings.Languages);
        Assert.Equal("Leagan", after.Content.Strings.For("ga").Leaflet.Version);
        Assert.Equal(after.Content.Strings.For("ga").EnglishFallbacks.Count, after.Content.Problems.Count(p => p.Rule == ContentRules.StringsMissing));
        Assert.NotSame(before.Content.Leaflets["wound-care"], after.Content.Leaflets["wound-care"]);
    }

    [Fact]
    public async Task A_refreshed_snapshot_is_served_with_its_search_index_already_built_so_no_search_waits_for_one()
    {
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your stitches", version: 2));

        _time.Advance(OneRefresh);
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        await _catalog.WhenRefreshedAsync();
        var refreshed = await _catalog.GetSnapshotAsync(CancellationToken.None);

        Assert.True(refreshed.SearchIsBuilt);
        Assert.Equal("wound-care", Assert.Single((await refreshed.SearchAsync(LeafletQuery.Default with { Words = ["stitches"] }, CancellationToken.None)).Items).Id);
    }

    [Fact]
    public async Task The_first_search_index_is_warmed_up_in_the_background_and_the_index_of_a_refresh_is_not()
    {
        const string WarmedUp = "Warmed up the search with";
        var log = new RecordingLogger();
        using var catalog = new LeafletCatalog(_source, _time, log, Options.Create(new ContentOptions { RefreshSeconds = (int)OneRefresh.TotalSeconds }));
        await catalog.GetSnapshotAsync(CancellationToken.None);
        await log.WhenWrittenAsync(WarmedUp, times: 1);

        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your stitches", version: 2));
        _time.Advance(OneRefresh);
        await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();
        await log.WhenWrittenAsync("Opened the search index", times: 2);
        await Task.Delay(TimeSpan.FromMilliseconds(200)); // time for a second warm-up, were one started

        // Two leaflets, each with two title words long enough ("Looking after", "Washing hands"): two searches each.
        Assert.StartsWith($"{WarmedUp} 4 searches ", Assert.Single(log.Lines, line => line.StartsWith(WarmedUp, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_change_is_not_read_before_the_refresh_interval_and_the_due_request_starts_the_refresh_without_waiting_for_it()
    {
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", version: 2));

        _time.Advance(OneRefresh - TimeSpan.FromSeconds(1));
        var early = await _catalog.GetSnapshotAsync(CancellationToken.None);
        await _catalog.WhenRefreshedAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var due = await _catalog.GetSnapshotAsync(CancellationToken.None);
        await _catalog.WhenRefreshedAsync();
        var refreshed = await _catalog.GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(1, early.Content.Leaflets["wound-care"].Plain.Metadata.Version);
        Assert.Equal(1, due.Content.Leaflets["wound-care"].Plain.Metadata.Version);
        Assert.Equal(2, refreshed.Content.Leaflets["wound-care"].Plain.Metadata.Version);
        Assert.Equal(2, _source.Reads);
    }

    [Fact]
    public async Task A_refresh_that_takes_longer_than_a_twentieth_of_the_interval_pushes_the_next_one_back_to_twenty_times_its_length()
    {
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        var slowRead = TimeSpan.FromSeconds(10); // a listing of a large library on a busy instance
        _source.OnRead = () => _time.Advance(slowRead);
        _time.Advance(OneRefresh);
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        await _catalog.WhenRefreshedAsync();
        var readsAfterTheSlowOne = _source.Reads;

        // 60 s after it began (the interval) is not yet due; 20 x 10 s after it began is.
        _time.Advance(OneRefresh - slowRead);
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        await _catalog.WhenRefreshedAsync();
        var readsAtTheInterval = _source.Reads;
        _time.Advance(LeafletCatalog.RefreshShare * slowRead - OneRefresh);
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        await _catalog.WhenRefreshedAsync();

        Assert.Equal(2, readsAfterTheSlowOne);
        Assert.Equal(2, readsAtTheInterval);
        Assert.Equal(3, _source.Reads);
    }

    [Fact]
    public async Task A_refresh_that_failed_does_not_push_the_next_one_back()
    {
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        _source.OnRead = () =>
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            throw new IOException("The share went away.");
        };
        _time.Advance(OneRefresh);
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        await _catalog.WhenRefreshedAsync();
        _source.OnRead = null;

        _time.Advance(OneRefresh - TimeSpan.FromSeconds(10));
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        await _catalog.WhenRefreshedAsync();

        Assert.Equal(3, _source.Reads);
        Assert.Null((await _catalog.GetStateAsync(CancellationToken.None)).LastFailure);
    }

    [Fact]
    public async Task The_same_bytes_dated_again_are_loaded_again_with_the_new_date_and_the_same_hash()
    {
        var written = new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Looking after your wound", version: 1), written);
        var first = await _catalog.ReloadAsync(CancellationToken.None);

        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Looking after your wound", version: 1), written.AddDays(1));
        var second = await _catalog.ReloadAsync(CancellationToken.None);

        Assert.Equal(written, first.Content.Leaflets["wound-care"].Plain.DateModified);
        Assert.Equal(written.AddDays(1), second.Content.Leaflets["wound-care"].Plain.DateModified);
        Assert.Equal(first.Content.Leaflets["wound-care"].Plain.ContentHash, second.Content.Leaflets["wound-care"].Plain.ContentHash);
        Assert.Same(first.Content.Leaflets["hand-washing"], second.Content.Leaflets["hand-washing"]);
    }

    [Fact]
    public async Task An_unchanged_leaflet_is_not_parsed_again_on_refresh()
    {
        var first = await _catalog.GetSnapshotAsync(CancellationToken.None);
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", version: 2));

        var second = await _catalog.ReloadAsync(CancellationToken.None);

        Assert.Same(first.Content.Leaflets["hand-washing"], second.Content.Leaflets["hand-washing"]);
        Assert.NotSame(first.Content.Leaflets["wound-care"], second.Content.Leaflets["wound-care"]);
    }

    [Fact]
    public async Task A_new_version_that_fails_validation_leaves_the_last_good_version_served_and_reports_why()
    {
        var good = (await _catalog.GetSnapshotAsync(CancellationToken.None)).Content.Leaflets["wound-care"];
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", version: 2) + "\n# A second title\n");

        var snapshot = await _catalog.ReloadAsync(CancellationToken.None);

        Assert.Same(good, snapshot.Content.Leaflets["wound-care"]);
        Assert.Equal(["wound-care"], snapshot.ServingLastGood);
        Assert.True(snapshot.Content.HasErrors);
        Assert.All(snapshot.Content.Problems.Where(p => p.Severity == ProblemSeverity.Error),
            p => Assert.Equal("memory/leaflets/wound-care/plain.md", p.Path));
    }

    [Fact]
    public async Task Fixing_a_broken_leaflet_serves_the_fix_and_clears_the_report()
    {
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", version: 2) + "\n# A second title\n");
        await _catalog.ReloadAsync(CancellationToken.None);
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", version: 3));

        var snapshot = await _catalog.ReloadAsync(CancellationToken.None);

        Assert.Equal(3, snapshot.Content.Leaflets["wound-care"].Plain.Metadata.Version);
        Assert.Empty(snapshot.ServingLastGood);
        Assert.False(snapshot.Content.HasErrors);
    }

    [Fact]
    public async Task A_leaflet_that_was_never_valid_is_not_served_but_is_reported()
    {
        _source.Put("leaflets/never-valid/plain.md", "no front matter at all\n");

        var snapshot = await _catalog.GetSnapshotAsync(CancellationToken.None);

        Assert.False(snapshot.Content.Leaflets.ContainsKey("never-valid"));
        Assert.Empty(snapshot.ServingLastGood);
        Assert.Contains(snapshot.Content.Problems, p => p.Path == "memory/leaflets/never-valid/plain.md" && p.Severity == ProblemSeverity.Error);
    }

    [Fact]
    public async Task A_leaflet_removed_from_the_source_is_no_longer_served()
    {
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        _source.Remove("leaflets/hand-washing/plain.md");

        var snapshot = await _catalog.ReloadAsync(CancellationToken.None);

        Assert.Equal(["wound-care"], snapshot.Content.Leaflets.Keys);
    }

    [Fact]
    public async Task A_refresh_that_finds_nothing_changed_keeps_the_same_snapshot_and_moves_loadedAt()
    {
        var first = await _catalog.GetStateAsync(CancellationToken.None);
        _time.Advance(OneRefresh);

        await _catalog.ReloadAsync(CancellationToken.None);
        var second = await _catalog.GetStateAsync(CancellationToken.None);

        Assert.Same(first.Snapshot, second.Snapshot);
        Assert.Equal(first.LoadedAt + OneRefresh, second.LoadedAt);
    }

    [Fact]
    public async Task During_an_outage_the_leaflets_stay_served_loadedAt_stays_the_last_good_read_and_the_last_failed_attempt_is_reported()
    {
        var loaded = await _catalog.GetStateAsync(CancellationToken.None);
        _source.FailWith = new IOException("storage account unreachable\nStatus: 503 and many header lines");
        _time.Advance(OneRefresh);
        await _catalog.ReloadAsync(CancellationToken.None);
        _time.Advance(OneRefresh);
        await _catalog.ReloadAsync(CancellationToken.None);

        var during = await _catalog.GetStateAsync(CancellationToken.None);

        Assert.Same(loaded.Snapshot, during.Snapshot);
        Assert.Equal(loaded.LoadedAt, during.LoadedAt);
        Assert.Equal(new SourceFailure(loaded.LoadedAt + OneRefresh * 2, "storage account unreachable"), during.LastFailure);
        Assert.Equal(["hand-washing", "wound-care"], during.Snapshot.Content.Leaflets.Keys);

        _source.FailWith = null;
        _time.Advance(OneRefresh);
        await _catalog.ReloadAsync(CancellationToken.None);
        var after = await _catalog.GetStateAsync(CancellationToken.None);
        Assert.Null(after.LastFailure);
        Assert.Equal(loaded.LoadedAt + OneRefresh * 3, after.LoadedAt);
    }

    [Fact]
    public async Task A_request_gets_the_current_snapshot_at_once_while_a_refresh_hangs()
    {
        using var catalog = new LeafletCatalog(_source, _time, NullLogger<LeafletCatalog>.Instance,
            Options.Create(new ContentOptions { RefreshSeconds = 0, RefreshTimeoutSeconds = 3600 }));
        var loaded = await catalog.GetStateAsync(CancellationToken.None);
        _source.Hang = true;

        // RefreshSeconds = 0: each request finds the snapshot due; the first starts a refresh, which hangs for the hour it may take.
        var during = await catalog.GetStateAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromMinutes(1));
        var again = await catalog.GetStateAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.False(catalog.WhenRefreshedAsync().IsCompleted);
        Assert.Same(loaded.Snapshot, during.Snapshot);
        Assert.Same(loaded.Snapshot, again.Snapshot);
    }

    [Fact]
    public async Task A_hung_refresh_is_abandoned_at_its_time_limit_and_reported_and_a_later_refresh_loads_the_edit()
    {
        using var catalog = new LeafletCatalog(_source, TimeProvider.System, NullLogger<LeafletCatalog>.Instance,
            Options.Create(new ContentOptions { RefreshSeconds = 0, RefreshTimeoutSeconds = 1 }));
        await catalog.GetStateAsync(CancellationToken.None);
        _source.Hang = true;

        await catalog.ReloadAsync(CancellationToken.None);
        var abandoned = await catalog.GetStateAsync(CancellationToken.None);
        _source.Hang = false;
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", version: 2));
        var reloaded = await catalog.ReloadAsync(CancellationToken.None);

        Assert.Equal("The content source memory did not answer within 1 seconds.", abandoned.LastFailure?.Error);
        Assert.Equal(2, reloaded.Content.Leaflets["wound-care"].Plain.Metadata.Version);
    }

    [Fact]
    public async Task A_read_that_blocks_its_thread_before_returning_a_task_is_held_to_the_time_limit_too()
    {
        using var catalog = new LeafletCatalog(_source, TimeProvider.System, NullLogger<LeafletCatalog>.Instance,
            Options.Create(new ContentOptions { RefreshSeconds = 0, RefreshTimeoutSeconds = 1 }));
        await catalog.GetStateAsync(CancellationToken.None);
        _source.BlockThread = true;

        CatalogState abandoned;
        try
        {
            await catalog.ReloadAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
            abandoned = await catalog.GetStateAsync(CancellationToken.None);
        }
        finally
        {
            _source.Unblock();
        }

        Assert.Equal("The content source memory did not answer within 1 seconds.", abandoned.LastFailure?.Error);
    }

    [Fact]
    public async Task A_first_load_that_hangs_ends_at_its_time_limit_with_content_not_loaded_and_a_retry_after()
    {
        using var catalog = new LeafletCatalog(_source, TimeProvider.System, NullLogger<LeafletCatalog>.Instance,
            Options.Create(new ContentOptions { RefreshTimeoutSeconds = 1 }));
        _source.Hang = true;

        var error = await Assert.ThrowsAsync<ContentNotLoadedException>(() => catalog.GetSnapshotAsync(CancellationToken.None).AsTask());

        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        _source.Hang = false;
        Assert.Equal(2, (await catalog.GetSnapshotAsync(CancellationToken.None)).Content.Leaflets.Count);
    }

    [Fact]
    public async Task The_first_load_failing_is_an_error_and_the_next_request_tries_again()
    {
        _source.FailWith = new IOException("storage account unreachable");
        await Assert.ThrowsAsync<IOException>(() => _catalog.GetSnapshotAsync(CancellationToken.None).AsTask());
        _source.FailWith = null;

        var snapshot = await _catalog.GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(2, snapshot.Content.Leaflets.Count);
    }


    /// <summary>The catalog's log lines, to wait for and read.</summary>
    private sealed class RecordingLogger : ILogger<LeafletCatalog>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => _lines.Enqueue(formatter(state, exception));

        /// <summary>Waits (at most a minute) until <paramref name="times"/> lines start with <paramref name="start"/>.</summary>
        public async Task WhenWrittenAsync(string start, int times)
        {
            var until = DateTime.UtcNow.AddMinutes(1);
            while (Lines.Count(line => line.StartsWith(start, StringComparison.Ordinal)) < times && DateTime.UtcNow < until)
            {
                await Task.Delay(10);
            }
        }
    }

    private sealed class InMemoryContentSource : IContentSource
    {
        private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> _dates = new(StringComparer.Ordinal);

        public string DisplayRoot => "memory";

        public int Reads { get; private set; }

        public Exception? FailWith { get; set; }

        /// <summary>Reads never return and ignore cancellation, like a read blocked in the kernel.</summary>
        public bool Hang { get; set; }

        /// <summary>Reads block the calling thread, before returning any task, until <see cref="Unblock"/>.</summary>
        public bool BlockThread { get; set; }

        private readonly ManualResetEventSlim _unblocked = new();

        public void Unblock() => _unblocked.Set();

        /// <summary>Runs at each read, before it returns: a test's clock moved by how long the read takes, or a failure.</summary>
        public Action? OnRead { get; set; }

        public void Put(string path, string text, DateTimeOffset? lastModified = null)
        {
            lock (_files)
            {
                _files[path] = Encoding.UTF8.GetBytes(text);
                _dates[path] = lastModified ?? DateTimeOffset.MinValue;
            }
        }

        public void Remove(string path)
        {
            lock (_files)
            {
                _files.Remove(path);
                _dates.Remove(path);
            }
        }

        public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken)
        {
            Reads++;
            OnRead?.Invoke();
            if (BlockThread)
            {
                _unblocked.Wait();
            }
            if (Hang)
            {
                return new TaskCompletionSource<IReadOnlyList<ContentFile>>().Task;
            }
            if (FailWith is not null)
            {
                throw FailWith;
            }
            lock (_files)
            {
                IReadOnlyList<ContentFile> files = _files
                    .Select(f => new ContentFile(f.Key, ImmutableArray.Create(f.Value)) { LastModified = _dates[f.Key] })
                    .ToList();
                return Task.FromResult(files);
            }
        }
    }
}
