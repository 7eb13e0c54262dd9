using Leaflets.Content;
using Leaflets.Content.Caching;
using Leaflets.Content.Loading;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Storage.Content;
using Leaflets.Storage.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Storage.Tests;

public sealed class StorageConfigurationTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    [Fact]
    public void By_default_the_leaflets_come_from_the_content_folder_and_no_pdf_store_is_registered()
    {
        using var services = Build([]);

        Assert.IsType<FileContentSource>(services.GetRequiredService<IContentSource>());
        Assert.Null(services.GetService<IRenderedPdfStore>());
        Assert.Null(services.GetRequiredService<PdfRenderCache>().Store);
    }

    [Fact]
    public void Source_blob_serves_the_leaflets_container_and_shares_pdfs_through_pdf_cache()
    {
        using var services = Build(new() { ["Content:Source"] = "blob", ["Content:Blob:ConnectionString"] = Azurite });

        Assert.Equal("blob:leaflets", services.GetRequiredService<IContentSource>().DisplayRoot);
        Assert.Equal("pdf-cache", Assert.IsType<BlobRenderedPdfStore>(services.GetRequiredService<IRenderedPdfStore>()).ContainerName);
        Assert.NotNull(services.GetRequiredService<PdfRenderCache>().Store);
    }

    [Fact]
    public void The_connection_falls_back_to_AzureWebJobsStorage_and_the_containers_can_be_renamed()
    {
        using var services = Build(new()
        {
            ["Content:Source"] = "Blob",
            ["AzureWebJobsStorage"] = Azurite,
            ["Content:Blob:Container"] = "board-leaflets",
            ["PdfCache:Blob:Container"] = "board-pdfs",
        });

        Assert.IsType<BlobContentSource>(services.GetRequiredService<IContentSource>());
        Assert.Equal("blob:board-leaflets", services.GetRequiredService<IContentSource>().DisplayRoot);
        Assert.Equal("board-pdfs", Assert.IsType<BlobRenderedPdfStore>(services.GetRequiredService<IRenderedPdfStore>()).ContainerName);
    }

    [Fact]
    public void Source_blob_without_a_connection_string_is_a_startup_error_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Content:Source"] = "blob" }));

        Assert.Contains("Content:Blob:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_source_is_a_startup_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Content:Source"] = "ftp" }));

        Assert.Contains("'files' or 'blob'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_is_named_by_setting_and_not_echoed()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Build(new() { ["Content:Source"] = "blob", ["Content:Blob:ConnectionString"] = "not-a-connection-string-secret" }));

        Assert.Contains("Content:Blob:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    internal static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddLeafletStorage(configuration);
        services.AddLeafletContent(configuration);
        services.AddLeafletPdf(configuration);
        return services.BuildServiceProvider();
    }
}
