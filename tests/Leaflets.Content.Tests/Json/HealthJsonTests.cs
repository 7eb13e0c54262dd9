using System.Collections.Immutable;
using System.Text.Json;
using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Json;

namespace Leaflets.Content.Tests.Json;

/// <summary>
/// The health document: when the top-level status turns degraded, how a last good version is marked, its totals and
/// only the failing leaflets; and the paged list of every leaflet.
/// </summary>
public sealed class HealthJsonTests
{
    private static readonly DateTimeOffset LoadedAt = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Leaflet Served = TestDocuments.Leaflet();
    private static readonly ContentProblem NewVersionError =
        new("content/leaflets/cementoplasty/plain.md", 12, "one-title", "a leaflet has exactly one level-1 heading");

    [Fact]
    public void A_catalog_with_every_check_passed_is_ok()
    {
        using var health = Render(Snapshot(), Checked(LeafletCheckStatus.Passed));

        Assert.Equal("ok", Status(health));
        Assert.Empty(health.RootElement.GetProperty("leaflets").GetProperty("failing").EnumerateArray());
        Assert.Equal(1, Total(health, "loaded"));
        Assert.Equal(1, Total(health, "passed"));
    }

    [Fact]
    public void A_failed_check_turns_the_status_degraded()
    {
        using var health = Render(Snapshot(), Checked(LeafletCheckStatus.Failed));

        Assert.Equal("degraded", Status(health));
        Assert.Empty(health.RootElement.GetProperty("leaflets").GetProperty("rejected").EnumerateArray());
        var failing = Assert.Single(health.RootElement.GetProperty("leaflets").GetProperty("failing").EnumerateArray());
        Assert.Equal("failed", failing.GetProperty("check").GetProperty("status").GetString());
        Assert.Equal(1, Total(health, "failed"));
    }

    [Fact]
    public void A_check_still_running_or_not_yet_started_leaves_the_status_ok()
    {
        using var running = Render(Snapshot(), Checked(LeafletCheckStatus.Pending));
        using var notStarted = Render(Snapshot(), new Dictionary<string, LeafletCheckResult>());

        Assert.Equal("ok", Status(running));
        Assert.Equal("ok", Status(notStarted));
        Assert.Equal(1, Total(notStarted, "pending"));
        Assert.Equal(0, Total(notStarted, "passed") + Total(notStarted, "failed"));
    }

