using System.Runtime.CompilerServices;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Pdf.Drawing;

/// <summary>
/// The parts of a PNG a PDF image XObject can use as they are. PNG image data is a zlib (Flate) stream
/// whose rows carry PNG predictors, which PDF decodes itself with /DecodeParms Predictor 15, so the
/// compressed bytes go into the PDF without being decoded or compressed again on every render.
/// </summary>
/// <param name="ColorSpace">"/DeviceGray", "/DeviceRGB" or "/Indexed" (then <paramref name="Palette"/> holds RGB triples).</param>
/// <param name="Colors">Samples per pixel, for the predictor.</param>
/// <param name="AlphaMask">For a palette with transparent entries (tRNS): an 8-bit alpha plane, zlib-compressed once, for an /SMask.</param>
internal sealed record PngPassThrough(int Width, int Height, int BitsPerComponent, string ColorSpace, int Colors, byte[] Palette, byte[] ImageData, byte[]? AlphaMask = null)
{
    private static readonly ConditionalWeakTable<LeafletImage, PngPassThrough?> Parsed = new();

    /// <summary>
    /// The image's pass-through form, parsed once per image, or null when it needs PDFsharp's own
    /// conversion: an alpha channel, a transparent colour key outside a palette, interlacing, or not a PNG (the loader's <see cref="PngImage"/> has already read it in full, so this only sorts).
    /// </summary>
    public static PngPassThrough? For(LeafletImage image) => Parsed.GetValue(image, i => TryParse(i.Bytes.AsSpan()));

    internal static PngPassThrough? TryParse(ReadOnlySpan<byte> bytes)
    {
        if (PngImage.Read(bytes).Image is not { } png || png.Interlaced
            || (png.Transparency is not null && png.ColorType != PngImage.PaletteColorType))
        {
            return null;
        }
        return png.ColorType switch
        {
            0 => new PngPassThrough(png.Width, png.Height, png.BitDepth, "/DeviceGray", 1, [], png.ImageData),
            2 => new PngPassThrough(png.Width, png.Height, png.BitDepth, "/DeviceRGB", 3, [], png.ImageData),
            PngImage.PaletteColorType => new PngPassThrough(png.Width, png.Height, png.BitDepth, "/Indexed", 1, png.Palette, png.ImageData,
                png.Transparency is { } transparency ? PngAlpha.PaletteAlphaMask(png, transparency) : null),
            _ => null,
        };
    }
}
