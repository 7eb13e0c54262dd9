using System.Text.Json;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Tests;
using Leaflets.Functions.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>
/// A partner's page on another origin calling the API with fetch() in Debian's headless Chromium:
/// tests/node/cross-origin.mjs serves the page from a port of its own on 127.0.0.1 and calls two <c>leaflets serve</c>
/// hosts, one with the default <c>Cors:AllowedOrigins</c> (any origin) and one that allows only another origin. The
/// browser, not our reading of the headers, decides what the page may read.
/// </summary>
public sealed class CrossOriginBrowserTests(CrossOriginBrowserTests.BrowserRun run) : IClassFixture<CrossOriginBrowserTests.BrowserRun>
{
    [Fact]
    public void A_page_on_another_origin_reads_the_leaflet_json_and_its_entity_tag()
    {
        var leaflet = run.Allowed.GetProperty("leaflet");

        Assert.Equal(200, leaflet.GetProperty("status").GetInt32());
        Assert.Equal("bone-scan", leaflet.GetProperty("id").GetString());
        // Chromium always sends Accept-Encoding (gzip, and br where it trusts the origin), so the tag names encoded bytes.
        Assert.Matches("^\"[0-9a-f]+-(br|gz)\"$", leaflet.GetProperty("etag").GetString());
    }

    [Fact]
    public void Its_repeat_with_If_None_Match_passes_the_preflight_and_gets_a_304_with_no_body()
    {
        var repeat = run.Allowed.GetProperty("repeat");

        Assert.Equal(304, repeat.GetProperty("status").GetInt32());
        Assert.Equal(run.Allowed.GetProperty("leaflet").GetProperty("etag").GetString(), repeat.GetProperty("etag").GetString());
        Assert.Equal(0, repeat.GetProperty("bodyLength").GetInt32());
    }

    [Fact]
    public void It_downloads_a_pdf_and_reads_its_file_name()
    {
        var pdf = run.Allowed.GetProperty("pdf");

        Assert.Equal(200, pdf.GetProperty("status").GetInt32());
        Assert.Equal("application/pdf", pdf.GetProperty("contentType").GetString());
        Assert.Equal("%PDF-", pdf.GetProperty("magic").GetString());
        Assert.True(pdf.GetProperty("size").GetInt32() > 10_000);
        Assert.StartsWith("inline; filename=\"bone-scan-plain-24pt-a5-", pdf.GetProperty("contentDisposition").GetString());
        Assert.Empty(run.Allowed.GetProperty("corsErrors").EnumerateArray());
    }

    [Fact]
    public void When_only_another_origin_is_allowed_the_browser_blocks_every_call_for_cors()
    {
        foreach (var call in new[] { "leaflet", "repeat", "pdf" })
        {
            Assert.StartsWith("TypeError", run.Blocked.GetProperty(call).GetProperty("failed").GetString());
        }
        var errors = run.Blocked.GetProperty("corsErrors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, error => Assert.Contains($"from origin '{run.PageOrigin}' has been blocked by CORS policy", error));
        Assert.Single(errors, error => error.Contains("preflight", StringComparison.Ordinal));
    }

    [Fact]
    public void The_browser_check_passed()
    {
        Assert.True(run.ExitCode == 0, run.Output);
    }

    /// <summary>One run of cross-origin.mjs for the class: both servers over the fixture content, one browser.</summary>
    public sealed class BrowserRun : IAsyncLifetime
    {
        /// <summary>The one origin the second server allows: not the page's.</summary>
        public const string OtherOrigin = "https://portal.partner.example";

        private JsonDocument? _report;

        public int ExitCode { get; private set; }

        public string Output { get; private set; } = "";

        public string PageOrigin => _report!.RootElement.GetProperty("pageOrigin").GetString()!;

        public JsonElement Allowed => _report!.RootElement.GetProperty("allowed");

        public JsonElement Blocked => _report!.RootElement.GetProperty("blocked");

        public async Task InitializeAsync()
        {
            await using var anyOrigin = await RunningServer.StartAsync(TestPaths.FixtureContent);
            await using var otherOriginOnly = await RunningServer.StartAsync(TestPaths.FixtureContent,
                services => services.Configure<CrossOriginOptions>(options => options.AllowedOrigins = OtherOrigin));
            // Node runs while this thread waits, so the servers answer Chromium from the thread pool.
            var result = await Task.Run(() => NodeScripts.Run(
                "cross-origin.mjs", [anyOrigin.Address.ToString(), otherOriginOnly.Address.ToString()], TimeSpan.FromMinutes(2)));
            Assert.True(result.ExitCode is 0 or 1, $"cross-origin.mjs could not run (exit {result.ExitCode}): {result.Error}");
            (ExitCode, Output) = (result.ExitCode, result.Output);
            _report = JsonDocument.Parse(result.Output);
        }

        public Task DisposeAsync()
        {
            _report?.Dispose();
            return Task.CompletedTask;
        }
    }
}