    [Fact]
    public void A_leaflet_served_from_its_last_good_version_is_marked_under_failing_and_rejected_and_degrades_the_status()
    {
        var snapshot = Snapshot([NewVersionError]) with { ServingLastGood = ["cementoplasty"] };

        using var health = Render(snapshot, Checked(LeafletCheckStatus.Passed));

        Assert.Equal("degraded", Status(health));
        var leaflets = health.RootElement.GetProperty("leaflets");
        var loaded = Assert.Single(leaflets.GetProperty("failing").EnumerateArray());
        Assert.Equal("cementoplasty", loaded.GetProperty("id").GetString());
        Assert.True(loaded.GetProperty("servingLastGood").GetBoolean());
        var rejected = Assert.Single(leaflets.GetProperty("rejected").EnumerateArray());
        Assert.Equal("cementoplasty", rejected.GetProperty("id").GetString());
        Assert.True(rejected.GetProperty("servingLastGood").GetBoolean());
        Assert.Equal([NewVersionError.ToString()], rejected.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_leaflet_that_is_not_served_at_all_is_rejected_without_the_last_good_mark()
    {
        var neverValid = new ContentProblem("content/leaflets/never-valid/plain.md", 1, "front-matter", "the file has no front matter");

        using var health = Render(Snapshot([neverValid]), Checked(LeafletCheckStatus.Passed));

        Assert.Equal("degraded", Status(health));
        var rejected = Assert.Single(health.RootElement.GetProperty("leaflets").GetProperty("rejected").EnumerateArray());
        Assert.Equal("never-valid", rejected.GetProperty("id").GetString());
        Assert.False(rejected.GetProperty("servingLastGood").GetBoolean());
    }

    [Fact]
    public void Serving_a_last_good_version_degrades_the_status_even_without_a_reported_error()
    {
        var snapshot = Snapshot() with { ServingLastGood = ["cementoplasty"] };

        Assert.False(ContentHealth.Of(new CatalogState(snapshot, LoadedAt, LastFailure: null)).IsHealthyGiven(Summary(snapshot, Checked(LeafletCheckStatus.Passed))));
    }

    [Fact]
    public void An_unreadable_source_degrades_the_status_and_shows_the_last_successful_load_and_the_failed_attempt()
    {
        var failedAt = LoadedAt.AddMinutes(5);

        using var health = Render(Snapshot(), Checked(LeafletCheckStatus.Passed), new SourceFailure(failedAt, "storage account unreachable"));

        Assert.Equal("degraded", Status(health));
        Assert.Equal(LoadedAt, health.RootElement.GetProperty("loadedAt").GetDateTimeOffset());
        var failure = health.RootElement.GetProperty("lastFailure");
        Assert.Equal(failedAt, failure.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("storage account unreachable", failure.GetProperty("error").GetString());
        Assert.Equal(1, Total(health, "loaded"));
    }

    [Fact]
    public void A_readable_source_has_no_last_failure_in_the_document()
    {
        using var health = Render(Snapshot(), Checked(LeafletCheckStatus.Passed));

        Assert.False(health.RootElement.TryGetProperty("lastFailure", out _));
    }

    private static CatalogSnapshot Snapshot(ImmutableArray<ContentProblem> problems = default) => new(
        new ContentLoadResult(
            ImmutableSortedDictionary.Create<string, Leaflet>(StringComparer.Ordinal).Add(Served.Id, Served),
            problems.IsDefault ? [] : problems));

    private static Dictionary<string, LeafletCheckResult> Checked(LeafletCheckStatus status)
    {
        var errors = status == LeafletCheckStatus.Failed
            ? ImmutableArray.Create(new ContentProblem("content/leaflets/cementoplasty/plain.md", 20, "plain-reading-age", "reading age is too high"))
            : [];
        var checkedAt = status == LeafletCheckStatus.Pending ? (DateTimeOffset?)null : LoadedAt.AddMinutes(1);
        return new() { [Served.Id] = new LeafletCheckResult(Served.Id, status, errors, [], checkedAt) };
    }

    private static JsonDocument Render(CatalogSnapshot snapshot, IReadOnlyDictionary<string, LeafletCheckResult> checks, SourceFailure? lastFailure = null) =>
        JsonDocument.Parse(LeafletJson.Health(ContentHealth.Of(new CatalogState(snapshot, LoadedAt, lastFailure)), Summary(snapshot, checks)));

    private static LeafletCheckSummary Summary(CatalogSnapshot snapshot, IReadOnlyDictionary<string, LeafletCheckResult> checks) =>
        LeafletCheckSummary.Of(snapshot.Content.Leaflets.Values, leaflet => checks.GetValueOrDefault(leaflet.Id));

    private static string? Status(JsonDocument health) => health.RootElement.GetProperty("status").GetString();

    private static int Total(JsonDocument health, string name) => health.RootElement.GetProperty("totals").GetProperty(name).GetInt32();

    [Fact]
    public void The_health_body_lists_only_the_failing_leaflets_of_many_and_the_pages_list_every_one_once_in_id_order()
    {
        var leaflets = Enumerable.Range(1, 250).Select(i => Served with { Id = $"leaflet-{i:D3}" }).ToList();
        var snapshot = new CatalogSnapshot(new ContentLoadResult(leaflets.ToImmutableSortedDictionary(l => l.Id, l => l, StringComparer.Ordinal), []));
        var checks = Summary(snapshot, leaflets.ToDictionary(l => l.Id, l => new LeafletCheckResult(
            l.Id, l.Id == "leaflet-117" ? LeafletCheckStatus.Failed : LeafletCheckStatus.Passed, [], [], LoadedAt)));
        var health = ContentHealth.Of(new CatalogState(snapshot, LoadedAt, LastFailure: null));

        using var body = JsonDocument.Parse(LeafletJson.Health(health, checks));
        var pages = Enumerable.Range(1, LeafletJson.HealthPageCount(health.Loaded.Length))
            .Select(page => JsonDocument.Parse(LeafletJson.HealthLeaflets(health, checks, page))).ToList();

        Assert.Equal(["leaflet-117"], body.RootElement.GetProperty("leaflets").GetProperty("failing").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal((250, 249, 1), (Total(body, "loaded"), Total(body, "passed"), Total(body, "failed")));
        Assert.Equal(3, pages.Count);
        Assert.All(pages, page => Assert.Equal(3, page.RootElement.GetProperty("pageCount").GetInt32()));
        Assert.Equal([100, 100, 50], pages.Select(page => page.RootElement.GetProperty("items").GetArrayLength()));
        Assert.Equal(leaflets.Select(l => l.Id), pages.SelectMany(page => page.RootElement.GetProperty("items").EnumerateArray()).Select(l => l.GetProperty("id").GetString()));
        Assert.Throws<ArgumentOutOfRangeException>(() => LeafletJson.HealthLeaflets(health, checks, 4));
    }
}
