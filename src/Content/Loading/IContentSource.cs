namespace Leaflets.Content.Loading;

/// <summary>Where leaflets come from: a folder on disk, or (in Azure) a blob container.</summary>
public interface IContentSource
{
    /// <summary>How problems name the root, e.g. "content" or "blob:leaflets".</summary>
    string DisplayRoot { get; }

    Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken);
}
