using System.Text.Json;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Tests;

namespace Leaflets.Api.Tests;

/// <summary>
/// A partner's TypeScript client, generated from the OpenAPI document <c>leaflets serve</c> serves (openapi-typescript),
/// compiled by tsc in strict mode with no casts and run with openapi-fetch against that server
/// (tests/node/typed-client.mjs and typed-client/client.ts): list, both variants, a 304, a PDF, a 404 problem.
/// </summary>
public sealed class TypedClientTests : IClassFixture<TypedClientTests.Run>
{
    private readonly JsonElement _report;

    public TypedClientTests(Run run) => _report = run.Report;

    [Fact]
    public void The_generated_client_compiles_and_lists_leaflets_with_their_page_and_pdf_links()
    {
        var listed = _report.GetProperty("listed").EnumerateArray().ToList();

        Assert.Contains(listed, item => item.GetProperty("id").GetString() == "bone-scan");
        Assert.All(listed, item => Assert.Contains("/html", item.GetProperty("html").GetString()));
        Assert.All(listed, item => Assert.Contains("/pdf", item.GetProperty("pdf").GetString()));
    }

    [Fact]
    public void Both_variants_come_back_typed_with_their_titles()
    {
        var plain = _report.GetProperty("plain");
        var easyRead = _report.GetProperty("easyRead");

        Assert.Equal((200, "plain"), (plain.GetProperty("status").GetInt32(), plain.GetProperty("variant").GetString()));
        Assert.Equal((200, "easy-read"), (easyRead.GetProperty("status").GetInt32(), easyRead.GetProperty("variant").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(plain.GetProperty("title").GetString()));
        Assert.NotEqual(plain.GetProperty("title").GetString(), easyRead.GetProperty("title").GetString());
    }

    [Fact]
    public void A_repeat_with_if_none_match_is_a_304()
    {
        Assert.Equal(304, _report.GetProperty("repeat").GetProperty("status").GetInt32());
    }

    [Fact]
    public void The_pdf_downloads_as_bytes()
    {
        var pdf = _report.GetProperty("pdf");

        Assert.Equal(200, pdf.GetProperty("status").GetInt32());
        Assert.Equal("application/pdf", pdf.GetProperty("contentType").GetString());
        Assert.Equal("%PDF-", pdf.GetProperty("start").GetString());
        Assert.True(pdf.GetProperty("length").GetInt32() > 1000);
    }

    [Fact]
    public void A_missing_leaflet_reads_as_a_typed_404_problem()
    {
        var missing = _report.GetProperty("missing");

        Assert.Equal(404, missing.GetProperty("status").GetInt32());
        Assert.Equal("urn:leaflets:problem:unknown-leaflet", missing.GetProperty("type").GetString());
        Assert.Contains("no-such-leaflet", missing.GetProperty("detail").GetString());
    }

    /// <summary>Generates, compiles and runs the client once for all the facts above.</summary>
    public sealed class Run : IAsyncLifetime
    {
        private JsonDocument? _document;

        public JsonElement Report => _document!.RootElement;

        public async Task InitializeAsync()
        {
            await using var server = await RunningServer.StartAsync(TestPaths.FixtureContent);
            // Node runs while this thread waits, so the server answers it from the thread pool.
            var result = await Task.Run(() => NodeScripts.Run("typed-client.mjs", [server.Address.ToString()], TimeSpan.FromMinutes(4)));
            Assert.True(result.ExitCode == 0, $"typed-client.mjs failed (exit {result.ExitCode}):\n{result.Error}\n{result.Output}");
            _document = JsonDocument.Parse(result.Output);
        }

        public Task DisposeAsync()
        {
            _document?.Dispose();
            return Task.CompletedTask;
        }
    }
}
