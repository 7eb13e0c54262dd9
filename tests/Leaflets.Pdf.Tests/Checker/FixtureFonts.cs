using Leaflets.Content.Rendering.Pdf.Fonts;

namespace Leaflets.Pdf.Tests.Checker;

/// <summary>
/// PDFsharp allows one process-wide font resolver, fixed once any font has been used, so the checker fixtures
/// use the renderer's own (and its embedded DejaVu Sans) rather than installing a second one.
/// </summary>
internal static class FixtureFonts
{
    /// <summary>Makes the renderer's fonts available and returns the family name to ask PDFsharp for.</summary>
    public static string EnsureInstalled()
    {
        LeafletFonts.EnsureRegistered();
        return LeafletFonts.FallbackFamily;
    }
}
