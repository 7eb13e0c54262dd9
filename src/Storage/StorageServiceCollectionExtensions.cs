using Azure.Storage.Blobs;
using Leaflets.Content.Caching;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Storage.Content;
using Leaflets.Storage.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Leaflets.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string BlobSource = "blob";

    /// <summary>
    /// When <c>Content:Source</c> is "blob", serves the leaflets from a blob container instead of the content folder,
    /// and shares rendered PDFs through the <c>PdfCache:Blob</c> container (consulted by the memory cache before it renders). Reads the configuration now, so a
    /// misconfiguration stops the app at startup with the name of the setting to fix. Order relative to
    /// AddLeafletContent does not matter.
    /// </summary>
    public static IServiceCollection AddLeafletStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = StorageSettings.Read(configuration);
        if (settings.ContentContainer is { } content)
        {
            services.RemoveAll<IContentSource>();
            services.AddSingleton<IContentSource>(new BlobContentSource(content));
        }
        if (settings.PdfCacheContainer is { } pdfCache)
        {
            services.RemoveAll<IRenderedPdfStore>();
            // PdfRenderCache asks it on a memory miss, before rendering, through its timeouts and circuit breaker.
            services.AddSingleton<IRenderedPdfStore>(new BlobRenderedPdfStore(pdfCache));
        }
        return services;
    }
}

/// <summary>The blob containers the configuration asks for (null where it asks for none).</summary>
internal sealed record StorageSettings(BlobContainerClient? ContentContainer, BlobContainerClient? PdfCacheContainer)
{
    public static StorageSettings Read(IConfiguration configuration)
    {
        var source = NonBlank(configuration[$"{ContentOptions.SectionName}:{nameof(ContentOptions.Source)}"]) ?? ContentOptions.FilesSource;
        var fromBlobs = source.Equals(StorageServiceCollectionExtensions.BlobSource, StringComparison.OrdinalIgnoreCase);
        if (!fromBlobs && !source.Equals(ContentOptions.FilesSource, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Content:Source is '{source}': it must be 'files' or 'blob' (env Content__Source).");
        }

        var content = new BlobContentOptions();
        configuration.GetSection(BlobContentOptions.SectionName).Bind(content);
        var contentConnection = NonBlank(content.ConnectionString) ?? NonBlank(configuration["AzureWebJobsStorage"]);
        BlobContainerClient? contentContainer = null;
        if (fromBlobs)
        {
            if (contentConnection is null)
            {
                throw new InvalidOperationException(
                    "Content:Source is 'blob' but no storage connection string is set: set Content:Blob:ConnectionString " +
                    "(env Content__Blob__ConnectionString) or AzureWebJobsStorage.");
            }
            contentContainer = Connect(contentConnection, content.Container, "Content:Blob:ConnectionString (or AzureWebJobsStorage)", "Content:Blob:Container");
        }

        var pdfCache = new PdfCacheBlobOptions();
        configuration.GetSection(PdfCacheBlobOptions.SectionName).Bind(pdfCache);
        var pdfConnection = NonBlank(pdfCache.ConnectionString) ?? (fromBlobs ? contentConnection : null);
        var pdfContainer = pdfConnection is null
            ? null
            : Connect(pdfConnection, pdfCache.Container, "PdfCache:Blob:ConnectionString (or the content's connection)", "PdfCache:Blob:Container");
        return new StorageSettings(contentContainer, pdfContainer);
    }

    private static BlobContainerClient Connect(string connectionString, string container, string connectionSetting, string containerSetting)
    {
        if (string.IsNullOrWhiteSpace(container))
        {
            throw new InvalidOperationException($"{containerSetting} is empty: name a blob container.");
        }
        try
        {
            return new BlobContainerClient(connectionString, container);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The connection string is a secret: name the setting, never echo its value.
            throw new InvalidOperationException($"{connectionSetting} is not a valid storage connection string.", e);
        }
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
