using Azure.Storage.Blobs;
using Leaflets.Cli.Hosting;
using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Storage.Tests;

/// <summary>
/// One <c>leaflets serve</c> instance, in-process on a free port, configured as in Azure: leaflets from a blob
/// container, rendered PDFs shared through another. Several can run over the same containers, like scaled-out instances.
/// </summary>
public sealed class BlobServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BlobServer(WebApplication app)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public HttpClient Client { get; }

    /// <summary>This instance's PDF cache, which counts what it rendered and what it took from the shared store.</summary>
    public PdfRenderCache Pdfs => _app.Services.GetRequiredService<PdfRenderCache>();

    public LeafletCatalog Catalog => _app.Services.GetRequiredService<LeafletCatalog>();

    /// <summary>The check results this instance shows, which count the leaflets it checked itself.</summary>
    public LeafletCheckResults Checks => _app.Services.GetRequiredService<LeafletCheckResults>();

    public static async Task<BlobServer> StartAsync(string connectionString, BlobContainerClient leaflets, BlobContainerClient pdfCache, TimeProvider time)
    {
        var app = LeafletServer.CreateApp(new LeafletServerOptions
        {
            ContentRoot = "not-used-with-blob-content",
            Urls = "http://127.0.0.1:0",
            Settings = new Dictionary<string, string?>
            {
                ["Content:Source"] = "blob",
                ["Content:Blob:ConnectionString"] = connectionString,
                ["Content:Blob:Container"] = leaflets.Name,
                ["Content:RefreshSeconds"] = "60",
                ["PdfCache:Blob:Container"] = pdfCache.Name,
            },
            ConfigureServices = services => services.AddSingleton(time),
        });
        await app.StartAsync();
        return new BlobServer(app);
    }

    /// <summary>GET /api/leaflets/{id}/pdf: the plain variant at the default size and paper.</summary>
    public async Task<byte[]> PdfAsync(string id)
    {
        using var response = await Client.GetAsync($"/api/leaflets/{id}/pdf");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
