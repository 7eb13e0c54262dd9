using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>/api/health carries each leaflet's last load-time check (readability, PDF/UA at the default print).</summary>
public sealed class HealthCheckTests
{
    private const string Finding = @"^.*leaflets/[a-z0-9-]+/(plain|easy-read)\.md:\d+: [^:]+: .+$";

    [Fact]
    public async Task Every_loaded_leaflet_shows_its_check_once_the_background_run_finishes()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        await WhenCheckedAsync(server);

        var loaded = await ApiJson.HealthLeafletsAsync(server.Client);

        Assert.Equal(2, loaded.Count);
        foreach (var leaflet in loaded)
        {
            var check = leaflet!["check"]!;
            Assert.Contains((string)check["status"]!, new[] { "passed", "failed" });
            Assert.Equal(TestTime.Now, DateTimeOffset.Parse((string)check["checkedAt"]!));
            Assert.All(check["errors"]!.AsArray().Concat(check["warnings"]!.AsArray()), f => Assert.Matches(Finding, (string)f!));
            Assert.Equal((string)check["status"]! == "failed", check["errors"]!.AsArray().Count > 0);
        }
        Assert.Equal("passed", (string)loaded.Single(l => (string)l!["id"]! == "bone-scan")!["check"]!["status"]!);
    }

    [Fact]
    public async Task A_plain_leaflet_that_is_too_hard_to_read_is_reported_failed_with_the_rule_and_line()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var plain = Path.Combine(sandbox.ContentRoot, "leaflets", "blood-test", "plain.md");
        await File.AppendAllTextAsync(plain, TooHardToRead);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        await WhenCheckedAsync(server);

        var health = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/health"));

        var check = health["leaflets"]!["failing"]!.AsArray().Single(l => (string)l!["id"]! == "blood-test")!["check"]!;
        Assert.Equal("failed", (string)check["status"]!);
        Assert.Contains(check["errors"]!.AsArray(), e => ((string)e!).Contains("leaflets/blood-test/plain.md:") && ((string)e!).Contains(": plain-reading-age: reading age is"));
    }

    [Fact]
    public async Task A_failed_check_turns_the_status_degraded_while_the_leaflet_is_still_served()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        Directory.Delete(Path.Combine(sandbox.ContentRoot, "leaflets", "broken-leaflet"), recursive: true);
        await File.AppendAllTextAsync(Path.Combine(sandbox.ContentRoot, "leaflets", "blood-test", "plain.md"), TooHardToRead);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        await WhenCheckedAsync(server);

        var response = await server.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await ApiJson.ReadAsync(response);
        Assert.Equal("degraded", (string)health["status"]!);
        Assert.Empty(health["leaflets"]!["rejected"]!.AsArray());
        Assert.Equal("failed", (string)health["leaflets"]!["failing"]!.AsArray().Single(l => (string)l!["id"]! == "blood-test")!["check"]!["status"]!);
        Assert.Equal(1, (int)health["totals"]!["failed"]!);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/leaflets/blood-test")).StatusCode);
    }

    [Fact]
    public async Task A_healthy_catalog_stays_ok_once_every_check_has_passed()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        Directory.Delete(Path.Combine(sandbox.ContentRoot, "leaflets", "broken-leaflet"), recursive: true);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        await WhenCheckedAsync(server);

        var health = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/health"));

        Assert.Equal("ok", (string)health["status"]!);
        Assert.Empty(health["leaflets"]!["failing"]!.AsArray());
        Assert.Equal(2, (int)health["totals"]!["passed"]!);
        var loaded = await ApiJson.HealthLeafletsAsync(server.Client);
        Assert.Equal(["blood-test", "bone-scan"], loaded.Select(l => (string)l!["id"]!));
        Assert.All(loaded, l => Assert.Equal("passed", (string)l!["check"]!["status"]!));
        Assert.All(loaded, l => Assert.False((bool)l!["servingLastGood"]!));
    }

    [Fact]
    public async Task A_leaflet_edited_while_served_is_checked_again_once_health_sees_its_new_version()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        Directory.Delete(Path.Combine(sandbox.ContentRoot, "leaflets", "broken-leaflet"), recursive: true);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot,
            services => services.Configure<ContentOptions>(options => options.RefreshSeconds = 0));
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        var checks = server.Services.GetRequiredService<LeafletCheckResults>();
        var first = await catalog.GetSnapshotAsync(CancellationToken.None);
        await checks.StartChecks(first).WaitAsync(TimeSpan.FromMinutes(2));
        await catalog.WhenRefreshedAsync();

        await File.AppendAllTextAsync(Path.Combine(sandbox.ContentRoot, "leaflets", "blood-test", "plain.md"), TooHardToRead);
        await server.Client.GetAsync("/api/health");
        await catalog.WhenRefreshedAsync();
        await server.Client.GetAsync("/api/health");
        // Starts nothing for the older snapshot: it waits for the run the health request started for the newer one.
        await checks.StartChecks(first).WaitAsync(TimeSpan.FromMinutes(2));

        var health = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/health"));
        Assert.Equal("degraded", (string)health["status"]!);
        Assert.Equal("failed", (string)health["leaflets"]!["failing"]!.AsArray().Single(l => (string)l!["id"]! == "blood-test")!["check"]!["status"]!);
    }

    private const string TooHardToRead =
        "\nOccasionally, considerable physiological apprehension accompanying venepuncture procedures necessitates comprehensive " +
        "individualised reassurance, appropriate positioning and continuous observation by experienced professional phlebotomy practitioners.\n";

    private static async Task WhenCheckedAsync(RunningServer server)
    {
        var snapshot = await server.Services.GetRequiredService<LeafletCatalog>().GetSnapshotAsync(CancellationToken.None);
        await server.Services.GetRequiredService<LeafletCheckResults>().StartChecks(snapshot).WaitAsync(TimeSpan.FromMinutes(2));
    }
}
