using PdfSharp.Fonts;

namespace Leaflets.Pdf.Tests.Checker;

/// <summary>
/// Serves DejaVu Sans (shipped beside this file with its licence) to PDFsharp for the checker fixtures.
/// Installed as the fallback resolver so that it never competes with the renderer's own font resolver.
/// </summary>
internal sealed class FixtureFonts : IFontResolver
{
    public const string Family = "Checker Fixture Sans";
    const string FaceName = "CheckerFixtureSans";
    static readonly Lazy<byte[]> FontBytes = new(ReadFont);
    static readonly object Gate = new();

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FallbackFontResolver is not FixtureFonts)
                GlobalFontSettings.FallbackFontResolver = new FixtureFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(FaceName) : null;

    public byte[]? GetFont(string faceName) => faceName == FaceName ? FontBytes.Value : null;

    static byte[] ReadFont()
    {
        using var stream = typeof(FixtureFonts).Assembly.GetManifestResourceStream("Leaflets.Pdf.Tests.Checker.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The DejaVuSans.ttf resource is missing from the test assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
