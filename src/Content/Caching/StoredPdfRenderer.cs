using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Content.Caching;

/// <summary>
/// Puts a shared <see cref="IRenderedPdfStore"/> between the in-memory <see cref="PdfRenderCache"/> and the renderer:
/// a PDF another instance already rendered is read from the store, and a fresh rendering is stored for the others.
/// The memory cache calls this once per key at a time, so concurrent requests on one instance still render once.
/// </summary>
public sealed class StoredPdfRenderer(ILeafletPdfRenderer renderer, IRenderedPdfStore store) : ILeafletPdfRenderer
{
    /// <summary>
    /// Changes whenever the code that renders does (deterministic builds derive it from the compiled assembly,
    /// fonts included), so a deployment with a changed renderer never serves PDFs the old one stored.
    /// </summary>
    private static readonly string RendererVersion = typeof(LeafletPdfRenderer).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private int _renders;
    private int _storeHits;

    /// <summary>PDFs this instance had to render because the store did not hold them.</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>PDFs this instance took from the store instead of rendering.</summary>
    public int StoreHits => Volatile.Read(ref _storeHits);

    public static RenderedPdfKey KeyFor(LeafletDocument document, PdfRenderOptions options)
        => RenderedPdfKey.For(document, $"{PdfRenderCache.KeyFor(document, options)}|renderer={RendererVersion}");

    public byte[] Render(Leaflet leaflet, LeafletVariant variant, PdfRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(leaflet);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var document = leaflet.Document(variant);
        var key = KeyFor(document, options);
        // The memory cache's contract is synchronous; the store's I/O happens at most once per key per instance.
        if (store.TryGetAsync(key, CancellationToken.None).GetAwaiter().GetResult() is { } stored)
        {
            Interlocked.Increment(ref _storeHits);
            return stored;
        }
        var pdf = renderer.Render(leaflet, variant, options);
        Interlocked.Increment(ref _renders);
        store.PutAsync(key, pdf, CancellationToken.None).GetAwaiter().GetResult();
        return pdf;
    }
}
