using Azure.Storage.Blobs;
using Leaflets.Content.Caching;
using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
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
            // The publish gate's results, stored beside the content by publish.
            services.RemoveAll<ICheckResultStore>();
            services.AddSingleton<ICheckResultStore>(new BlobCheckResultStore(content));
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
        var contentAccount = BlobAccount.From(
                new Setting(content.ServiceUri, $"{BlobContentOptions.SectionName}:{nameof(BlobContentOptions.ServiceUri)}"),
                new Setting(content.ConnectionString, $"{BlobContentOptions.SectionName}:{nameof(BlobContentOptions.ConnectionString)}"))
            ?? (NonBlank(configuration[HostStorageSetting]) is { } hostStorage ? BlobAccount.FromConnectionString(new Setting(hostStorage, HostStorageSetting)) : null);
        BlobContainerClient? contentContainer = null;
        if (fromBlobs)
        {
            if (contentAccount is null)
            {
                throw new InvalidOperationException(
                    "Content:Source is 'blob' but no storage account is set: set Content:Blob:ServiceUri (env Content__Blob__ServiceUri) "
                    + "to use the managed identity, or Content:Blob:ConnectionString (env Content__Blob__ConnectionString) or AzureWebJobsStorage.");
            }
            contentContainer = Connect(contentAccount, content.Container, $"{BlobContentOptions.SectionName}:{nameof(BlobContentOptions.Container)}");
        }

        var pdfCache = new PdfCacheBlobOptions();
        configuration.GetSection(PdfCacheBlobOptions.SectionName).Bind(pdfCache);
        var pdfAccount = BlobAccount.From(
                new Setting(pdfCache.ServiceUri, $"{PdfCacheBlobOptions.SectionName}:{nameof(PdfCacheBlobOptions.ServiceUri)}"),
                new Setting(pdfCache.ConnectionString, $"{PdfCacheBlobOptions.SectionName}:{nameof(PdfCacheBlobOptions.ConnectionString)}"))
            ?? (fromBlobs ? contentAccount : null);
        var pdfContainer = pdfAccount is null
            ? null
            : Connect(pdfAccount, pdfCache.Container, $"{PdfCacheBlobOptions.SectionName}:{nameof(PdfCacheBlobOptions.Container)}");
        return new StorageSettings(contentContainer, pdfContainer);
    }

    /// <summary>The Functions host's own storage connection string; with identity-based host storage it is not set.</summary>
    private const string HostStorageSetting = "AzureWebJobsStorage";

    private static BlobContainerClient Connect(BlobAccount account, string container, string containerSetting)
    {
        if (string.IsNullOrWhiteSpace(container))
        {
            throw new InvalidOperationException($"{containerSetting} is empty: name a blob container.");
        }
        return account.Container(container);
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
