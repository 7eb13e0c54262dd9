using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Readability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leaflets.Api.Tests;

/// <summary>The catalog's background refresh as the routes see it: never waited for, and never flapping health.</summary>
public sealed class CatalogRefreshTests
{
    [Fact]
    public async Task Health_does_not_flap_and_checks_do_not_pile_up_with_a_failing_leaflet_and_a_refresh_on_every_request()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await File.AppendAllTextAsync(Path.Combine(sandbox.ContentRoot, "leaflets", "blood-test", "plain.md"), TooHardToRead);
        var source = new CountingContentSource(sandbox.ContentRoot);
        var readability = new CountingCheck(new ReadabilityContentCheck());
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot, services =>
        {
            services.AddSingleton<IContentSource>(source);
            services.Configure<ContentOptions>(options => options.RefreshSeconds = 0);
            services.AddSingleton(new LeafletCheckResults([readability], TestTime.Clock(), NullLogger<LeafletCheckResults>.Instance));
        });
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        var checks = server.Services.GetRequiredService<LeafletCheckResults>();
        await checks.StartChecks(await catalog.GetSnapshotAsync(CancellationToken.None)).WaitAsync(TimeSpan.FromMinutes(2));
        await catalog.WhenRefreshedAsync();
        var readsBefore = source.Reads;

        var statuses = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var health = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/health"));
            var bloodTest = health["leaflets"]!["failing"]!.AsArray().Single(l => (string)l!["id"]! == "blood-test")!;
            statuses.Add($"{health["status"]} {bloodTest["check"]!["status"]}");
            await catalog.WhenRefreshedAsync();
        }

        Assert.Equal(20, source.Reads - readsBefore);
        Assert.All(statuses, status => Assert.Equal("degraded failed", status));
        Assert.Equal(2, readability.Runs);
    }

    [Fact]
    public async Task A_request_is_answered_from_the_current_snapshot_while_a_refresh_hangs()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var source = new CountingContentSource(sandbox.ContentRoot);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot, services =>
        {
            services.AddSingleton<IContentSource>(source);
            services.Configure<ContentOptions>(options =>
            {
                options.RefreshSeconds = 0;
                options.RefreshTimeoutSeconds = 3600;
            });
        });
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        await catalog.GetSnapshotAsync(CancellationToken.None);
        source.Hang = true;

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var first = await server.Client.GetAsync("/api/leaflets/bone-scan", timeout.Token);
        var health = await server.Client.GetAsync("/api/health", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(catalog.WhenRefreshedAsync().IsCompleted);
    }

    [Fact]
    public async Task During_an_outage_health_keeps_loadedAt_at_the_last_good_read_reports_the_failed_attempt_and_is_degraded()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        Directory.Delete(Path.Combine(sandbox.ContentRoot, "leaflets", "broken-leaflet"), recursive: true);
        var clock = TestTime.Clock();
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Configure<ContentOptions>(options => options.RefreshSeconds = 0);
        });
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();
        var before = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/health"));
        await catalog.WhenRefreshedAsync();

        clock.Advance(TimeSpan.FromMinutes(1));
        Directory.Move(Path.Combine(sandbox.ContentRoot, "leaflets"), Path.Combine(sandbox.ContentRoot, "gone"));
        await server.Client.GetAsync("/api/health");
        await catalog.WhenRefreshedAsync();
        var during = await ApiJson.ReadAsync(await server.Client.GetAsync("/api/health"));

        Assert.Equal("ok", (string)before["status"]!);
        Assert.Equal("degraded", (string)during["status"]!);
        Assert.Equal((string)before["loadedAt"]!, (string)during["loadedAt"]!);
        Assert.Equal(TestTime.Now.AddMinutes(1), DateTimeOffset.Parse((string)during["lastFailure"]!["at"]!));
        Assert.Equal(TestTime.Now, DateTimeOffset.Parse((string)during["loadedAt"]!));
        Assert.Contains("has no 'leaflets' folder", (string)during["lastFailure"]!["error"]!, StringComparison.Ordinal);
        Assert.Equal(2, (int)during["totals"]!["loaded"]!);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/leaflets/bone-scan")).StatusCode);
    }

    [Fact]
    public async Task Before_the_first_load_finishes_in_time_a_request_gets_a_503_problem_with_retry_after()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await using var server = await RunningServer.StartWithAHangingSourceAsync(sandbox.ContentRoot);

        var response = await server.Client.GetAsync("/api/leaflets");

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("urn:leaflets:problem:content-not-loaded", (string)problem["type"]!);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    private const string TooHardToRead =
        "\nOccasionally, considerable physiological apprehension accompanying venepuncture procedures necessitates comprehensive " +
        "individualised reassurance, appropriate positioning and continuous observation by experienced professional phlebotomy practitioners.\n";

    private sealed class CountingCheck(IContentCheck inner) : IContentCheck
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public IEnumerable<ContentProblem> Check(ContentLoadResult content)
        {
            Interlocked.Increment(ref _runs);
            return inner.Check(content).ToList();
        }
    }
}
