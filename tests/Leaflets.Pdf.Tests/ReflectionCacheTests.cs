using System.Reflection;
using System.Runtime.CompilerServices;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Leaflets.Pdf.Tests;

public class ReflectionCacheTests
{
    /// <summary>
    /// PDFsharp looks up its catalog's constructor by reflection for every document. If the runtime's weakly held
    /// reflection cache were collected between renders, every lookup after a GC would JIT-compile a new invoke stub.
    /// </summary>
    [Fact]
    public void Pdfsharps_constructor_lookups_survive_garbage_collection_once_a_pdf_has_been_rendered()
    {
        new LeafletPdfRenderer().Render(TestLeaflets.Sample(), LeafletVariant.Plain, new PdfRenderOptions());
        var catalogConstructor = LookUpWeakly(typeof(PdfCatalog));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.True(catalogConstructor.TryGetTarget(out _), "The reflection cache for PdfCatalog was collected: renders would JIT-compile invoke stubs again.");
    }

    // Not inlined, so no strong reference to the constructor is left on the test's own stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<ConstructorInfo> LookUpWeakly(Type type)
        => new(type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(PdfDocument)])
            ?? throw new InvalidOperationException($"{type.Name} has no constructor taking a PdfDocument."));
}
