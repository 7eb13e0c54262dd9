using Microsoft.Extensions.Time.Testing;
using System.Collections.Immutable;
using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leaflets.Content.Tests.Checking;

public sealed class LeafletCheckResultsTests
{
    private static readonly DateTimeOffset CheckTime = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_leaflet_is_pending_until_its_check_finishes_then_failed_with_errors_and_warnings_apart()
    {
        using var release = new ManualResetEventSlim();
        var check = new ScriptedCheck(release, [
            new ContentProblem("content/leaflets/a/plain.md", 3, "some-rule", "broken"),
            new ContentProblem("content/leaflets/a/plain.md", 5, "other-rule", "not ideal", ProblemSeverity.Warning),
        ]);
        using var results = Results(check);
        var snapshot = Snapshot(TestDocuments.Leaflet());

        var run = results.StartChecks(snapshot);
        var before = results.ResultsFor(snapshot).Values.Single();
        Assert.Equal(LeafletCheckStatus.Pending, before.Status);
        Assert.Null(before.CheckedAt);

        release.Set();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        var after = results.ResultsFor(snapshot).Values.Single();
        Assert.Equal(LeafletCheckStatus.Failed, after.Status);
        Assert.Equal(["content/leaflets/a/plain.md:3: some-rule: broken"], after.Errors.Select(e => e.ToString()));
        Assert.Equal(["content/leaflets/a/plain.md:5: other-rule: warning: not ideal"], after.Warnings.Select(e => e.ToString()));
        Assert.Equal(CheckTime, after.CheckedAt);
    }

    [Fact]
    public async Task Checks_run_once_per_content_and_again_in_a_new_snapshot_only_for_new_content()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        using var results = Results(check);
        var first = Snapshot(TestDocuments.Leaflet());

        var run = results.StartChecks(first);
        Assert.Same(run, results.StartChecks(first));
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(LeafletCheckStatus.Passed, results.ResultsFor(first).Values.Single().Status);
        Assert.Equal(1, check.Runs);

