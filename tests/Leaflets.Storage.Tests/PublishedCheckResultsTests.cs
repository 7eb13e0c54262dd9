using System.Text.Json;
using Leaflets.Content.Checking;
using Leaflets.Storage.Content;
using Leaflets.Storage.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace Leaflets.Storage.Tests;

/// <summary>
/// The publish gate's results, stored beside the content by publish: what a serving instance shows in health without
/// checking anything itself, and what the next publish reuses for every leaflet whose content did not change.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishedCheckResultsTests(Azurite azurite) : IDisposable
{
    private readonly ContentFolder _content = new ContentFolder().WithLeaflet("wound-care").WithLeaflet("hand-washing", title: "Washing your hands");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_fresh_server_shows_the_published_results_in_health_without_checking_or_rendering_a_leaflet()
    {
        var leaflets = azurite.NewContainer("checks-shown");
        var published = await new ContentPublisher(leaflets).PublishAsync(_content.Root, prune: false, CancellationToken.None);
        Assert.False(published.Refused, string.Join("\n", published.Check.Problems));
        await using var server = await BlobServer.StartAsync(azurite.ConnectionString, leaflets, azurite.NewContainer("checks-shown-pdf"), _time);

        await server.Checks.StartChecks(await server.Catalog.GetSnapshotAsync(CancellationToken.None)).WaitAsync(TimeSpan.FromMinutes(2));
        using var health = JsonDocument.Parse(await server.Client.GetStringAsync("/api/health"));
        using var page = JsonDocument.Parse(await server.Client.GetStringAsync("/api/health/leaflets"));

        var totals = health.RootElement.GetProperty("totals");
        Assert.Equal((2, 2, 0), (totals.GetProperty("loaded").GetInt32(), totals.GetProperty("passed").GetInt32(), totals.GetProperty("pending").GetInt32()));
        Assert.All(page.RootElement.GetProperty("items").EnumerateArray(), leaflet => Assert.Equal("passed", leaflet.GetProperty("check").GetProperty("status").GetString()));
        Assert.Equal(0, server.Checks.Checked);
        Assert.Equal(0, server.Pdfs.Renders);
    }

    [Fact]
    public async Task Publishing_one_changed_leaflet_checks_only_that_one_and_stores_a_result_for_every_leaflet_published()
    {
        var leaflets = azurite.NewContainer("checks-incremental");
        var publisher = new ContentPublisher(leaflets);

        var first = await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        _content.WithLeaflet("wound-care", version: 2, title: "Caring for your wound");
        var second = await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        var third = await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);

        Assert.Equal((2, 1, 0), (first.Check.LeafletsChecked, second.Check.LeafletsChecked, third.Check.LeafletsChecked));
        var stored = await new BlobCheckResultStore(leaflets).ReadAsync(CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(CheckResultSet.CurrentChecker, stored.Checker);
        Assert.Equal(third.Check.Content.Leaflets.Values.Select(CheckResultSet.KeyOf).Order(StringComparer.Ordinal), stored.Results.Keys);
        Assert.All(stored.Results.Values, result => Assert.Equal(LeafletCheckStatus.Passed, result.Status));
    }

    [Fact]
    public async Task A_pruned_leaflets_result_is_dropped_and_one_left_unpruned_is_kept()
    {
        var leaflets = azurite.NewContainer("checks-prune");
        var publisher = new ContentPublisher(leaflets);
        await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        _content.Remove("hand-washing");

        await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        var kept = await new BlobCheckResultStore(leaflets).ReadAsync(CancellationToken.None);
        await publisher.PublishAsync(_content.Root, prune: true, CancellationToken.None);
        var pruned = await new BlobCheckResultStore(leaflets).ReadAsync(CancellationToken.None);

        Assert.Equal(["hand-washing", "wound-care"], kept!.Results.Values.Select(r => r.LeafletId).Order(StringComparer.Ordinal));
        Assert.Equal(["wound-care"], pruned!.Results.Values.Select(r => r.LeafletId));
    }

    [Fact]
    public async Task Stored_results_that_are_not_a_result_set_are_ignored_and_every_leaflet_is_checked_again()
    {
        var leaflets = azurite.NewContainer("checks-damaged");
        var publisher = new ContentPublisher(leaflets);
        await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        await leaflets.GetBlobClient(CheckResultSet.FileName).UploadAsync(BinaryData.FromString("{\"checker\": 3"), overwrite: true);

        var again = await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);

        Assert.Equal(2, again.Check.LeafletsChecked);
        Assert.Equal(2, (await new BlobCheckResultStore(leaflets).ReadAsync(CancellationToken.None))!.Results.Count);
    }

    public void Dispose() => _content.Dispose();
}
