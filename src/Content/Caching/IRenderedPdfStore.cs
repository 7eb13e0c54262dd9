using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Content.Caching;

/// <summary>
/// A store of rendered PDFs shared by every instance of the app (in Azure: a blob container), consulted behind the
/// in-memory cache so that a leaflet rendered once is not rendered again elsewhere or after a cold start.
/// Implementations throw on any failure but "not stored"; <see cref="GuardedPdfStore"/> turns failures into misses.
/// </summary>
public interface IRenderedPdfStore
{
    /// <summary>The stored PDF, or null when none is stored under <paramref name="key"/>.</summary>
    Task<byte[]?> TryGetAsync(RenderedPdfKey key, CancellationToken cancellationToken);

    Task PutAsync(RenderedPdfKey key, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken);
}

/// <summary>
/// Names one rendering (made only by <see cref="PdfRequest.StorageKey"/> and, for the spoken version, by
/// <see cref="Rendering.Audio.SpeechRequest.StorageKey"/>): the leaflet variant, the
/// <see cref="LeafletDocument.ContentHash"/> of its source and the request's key, which holds the options and the
/// renderer build. Any change to the content, the options or the renderer gives a new key, so a new version of a
/// leaflet, or a new renderer, is never served an old file. <see cref="Extension"/> and <see cref="MediaType"/> say
/// what kind of file it is: the store keeps the spoken audio beside the PDFs, as both are slow to make and never change.
/// </summary>
public sealed record RenderedPdfKey(
    string LeafletId, LeafletVariant Variant, string ContentHash, string RenderOptions, string Extension = "pdf", string MediaType = "application/pdf")
{
    /// <summary>
    /// A path-safe name: <c>&lt;id&gt;/&lt;variant&gt;/&lt;content hash&gt;-&lt;options hash&gt;.pdf</c> (or <c>.opus</c>). The
    /// options are hashed because they are free text; the id and variant lead so that a leaflet's renderings sit together.
    /// </summary>
    public string StorageName
    {
        get
        {
            var options = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RenderOptions)))[..16];
            return $"{LeafletId}/{Variant.Slug()}/{ContentHash}-{options}.{Extension}";
        }
    }
}
