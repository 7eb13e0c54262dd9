using System.Reflection;
using System.Security.Cryptography;
using Leaflets.Content.Rendering.Pdf.Fonts;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Pdf;

/// <summary>
/// Which build of the renderer drew a PDF, so that a deployment that draws differently never serves (or answers 304
/// for) the PDFs the old one drew, with nothing to bump by hand. A SHA-256 over the module version ids (MVIDs) of this
/// assembly and of the PDFsharp and QRCoder assemblies it references, and over the embedded font and strings files
/// (every word the PDF adds, an unreviewed translation's notice in two languages included); a content root's strings
/// files are not the build's, so <see cref="PdfRequest"/> adds the words they change. The builds are
/// deterministic, so an MVID changes exactly when the compiled code does; a package upgrade brings new MVIDs. The fonts
/// and strings are hashed as well rather than trusting that the MVID covers resources. MVIDs rather than the files' bytes because
/// an assembly loaded from a single-file bundle has no file to read. The cost: any change to this assembly, not only
/// to the renderer, gives every PDF a new key once; they are rendered again on first request.
/// </summary>
public static class RendererBuild
{
    public static string Current { get; } = Compute();

    private static string Compute()
    {
        var renderer = typeof(LeafletPdfRenderer).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(renderer.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var drawing in renderer.GetReferencedAssemblies()
            .Where(name => name.Name is { } n && (n.StartsWith("PdfSharp", StringComparison.Ordinal) || n.StartsWith("QRCoder", StringComparison.Ordinal)))
            .OrderBy(name => name.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Assembly.Load(drawing).ManifestModule.ModuleVersionId.ToByteArray());
        }
        string[] drawn = [LeafletFonts.ResourcePrefix, StringsLibrary.ResourcePrefix];
        foreach (var resource in renderer.GetManifestResourceNames().Where(name => drawn.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).Order(StringComparer.Ordinal))
        {
            using var stream = renderer.GetManifestResourceStream(resource)!;
            hash.AppendData(SHA256.HashData(stream));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset(), 0, 16);
    }
}