        // Loaded again (a new object) with the same content: its result is kept.
        var second = Snapshot(TestDocuments.Leaflet(), generation: 2);
        await results.StartChecks(second).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, check.Runs);

        var third = Snapshot(Edited(TestDocuments.Leaflet()), generation: 3);
        await results.StartChecks(third).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, check.Runs);
    }

    [Fact]
    public async Task A_leaflet_whose_content_did_not_change_keeps_its_result_in_a_new_snapshot_and_is_not_checked_again()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        using var results = Results(check);
        var unchanged = TestDocuments.Leaflet();
        var first = Snapshot(unchanged);
        await results.StartChecks(first).WaitAsync(TimeSpan.FromSeconds(30));
        var checkedFirst = results.ResultsFor(first)[unchanged.Id];

        var second = Snapshot(unchanged, generation: 2);
        await results.StartChecks(second).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Same(checkedFirst, results.ResultsFor(second)[unchanged.Id]);
        Assert.Equal(1, check.Runs);
    }

    [Fact]
    public async Task A_run_for_a_newer_snapshot_cancels_the_run_it_supersedes_before_its_next_leaflet()
    {
        using var release = new ManualResetEventSlim();
        var check = new ScriptedCheck(release, []);
        using var results = Results(check);
        var first = Snapshot(Named("first-a"), Named("first-b"));
        _ = results.StartChecks(first);
        check.Entered.Wait(TimeSpan.FromSeconds(30));

        var second = Snapshot(Named("second"), generation: 2);
        var secondRun = results.StartChecks(second);
        release.Set();
        await secondRun.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["first-a", "second"], check.Checked);
        Assert.Equal(LeafletCheckStatus.Pending, results.ResultsFor(first)["first-b"].Status);
        Assert.Equal(LeafletCheckStatus.Passed, results.ResultsFor(second)["second"].Status);
    }

    [Fact]
    public async Task Starting_the_checks_of_an_older_snapshot_after_a_newer_one_starts_no_run_and_cancels_nothing()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        using var results = Results(check);
        var older = Snapshot(Named("older"), generation: 1);
        var newer = Snapshot(Named("newer"), generation: 2);

        var newerRun = results.StartChecks(newer);
        _ = results.StartChecks(older);
        await newerRun.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["newer"], check.Checked);
        Assert.Equal(LeafletCheckStatus.Pending, results.ResultsFor(older)["older"].Status);
    }

    [Fact]
    public async Task Reading_the_results_starts_no_checks()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        using var results = Results(check);
        var onlyRead = Snapshot(Named("only-read"), generation: 2);
        var started = Snapshot(Named("started"), generation: 1);

        results.ResultsFor(onlyRead);
        // Had reading started a run for the newer snapshot, this older one would be left to it and never checked.
        await results.StartChecks(started).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["started"], check.Checked);
        Assert.Equal(LeafletCheckStatus.Pending, results.ResultsFor(onlyRead)["only-read"].Status);
    }

    [Fact]
    public async Task Many_callers_at_once_start_a_single_run()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        using var results = Results(check);
        var snapshot = Snapshot(TestDocuments.Leaflet());

        Parallel.For(0, 64, _ => results.StartChecks(snapshot));
        await results.StartChecks(snapshot).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, check.Runs);
    }

    [Fact]
    public async Task After_the_service_stops_no_leaflet_is_checked_and_starting_does_not_throw()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        var results = Results(check);
        results.Dispose();
        var snapshot = Snapshot(TestDocuments.Leaflet());

        await results.StartChecks(snapshot).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(LeafletCheckStatus.Pending, results.ResultsFor(snapshot).Values.Single().Status);
        Assert.Equal(0, check.Runs);
    }

    [Fact]
    public async Task A_check_that_throws_fails_the_leaflet_with_a_clear_finding_instead_of_crashing()
    {
        using var results = new LeafletCheckResults([new ThrowingCheck()], new FakeTimeProvider(CheckTime), NullLogger<LeafletCheckResults>.Instance);
        var snapshot = Snapshot(TestDocuments.Leaflet());

        await results.StartChecks(snapshot).WaitAsync(TimeSpan.FromSeconds(30));

        var result = results.ResultsFor(snapshot).Values.Single();
        Assert.Equal(LeafletCheckStatus.Failed, result.Status);
        var finding = result.Errors.Single();
        Assert.Equal(ContentCheck.CheckFailedRule, finding.Rule);
        Assert.Contains("check failed on this leaflet (InvalidOperationException: the renderer broke)", finding.Message);
    }

    [Fact]
    public async Task Stored_results_for_a_leaflets_content_are_shown_without_checking_it_and_other_content_is_checked()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        var stored = Named("stored");
        var storedResult = new LeafletCheckResult(stored.Id, LeafletCheckStatus.Failed,
            [new ContentProblem("content/leaflets/stored/plain.md", 2, "plain-reading-age", "reading age is 14")], [], CheckTime.AddDays(-1));
        var store = new MemoryStore(CheckResultSet.Empty with
        {
            Results = CheckResultSet.Empty.Results.Add(CheckResultSet.KeyOf(stored), storedResult)
                .Add(CheckResultSet.KeyOf(Edited(Named("edited"))), storedResult with { LeafletId = "edited" }),
        });
        using var results = new LeafletCheckResults([check], new FakeTimeProvider(CheckTime), NullLogger<LeafletCheckResults>.Instance, store);
        var snapshot = Snapshot(stored, Named("edited"));

        await results.StartChecks(snapshot).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Same(storedResult, results.ResultsFor(snapshot)["stored"]);
        // Its stored result is for other content: the edited leaflet is checked here.
        Assert.Equal(["edited"], check.Checked);
        Assert.Equal(LeafletCheckStatus.Passed, results.ResultsFor(snapshot)["edited"].Status);
        Assert.Equal(1, results.Checked);
    }

    [Fact]
    public async Task A_refresh_that_changes_one_leaflet_of_many_checks_that_one_only()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        using var results = Results(check);
        var library = Enumerable.Range(1, 50).Select(i => Named($"leaflet-{i:D2}")).ToList();
        await results.StartChecks(Snapshot(library, generation: 1)).WaitAsync(TimeSpan.FromSeconds(30));

        var changed = library.Select(leaflet => leaflet.Id == "leaflet-17" ? Edited(leaflet) : leaflet).ToList();
        var refreshed = Snapshot(changed, generation: 2);
        await results.StartChecks(refreshed).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(51, check.Runs);
        Assert.Equal("leaflet-17", check.Checked[^1]);
        Assert.All(results.ResultsFor(refreshed).Values, result => Assert.Equal(LeafletCheckStatus.Passed, result.Status));
    }

    [Fact]
    public async Task A_store_that_cannot_be_read_leaves_the_leaflets_to_be_checked_here()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        using var results = new LeafletCheckResults([check], new FakeTimeProvider(CheckTime), NullLogger<LeafletCheckResults>.Instance, new BrokenStore());
        var snapshot = Snapshot(TestDocuments.Leaflet());

        await results.StartChecks(snapshot).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(LeafletCheckStatus.Passed, results.ResultsFor(snapshot).Values.Single().Status);
        Assert.Equal(1, check.Runs);
    }

    [Fact]
    public async Task The_summary_health_reads_is_made_again_only_when_a_result_or_the_snapshot_changes()
    {
        using var release = new ManualResetEventSlim();
        var check = new ScriptedCheck(release, [new ContentProblem("content/leaflets/a/plain.md", 3, "some-rule", "broken")]);
        using var results = Results(check);
        var snapshot = Snapshot(TestDocuments.Leaflet());

        var run = results.StartChecks(snapshot);
        var pending = results.SummaryFor(snapshot);
        var pendingAgain = results.SummaryFor(snapshot);
        release.Set();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        var failed = results.SummaryFor(snapshot);
        var failedAgain = results.SummaryFor(snapshot);
        var sameContentNewSnapshot = results.SummaryFor(Snapshot(TestDocuments.Leaflet(), generation: 2));

        Assert.Same(pending, pendingAgain);
        Assert.Equal((1, 0), (pending.Count(LeafletCheckStatus.Pending), pending.Count(LeafletCheckStatus.Failed)));
        Assert.NotSame(pending, failed);
        Assert.Equal((0, 1), (failed.Count(LeafletCheckStatus.Pending), failed.Count(LeafletCheckStatus.Failed)));
        Assert.Equal(TestDocuments.Leaflet().Id, Assert.Single(failed.Failed));
        Assert.Same(failed, failedAgain);
        Assert.NotSame(failed, sameContentNewSnapshot);
        Assert.Equal(LeafletCheckStatus.Failed, sameContentNewSnapshot.For(TestDocuments.Leaflet().Id).Status);
    }

    [Fact]
    public void A_result_set_reads_back_what_it_wrote_and_refuses_another_checkers_or_damaged_bytes()
    {
        var leaflet = TestDocuments.Leaflet();
        var result = LeafletCheckResult.Of(leaflet.Id, [
            new ContentProblem("content/leaflets/a/plain.md", 3, "some-rule", "broken"),
            new ContentProblem("content/leaflets/a/plain.md", 5, "other-rule", "not ideal", ProblemSeverity.Warning)], CheckTime);
        var set = CheckResultSet.Empty.With(new Dictionary<string, LeafletCheckResult> { [CheckResultSet.KeyOf(leaflet)] = result }, (_, _) => true);

        var read = CheckResultSet.FromJson(set.ToJson(), out var noReason);

        Assert.Null(noReason);
        Assert.Equal(set.ToJson(), read!.ToJson());
        Assert.Equal(result.Errors.ToArray(), read.For(leaflet)!.Errors.ToArray());
        Assert.Equal(result.Warnings.ToArray(), read.For(leaflet)!.Warnings.ToArray());
        Assert.Null(CheckResultSet.FromJson((set with { Checker = "publish-gate=0" }).ToJson(), out var otherChecker));
        Assert.Contains("made by other checks", otherChecker, StringComparison.Ordinal);
        Assert.Null(CheckResultSet.FromJson("[1, 2"u8, out var damaged));
        Assert.StartsWith("it is not a set of check results", damaged, StringComparison.Ordinal);
    }

    private static LeafletCheckResults Results(IContentCheck check) =>
        new([check], new FakeTimeProvider(CheckTime), NullLogger<LeafletCheckResults>.Instance);

    /// <summary>The same leaflet with other content in its plain variant (a new content hash).</summary>
    private static Leaflet Edited(Leaflet leaflet) => leaflet with
    {
        Variants = leaflet.Variants.SetItem(LeafletVariant.Plain, leaflet.Plain with { ContentHash = new string('e', 64) }),
    };

    private sealed class MemoryStore(CheckResultSet stored) : ICheckResultStore
    {
        public Task<CheckResultSet?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult<CheckResultSet?>(stored);

        public Task WriteAsync(CheckResultSet results, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class BrokenStore : ICheckResultStore
    {
        public Task<CheckResultSet?> ReadAsync(CancellationToken cancellationToken) => throw new InvalidDataException("checks.json is damaged");

        public Task WriteAsync(CheckResultSet results, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static Leaflet Named(string id) => TestDocuments.Leaflet() with { Id = id };

    private static CatalogSnapshot Snapshot(Leaflet leaflet, long generation = 1) => Snapshot([leaflet], generation);

    private static CatalogSnapshot Snapshot(Leaflet first, Leaflet second) => Snapshot([first, second], generation: 1);

    private static CatalogSnapshot Snapshot(IEnumerable<Leaflet> leaflets, long generation) => new(
        new ContentLoadResult(leaflets.ToImmutableSortedDictionary(l => l.Id, l => l, StringComparer.Ordinal), []))
    {
        Generation = generation,
    };

    private sealed class ScriptedCheck(ManualResetEventSlim release, IReadOnlyList<ContentProblem> findings) : IContentCheck
    {
        private readonly List<string> _checked = [];

        public int Runs
        {
            get
            {
                lock (_checked)
                {
                    return _checked.Count;
                }
            }
        }

        /// <summary>The leaflet ids checked, in order.</summary>
        public IReadOnlyList<string> Checked
        {
            get
            {
                lock (_checked)
                {
                    return [.. _checked];
                }
            }
        }

        /// <summary>Set once the first check has begun (and is waiting for <c>release</c>).</summary>
        public ManualResetEventSlim Entered { get; } = new();

        public IEnumerable<ContentProblem> Check(ContentLoadResult content)
        {
            lock (_checked)
            {
                _checked.Add(content.Leaflets.Keys.Single());
            }
            Entered.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return findings;
        }
    }

    private sealed class ThrowingCheck : IContentCheck
    {
        public IEnumerable<ContentProblem> Check(ContentLoadResult content) => throw new InvalidOperationException("the renderer broke");
    }
}
