using System.Reflection;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Annotations;

namespace Leaflets.Content.Rendering.Pdf.Drawing;

/// <summary>
/// PDFsharp creates a document's catalog, page tree, outlines and other dictionaries with
/// <c>Type.GetConstructor(...).Invoke</c>. The runtime holds each type's reflection cache only weakly, so
/// after a garbage collection the next lookup returns a new <see cref="ConstructorInfo"/>, and its first
/// calls build and JIT-compile a new invoke stub: eight compilations every 60 or so renders, for as long
/// as the process runs. Holding the constructors here keeps those caches, and their compiled stubs, alive.
/// </summary>
internal static class PdfSharpConstructors
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    // The types PDFsharp 6.2.4 creates this way for a leaflet (seen as InvokeStub_<Type>..ctor with DOTNET_JitStdOutFile).
    private static readonly Type[] CreatedByReflection =
    [
        typeof(PdfCatalog), typeof(PdfPages), typeof(PdfOutline), typeof(PdfDocumentInformation), typeof(PdfViewerPreferences),
        typeof(PdfResources), typeof(PdfResources).Assembly.GetType("PdfSharp.Pdf.Advanced.PdfResourceMap", throwOnError: true)!, typeof(PdfAnnotations), typeof(PdfArray),
    ];

    private static readonly ConstructorInfo[] Held = [.. CreatedByReflection.SelectMany(type => type.GetConstructors(Instance))];

    /// <summary>Call before the first document is made; the constructors are looked up once per process.</summary>
    public static void Hold() => GC.KeepAlive(Held);
}
