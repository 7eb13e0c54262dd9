namespace Leaflets.Storage;

/// <summary>The "Content:Blob" section: where the leaflets live when <c>Content:Source</c> is "blob".</summary>
public sealed class BlobContentOptions
{
    public const string SectionName = "Content:Blob";

    /// <summary>
    /// A blob service address with no key (<c>https://account.blob.core.windows.net</c>), reached with the app's
    /// managed identity (or, on a workstation, the developer's Azure CLI login).
    /// </summary>
    public string? ServiceUri { get; set; }

    /// <summary>A storage connection string, for Azurite and clinics' own servers. Set this or ServiceUri, not both.</summary>
    public string? ConnectionString { get; set; }

    public string Container { get; set; } = "leaflets";
}

/// <summary>The "PdfCache:Blob" section: the container rendered PDFs are shared through.</summary>
public sealed class PdfCacheBlobOptions
{
    public const string SectionName = "PdfCache:Blob";

    /// <summary>As <see cref="BlobContentOptions.ServiceUri"/>; when neither this nor ConnectionString is set, the content's blob account.</summary>
    public string? ServiceUri { get; set; }

    /// <summary>As <see cref="BlobContentOptions.ConnectionString"/>.</summary>
    public string? ConnectionString { get; set; }

    public string Container { get; set; } = "pdf-cache";
}
