using System.Collections.Immutable;

namespace Leaflets.Content.Loading;

/// <summary>
/// One file of a content tree, read into memory. <see cref="Path"/> is relative to the content root,
/// with forward slashes (for example <c>leaflets/cementoplasty/plain.md</c>), whatever the source is.
/// </summary>
public sealed record ContentFile(string Path, ImmutableArray<byte> Bytes);

/// <summary>Where leaflets come from: a folder on disk, or (in Azure) a blob container.</summary>
public interface IContentSource
{
    /// <summary>How problems name the root, e.g. "content" or "blob:leaflets".</summary>
    string DisplayRoot { get; }

    Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken);
}
