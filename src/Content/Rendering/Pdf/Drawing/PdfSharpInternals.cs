using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;

namespace Leaflets.Content.Rendering.Pdf.Drawing;

/// <summary>
/// Everything the renderer does that reaches past PDFsharp 6.2.4's public API or leans on how it works inside,
/// gathered here so an upgrade has one file to re-check. <c>PdfSharpInternalsCanaryTests</c> resolves each of
/// them and fails, naming the member, if an upgrade moves one. 6.5 and later are AGPL: stay on 6.2.x.
/// </summary>
internal static class PdfSharpInternals
{
    // The names reached by name, for the accessor and lookups below and for the canary to resolve.
    public const string OnDrawMethod = "OnDraw";

    public const string ResourceMapTypeName = "PdfSharp.Pdf.Advanced.PdfResourceMap";

    public const string ImageCacheField = "_selector";

    /// <summary>
    /// PDFsharp's structure builder opens marked content when its own drawing calls tell it content follows, through
    /// an internal method. Content we write ourselves (<see cref="PageContent"/>) must do the same first, or it would
    /// sit outside the element being drawn.
    /// </summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = OnDrawMethod)]
    private static extern void NotifyDraw(StructureBuilder builder);

    /// <summary>
    /// Prepares <paramref name="gfx"/> for operators we write straight into the page content, as PDFsharp's
    /// DrawImage would: marked content opened for the current element, the renderer out of text mode.
    /// </summary>
    public static void BeginRawGraphics(XGraphics gfx, StructureBuilder builder)
    {
        NotifyDraw(builder);
        PdfRendererExtensions.BeginGraphicMode(gfx);
    }

    /// <summary>
    /// The page's content stream as PDFsharp is building it. Writing operators here skips PDFsharp's per-call
    /// overhead and number formatting (images passed through, the QR code's rectangles); whatever is written
    /// must be what PDFsharp itself would write in that state, in the same precision.
    /// </summary>
    public static StringBuilder PageContent(XGraphics gfx)
        => gfx.Internals.ContentStringBuilder
            ?? throw new InvalidOperationException("Content can only be written straight into a PDF page.");

    /// <summary>
    /// Draws an image shared between documents. Drawing caches per-document data on the <see cref="XImage"/>
    /// itself (its <c>_selector</c> field, read and written without a lock), so one document at a time may draw it.
    /// </summary>
    public static void DrawShared(XGraphics gfx, XImage image, double x, double y, double width, double height)
    {
        lock (image)
        {
            gfx.DrawImage(image, x, y, width, height);
        }
    }

    private const BindingFlags AnyInstance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>
    /// The types PDFsharp creates for a leaflet with <c>Type.GetConstructor(...).Invoke</c> (seen as
    /// InvokeStub_&lt;Type&gt;..ctor with DOTNET_JitStdOutFile); one of them is internal, so it is found by name.
    /// </summary>
    public static readonly Type[] CreatedByReflection =
    [
        typeof(PdfCatalog), typeof(PdfPages), typeof(PdfOutline), typeof(PdfDocumentInformation), typeof(PdfViewerPreferences),
        typeof(PdfResources), typeof(PdfResources).Assembly.GetType(ResourceMapTypeName, throwOnError: true)!, typeof(PdfAnnotations), typeof(PdfArray),
    ];

    /// <summary>
    /// The runtime holds each type's reflection cache only weakly, so after a garbage collection PDFsharp's next
    /// lookup returns a new <see cref="ConstructorInfo"/>, whose first calls build and JIT-compile a new invoke
    /// stub: eight compilations every 60 or so renders, for as long as the process runs. Holding the constructors
    /// keeps those caches, and their compiled stubs, alive.
    /// </summary>
    private static readonly ConstructorInfo[] HeldConstructors = [.. CreatedByReflection.SelectMany(type => type.GetConstructors(AnyInstance))];

    /// <summary>Call before the first document is made; the constructors are looked up once per process.</summary>
    public static void HoldConstructors() => GC.KeepAlive(HeldConstructors);
}
