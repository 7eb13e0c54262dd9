using System.Text.Json;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Tests;

namespace Leaflets.Api.Tests;

/// <summary>
/// The webfont is really used: tests/node/fonts.mjs opens the standalone page as <c>leaflets serve</c> serves it, in
/// Debian's headless Chromium with the page's own Content-Security-Policy, and reports what the browser drew with.
/// </summary>
public sealed class WebfontTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(TestPaths.RepositoryContent);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_standalone_page_draws_its_heading_and_text_in_Atkinson_Hyperlegible_loaded_from_our_own_files()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium), as scripts/test.sh does.");
        }
        var page = $"{_server.Address}api/leaflets/cementoplasty/html?variant=easy-read";

        // Node runs while this thread waits, so the server answers Chromium from the thread pool.
        var result = await Task.Run(() => NodeScripts.Run("fonts.mjs", [page], TimeSpan.FromMinutes(2)));

        Assert.True(result.ExitCode is 0 or 1, $"fonts.mjs could not check the page (exit {result.ExitCode}): {result.Error}");
        using var report = JsonDocument.Parse(result.Output);
        var checkedPage = Assert.Single(report.RootElement.GetProperty("pages").EnumerateArray().ToList());
        Assert.Empty(checkedPage.GetProperty("blockedByContentSecurityPolicy").EnumerateArray());
        Assert.Empty(checkedPage.GetProperty("failedRequests").EnumerateArray());
        Assert.True(checkedPage.GetProperty("check").GetBoolean(), "document.fonts.check('16px \"Atkinson Hyperlegible\"') is false");
        var loaded = checkedPage.GetProperty("faces").EnumerateArray()
            .Where(face => face.GetProperty("family").GetString() == "Atkinson Hyperlegible" && face.GetProperty("status").GetString() == "loaded")
            .Select(face => face.GetProperty("weight").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(["400", "700"], loaded);
        foreach (var element in checkedPage.GetProperty("rendered").EnumerateObject())
        {
            var fonts = element.Value.EnumerateArray().Select(font =>
                $"{font.GetProperty("familyName").GetString()} (custom: {font.GetProperty("isCustomFont").GetBoolean()})").ToList();
            Assert.True(fonts is ["Atkinson Hyperlegible (custom: True)"], $"{element.Name} was drawn with {string.Join(", ", fonts)}");
        }
        Assert.Equal(0, result.ExitCode);
    }
}
