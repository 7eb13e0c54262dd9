using PdfSharp.Fonts;

namespace Leaflets.Pdf.Tests.Checker;

/// <summary>
/// Gives the checker fixtures an embeddable font. PDFsharp allows one process-wide font resolver, fixed once any
/// font has been used, and the renderer installs its own; so the fixtures borrow DejaVu Sans from an installed
/// resolver when there is one, and otherwise serve the copy shipped beside this file (with its licence) as the
/// fallback resolver. Checker tests run in a non-parallel collection, after the renderer's tests have registered.
/// </summary>
internal sealed class FixtureFonts : IFontResolver
{
    const string SharedFamily = "DejaVu Sans";
    const string OwnFamily = "Checker Fixture Sans";
    const string FaceName = "CheckerFixtureSans";
    static readonly Lazy<byte[]> FontBytes = new(ReadFont);
    static readonly object Gate = new();

    /// <summary>Makes a font available and returns the family name to ask PDFsharp for.</summary>
    public static string EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver?.ResolveTypeface(SharedFamily, false, false) is not null)
                return SharedFamily;
            if (GlobalFontSettings.FallbackFontResolver is not FixtureFonts)
                GlobalFontSettings.FallbackFontResolver = new FixtureFonts();
            return OwnFamily;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        string.Equals(familyName, OwnFamily, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(FaceName) : null;

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

/// <summary>Runs after the parallel collections, so a renderer that installs PDFsharp's font resolver does so first.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CheckerFixtureCollection
{
    public const string Name = "PDF checker fixtures";
}
