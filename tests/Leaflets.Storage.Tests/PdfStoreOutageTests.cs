using Leaflets.Cli.Hosting;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Storage.Tests;

/// <summary>
/// The shared PDF store unreachable, as when the storage account (or Azurite) is down: a blob endpoint on a port
/// nobody listens on refuses every connection, and the storage client would retry for about 25 s.
/// </summary>
public sealed class PdfStoreOutageTests
{
    private const string DownStorage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    [Fact]
    public async Task Pdfs_are_rendered_here_while_the_store_is_down_and_after_one_failure_the_store_is_skipped()
    {
        var app = LeafletServer.CreateApp(new LeafletServerOptions
        {
            ContentRoot = Path.Combine(RepositoryPaths.Root, "content"),
            Urls = "http://127.0.0.1:0",
            Settings = new Dictionary<string, string?>
            {
                ["PdfCache:Blob:ConnectionString"] = DownStorage,
                ["PdfCache:TimeoutSeconds"] = "1",
            },
        });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            var pdfs = app.Services.GetRequiredService<PdfRenderCache>();

            var first = await client.GetAsync("/api/leaflets/cementoplasty/pdf");
            Assert.True(pdfs.Store!.IsSkipped, "the failed read should have opened the breaker");
            var others = await Task.WhenAll(new[] { "16", "20", "24" }.Select(size => client.GetAsync($"/api/leaflets/cementoplasty/pdf?size={size}")));

            Assert.All([first, .. others], response => Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode));
            Assert.Equal((4, 0), (pdfs.Renders, pdfs.StoreHits));
            Assert.True(pdfs.Store.IsSkipped);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
