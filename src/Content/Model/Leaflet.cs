using System.Collections.Immutable;

namespace Leaflets.Content.Model;

/// <summary>A leaflet with all of its valid variants and the images they share.</summary>
public sealed record Leaflet(
    string Id,
    ImmutableSortedDictionary<LeafletVariant, LeafletDocument> Variants,
    ImmutableSortedDictionary<string, LeafletImage> Images)
{
    /// <summary>The plain variant is required, so every loaded leaflet has it.</summary>
    public LeafletDocument Plain => Variants[LeafletVariant.Plain];

    /// <summary>The variant asked for; a renderer asked for a variant the leaflet lacks is a caller's bug, so it throws.</summary>
    public LeafletDocument Document(LeafletVariant variant) =>
        Variants.TryGetValue(variant, out var document)
            ? document
            : throw new KeyNotFoundException($"Leaflet '{Id}' has no {variant.Slug()} variant.");
}

/// <summary>
/// One variant of a leaflet, parsed and validated.
/// <see cref="ContentHash"/> is a lowercase hex SHA-256 over the source text and every image it uses:
/// it changes whenever anything a reader could see changes, so ETags and caches key on it.
/// </summary>
public sealed record LeafletDocument(
    string LeafletId,
    LeafletVariant Variant,
    LeafletMetadata Metadata,
    ImmutableArray<Block> Blocks,
    string ContentHash,
    string SourcePath);

/// <summary>An image file from a leaflet's images/ folder.</summary>
public sealed record LeafletImage(string FileName, string ContentType, ImmutableArray<byte> Bytes, int PixelWidth, int PixelHeight);
