namespace Leaflets.Storage;

/// <summary>The "Content:Blob" section: where the leaflets live when <c>Content:Source</c> is "blob".</summary>
public sealed class BlobContentOptions
{
    public const string SectionName = "Content:Blob";

    /// <summary>A storage connection string; when empty, <c>AzureWebJobsStorage</c> (the Functions host's own account) is used.</summary>
    public string? ConnectionString { get; set; }

    public string Container { get; set; } = "leaflets";
}

/// <summary>The "PdfCache:Blob" section: the container rendered PDFs are shared through.</summary>
public sealed class PdfCacheBlobOptions
{
    public const string SectionName = "PdfCache:Blob";

    /// <summary>A storage connection string; when empty, the content's blob connection (if the content comes from blobs).</summary>
    public string? ConnectionString { get; set; }

    public string Container { get; set; } = "pdf-cache";
}
