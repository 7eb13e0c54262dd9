using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

/// <summary>
/// The JSON shape, byte for byte (pretty-printed, with the test server's address replaced by
/// http://localhost), and the spoken script's SSML as served. Set UPDATE_GOLDEN=1 to rewrite the files after an
/// intended change, then review the diff.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class GoldenTests(FixtureServer fixture)
{
    [Theory]
    [InlineData("/api/leaflets", "list.json")]
    [InlineData("/api/leaflets?q=bone&pageSize=1", "list-search.json")]
    [InlineData("/api/leaflets/bone-scan", "bone-scan.plain.json")]
    [InlineData("/api/leaflets/bone-scan?variant=easy-read", "bone-scan.easy-read.json")]
    [InlineData("/api/leaflets/blood-test", "blood-test.plain.json")]
    [InlineData("/api/leaflets/bone-scan?lang=cy", "bone-scan.plain.cy.json")]
    [InlineData("/api/manifest", "manifest.json")]
    public async Task The_json_matches_its_golden_file(string route, string goldenFile)
    {
        var response = await fixture.Client.GetAsync(route);
        response.EnsureSuccessStatusCode();
        var actual = ApiJson.Pretty(await ApiJson.ReadAsync(response))
            .Replace(fixture.Server.Address.ToString().TrimEnd('/'), "http://localhost", StringComparison.Ordinal) + "\n";

        await AssertGoldenAsync(goldenFile, actual);
    }

    [Theory]
    [InlineData("/api/leaflets/blood-test/audio/ssml", "blood-test.plain.ssml")]
    [InlineData("/api/leaflets/bone-scan/audio/ssml?variant=easy-read", "bone-scan.easy-read.ssml")]
    [InlineData("/api/leaflets/bone-scan/audio/ssml?lang=cy", "bone-scan.plain.cy.ssml")]
    public async Task The_ssml_matches_its_golden_file(string route, string goldenFile)
    {
        var response = await fixture.Client.GetAsync(route);
        response.EnsureSuccessStatusCode();

        await AssertGoldenAsync(goldenFile, await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertGoldenAsync(string goldenFile, string actual)
    {
        var path = Path.Combine(TestPaths.Golden, goldenFile);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(TestPaths.Golden);
            await File.WriteAllTextAsync(path, actual);
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests once with UPDATE_GOLDEN=1 and review the new file.");
        Assert.Equal(await File.ReadAllTextAsync(path), actual);
    }
}
