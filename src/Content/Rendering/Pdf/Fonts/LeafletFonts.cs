using System.Reflection;
using PdfSharp.Fonts;

namespace Leaflets.Content.Rendering.Pdf.Fonts;

/// <summary>
/// The faces every PDF uses: Atkinson Hyperlegible (designed for low-vision readers) and DejaVu Sans
/// for any character Atkinson lacks. Both ship as embedded resources, so rendering never depends on
/// the fonts installed on the server.
/// </summary>
internal static class LeafletFonts
{
    public const string PrimaryFamily = "Atkinson Hyperlegible";
    public const string FallbackFamily = "DejaVu Sans";

    private static readonly Lazy<FontFace> PrimaryRegularFace = new(() => Load("AtkinsonHyperlegible_400Regular"));
    private static readonly Lazy<FontFace> PrimaryBoldFace = new(() => Load("AtkinsonHyperlegible_700Bold"));
    private static readonly Lazy<FontFace> FallbackRegularFace = new(() => Load("DejaVuSans"));
    private static readonly Lazy<FontFace> FallbackBoldFace = new(() => Load("DejaVuSans-Bold"));
    private static readonly object RegistrationLock = new();
    private static readonly EmbeddedFontResolver Resolver = new();

    public static FontFace Primary(bool bold) => bold ? PrimaryBoldFace.Value : PrimaryRegularFace.Value;

    public static FontFace Fallback(bool bold) => bold ? FallbackBoldFace.Value : FallbackRegularFace.Value;

    public static string FamilyOf(FontFace face)
        => face == FallbackRegularFace.Value || face == FallbackBoldFace.Value ? FallbackFamily : PrimaryFamily;

    /// <summary>The face that draws <paramref name="codePoint"/>: the primary one when it can, else the fallback.</summary>
    public static FontFace For(int codePoint, bool bold)
    {
        var primary = Primary(bold);
        if (primary.Covers(codePoint) || IsLayoutSpace(codePoint))
        {
            return primary;
        }
        var fallback = Fallback(bold);
        return fallback.Covers(codePoint) ? fallback : primary;
    }

    /// <summary>True when some embedded face has a glyph for <paramref name="codePoint"/>.</summary>
    public static bool CanDraw(int codePoint)
        => IsLayoutSpace(codePoint) || Primary(false).Covers(codePoint) || Fallback(false).Covers(codePoint);

    private static bool IsLayoutSpace(int codePoint) => codePoint is '\n' or '\r' or '\t';

    /// <summary>Installs our resolver as PDFsharp's process-wide font source (idempotent, thread-safe).</summary>
    public static void EnsureRegistered()
    {
        if (GlobalFontSettings.FontResolver == Resolver)
        {
            return;
        }
        lock (RegistrationLock)
        {
            if (GlobalFontSettings.FontResolver != Resolver)
            {
                GlobalFontSettings.FontResolver = Resolver;
            }
        }
    }

    /// <summary>The logical name of every embedded font starts with this (see the project file).</summary>
    internal const string ResourcePrefix = "Leaflets.Fonts.";

    /// <summary>
    /// The licence of the primary family (SIL OFL 1.1), which asks that it go wherever the font files go: the site
    /// serves it beside them. Embedded under its own name, outside <see cref="ResourcePrefix"/>: it is not a font.
    /// </summary>
    public static string PrimaryLicence => PrimaryLicenceText.Value;

    private static readonly Lazy<string> PrimaryLicenceText = new(() => System.Text.Encoding.UTF8.GetString(Resource("Leaflets.FontLicences.LICENSE_FONT")));

    private static FontFace Load(string name) => new(name, Resource($"{ResourcePrefix}{name}.ttf"));

    private static byte[] Resource(string resource)
    {
        using var stream = typeof(LeafletFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource '{resource}' is missing from {typeof(LeafletFonts).Assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        {
            // Italics are never used (large-print guidance), so an italic request gets the upright face.
            if (string.Equals(familyName, PrimaryFamily, StringComparison.OrdinalIgnoreCase))
            {
                return new FontResolverInfo(Primary(bold).FaceName);
            }
            if (string.Equals(familyName, FallbackFamily, StringComparison.OrdinalIgnoreCase))
            {
                return new FontResolverInfo(Fallback(bold).FaceName);
            }
            return null;
        }

        public byte[]? GetFont(string faceName)
        {
            foreach (var face in new[] { Primary(false), Primary(true), Fallback(false), Fallback(true) })
            {
                if (face.FaceName == faceName)
                {
                    return face.Bytes;
                }
            }
            return null;
        }
    }
}
