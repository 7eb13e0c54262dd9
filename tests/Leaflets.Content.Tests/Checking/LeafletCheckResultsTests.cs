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

        var before = results.Of(snapshot).Values.Single();
        Assert.Equal(LeafletCheckStatus.Pending, before.Status);
        Assert.Null(before.CheckedAt);

        release.Set();
        await results.WhenCheckedAsync(snapshot).WaitAsync(TimeSpan.FromSeconds(30));
        var after = results.Of(snapshot).Values.Single();
        Assert.Equal(LeafletCheckStatus.Failed, after.Status);
        Assert.Equal(["content/leaflets/a/plain.md:3: some-rule: broken"], after.Errors.Select(e => e.ToString()));
        Assert.Equal(["content/leaflets/a/plain.md:5: other-rule: warning: not ideal"], after.Warnings.Select(e => e.ToString()));
        Assert.Equal(CheckTime, after.CheckedAt);
    }

    [Fact]
    public async Task Checks_run_once_per_snapshot_and_again_for_a_new_one()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        using var results = Results(check);
        var first = Snapshot(TestDocuments.Leaflet());

        results.Of(first);
        results.Of(first);
        await results.WhenCheckedAsync(first).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(LeafletCheckStatus.Passed, results.Of(first).Values.Single().Status);
        Assert.Equal(1, check.Runs);

        var second = Snapshot(TestDocuments.Leaflet());
        await results.WhenCheckedAsync(second).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, check.Runs);
    }

    [Fact]
    public async Task Many_callers_at_once_start_a_single_run()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        using var results = Results(check);
        var snapshot = Snapshot(TestDocuments.Leaflet());

        Parallel.For(0, 64, _ => results.Of(snapshot));
        await results.WhenCheckedAsync(snapshot).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, check.Runs);
    }

    [Fact]
    public async Task After_the_service_stops_no_leaflet_is_checked_and_asking_does_not_throw()
    {
        using var release = new ManualResetEventSlim(initialState: true);
        var check = new ScriptedCheck(release, []);
        var results = Results(check);
        results.Dispose();
        var snapshot = Snapshot(TestDocuments.Leaflet());

        await results.WhenCheckedAsync(snapshot).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(LeafletCheckStatus.Pending, results.Of(snapshot).Values.Single().Status);
        Assert.Equal(0, check.Runs);
    }

    [Fact]
    public async Task A_check_that_throws_fails_the_leaflet_with_a_clear_finding_instead_of_crashing()
    {
        using var results = new LeafletCheckResults([new ThrowingCheck()], new StoppedClock(), NullLogger<LeafletCheckResults>.Instance);
        var snapshot = Snapshot(TestDocuments.Leaflet());

        await results.WhenCheckedAsync(snapshot).WaitAsync(TimeSpan.FromSeconds(30));

        var result = results.Of(snapshot).Values.Single();
        Assert.Equal(LeafletCheckStatus.Failed, result.Status);
        Assert.Contains("could not finish: the renderer broke", result.Errors.Single().Message);
    }

    private static LeafletCheckResults Results(IContentCheck check) =>
        new([check], new StoppedClock(), NullLogger<LeafletCheckResults>.Instance);

    private static CatalogSnapshot Snapshot(Leaflet leaflet) => new(
        new ContentLoadResult(ImmutableSortedDictionary.Create<string, Leaflet>(StringComparer.Ordinal).Add(leaflet.Id, leaflet), []),
        CheckTime);

    private sealed class StoppedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => CheckTime;
    }

    private sealed class ScriptedCheck(ManualResetEventSlim release, IReadOnlyList<ContentProblem> findings) : IContentCheck
    {
        private int _runs;

        public int Runs => _runs;

        public IEnumerable<ContentProblem> Check(ContentLoadResult content)
        {
            Interlocked.Increment(ref _runs);
            release.Wait(TimeSpan.FromSeconds(30));
            return findings;
        }
    }

    private sealed class ThrowingCheck : IContentCheck
    {
        public IEnumerable<ContentProblem> Check(ContentLoadResult content) => throw new InvalidOperationException("the renderer broke");
    }
}
