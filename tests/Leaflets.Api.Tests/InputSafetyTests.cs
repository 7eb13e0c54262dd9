using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>
/// Ids and file names that are not plain names are refused with a 400 problem, whatever their encoding.
/// Requests go out byte for byte (HttpClient would clean up dot segments first), and a secret file sits
/// beside the content root: it must never come back.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class InputSafetyTests(FixtureServer fixture)
{
    private static readonly string[] HostileTargetList =
    [
        "/api/leaflets/..",
        "/api/leaflets/%2e%2e",
        "/api/leaflets/%2E%2E/secret.txt",
        "/api/leaflets/..%2F..%2Fsecret.txt",
        "/api/leaflets/bone-scan/images/..%2F..%2F..%2Fsecret.txt",
        "/api/leaflets/bone-scan/images/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt",
        "/api/leaflets/bone-scan/images/..%5C..%5C..%5Csecret.txt",
        "/api/leaflets/bone-scan/images/..\\..\\..\\secret.txt",
        "/api/leaflets/bone-scan/images/../../../secret.txt",
        "/api/leaflets/bone-scan/images/%2e%2e/%2e%2e/%2e%2e/secret.txt",
        "/api/leaflets/bone-scan/images/%252e%252e%252fsecret.txt",
        "/api/leaflets/bone-scan/images/.secret",
        "/api/leaflets/BONE-SCAN",
        "/api/leaflets/bone_scan",
        "/api/leaflets/-bone-scan",
        "/api/leaflets/" + new string('a', 101),
        "/api/leaflets/bone-scan/images/" + new string('a', 97) + ".png",
    ];

    public static TheoryData<string> HostileTargets => new(HostileTargetList);

    [Theory]
    [MemberData(nameof(HostileTargets))]
    public async Task A_name_that_is_not_a_plain_slug_is_a_400_problem_and_never_reads_outside_the_catalog(string target)
    {
        foreach (var method in new[] { "GET", "HEAD" })
        {
            var response = await fixture.Server.SendRawAsync(target, method);

            Assert.Equal(400, response.Status);
            Assert.Contains("Content-Type: application/problem+json", response.Head);
            Assert.DoesNotContain(TestPaths.Secret, response.Body);
        }
        var body = (await fixture.Server.SendRawAsync(target)).Body;
        Assert.Contains("\"status\":400", body);
    }

    [Theory]
    [InlineData("/api/leaflets/bone-scan/images/scanner.png%00.txt")]
    [InlineData("/api/leaflets/bone-scan%00/images/scanner.png")]
    [InlineData("/api/leaflets/bone-scan%00")]
    public async Task An_escaped_nul_is_refused_with_a_400_before_it_reaches_any_function(string target)
    {
        // Kestrel itself rejects a decoded NUL in the path, so no function (and no problem body) is involved;
        // the functions refuse it too when a host lets it through (see DirectFunctionTests).
        var response = await fixture.Server.SendRawAsync(target);

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(TestPaths.Secret, response.Body);
    }

    [Fact]
    public async Task Hostile_requests_never_make_the_server_read_content_again()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var content = sandbox.ContentRoot;
        var source = new CountingContentSource(content);
        await using var server = await RunningServer.StartAsync(content, services => services.AddSingleton<IContentSource>(source));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/leaflets/bone-scan/images/scanner.png")).StatusCode);
        var readsAfterStart = source.Reads;

        foreach (var target in HostileTargetList)
        {
            await server.SendRawAsync(target);
        }
        await server.SendRawAsync("/api/leaflets/bone-scan/images/secret.txt");

        Assert.Equal(1, readsAfterStart);
        Assert.Equal(readsAfterStart, source.Reads);
    }

    [Fact]
    public async Task The_secret_file_exists_so_the_traversal_tests_could_have_found_it()
    {
        Assert.Equal(TestPaths.Secret, await File.ReadAllTextAsync(fixture.SecretPath));
        var allowed = await fixture.Server.SendRawAsync("/api/leaflets/bone-scan/images/scanner.png");
        Assert.Equal(200, allowed.Status);
    }

    [Fact]
    public async Task An_id_of_exactly_100_characters_is_looked_up_not_refused()
    {
        var response = await fixture.Client.GetAsync("/api/leaflets/" + new string('a', 100));

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        var problem = await ApiJson.AssertProblemAsync(await fixture.Client.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);

        Assert.Equal("urn:leaflets:problem:no-such-route", (string)problem["type"]!);
    }
}
