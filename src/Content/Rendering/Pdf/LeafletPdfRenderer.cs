using Leaflets.Content.Rendering.Pdf.Drawing;
using Leaflets.Content.Rendering.Pdf.Fonts;
using Leaflets.Content.Rendering.Pdf.Layout;

namespace Leaflets.Content.Rendering.Pdf;

/// <summary>A <see cref="PdfRequest"/> in, PDF bytes out. The only way the rest of the code reaches PDF rendering.</summary>
public interface ILeafletPdfRenderer
{
    /// <summary>
    /// Renders the requested print as a large-print, tagged (PDF/UA) PDF. The same request always gives the same
    /// bytes. Throws <see cref="PrintTooLongException"/> for a print over <see cref="LeafletPdfRenderer.MaxPages"/>, and
    /// <see cref="OperationCanceledException"/> soon after <paramref name="cancellationToken"/> is cancelled (it is
    /// checked between words, blocks and pages).
    /// </summary>
    byte[] Render(PdfRequest request, CancellationToken cancellationToken = default);
}

public sealed class LeafletPdfRenderer : ILeafletPdfRenderer
{
    /// <summary>
    /// The most pages one print may have. The longest real print is the cementoplasty easy read at 24 pt on A5, 47
    /// pages; this is about twice that, and stops a leaflet that would print thousands of pages (docs/content-rules.md).
    /// </summary>
    public const int MaxPages = 100;

    public byte[] Render(PdfRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (document, options) = (request.Document, request.Options);
        LeafletFonts.EnsureRegistered();

        var typography = new Typography(options);
        var root = new StructNode(StructKind.Div, parent: null);
        var layout = new DocumentComposer(document, request.Images, typography, options.PublicUrl, request.Strings, options.ReviewStatus).Compose(root, MaxPages, cancellationToken);

        // Dates come from the content, never the clock, so output is reproducible.
        var stamp = document.Metadata.LastReviewed.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var key = request.DocumentIdSeed;
        using var pdf = new PdfDrawer().Draw(document, layout, stamp, cancellationToken);
        pdf.Internals.FirstDocumentID = PdfFinisher.DocumentId(key);
        pdf.Internals.SecondDocumentID = PdfFinisher.DocumentId(key);
        var buffer = SaveBuffer ??= new MemoryStream(InitialSaveCapacity);
        buffer.SetLength(0);
        try
        {
            pdf.Save(buffer, closeStream: false);
            return PdfFinisher.Finish(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), document.Metadata, key, stamp);
        }
        finally
        {
            if (buffer.Capacity > MaxKeptSaveCapacity)
            {
                SaveBuffer = null;
            }
        }
    }

    /// <summary>
    /// A leaflet PDF is a few hundred kilobytes: a new stream per render would grow through several
    /// large-object-heap arrays, and those force gen-2 collections. Each thread keeps one buffer instead.
    /// </summary>
    [ThreadStatic]
    private static MemoryStream? SaveBuffer;

    private const int InitialSaveCapacity = 512 * 1024;
    private const int MaxKeptSaveCapacity = 8 * 1024 * 1024;
}
