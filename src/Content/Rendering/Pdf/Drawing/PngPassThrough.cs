using System.Buffers.Binary;
using System.Runtime.CompilerServices;
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
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// The image's pass-through form, parsed once per image, or null when it needs PDFsharp's own
    /// conversion: an alpha channel, a transparent colour key outside a palette, 16-bit samples, interlacing, or not a PNG.
    /// </summary>
    public static PngPassThrough? For(LeafletImage image) => Parsed.GetValue(image, i => TryParse(i.Bytes.AsSpan()));

    internal static PngPassThrough? TryParse(ReadOnlySpan<byte> png)
    {
        if (png.Length < 8 || !png[..8].SequenceEqual(Signature))
        {
            return null;
        }
        int width = 0, height = 0, depth = 0, colorType = -1;
        byte[] palette = [];
        byte[]? transparency = null;
        var data = new MemoryStream();
        var at = 8;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[at..]);
            if (length < 0 || at + 12 + length > png.Length)
            {
                return null;
            }
            var type = png.Slice(at + 4, 4);
            var body = png.Slice(at + 8, length);
            if (type.SequenceEqual("IHDR"u8))
            {
                if (length < 13 || body[10] != 0 || body[11] != 0 || body[12] != 0)
                {
                    return null; // unknown compression or filter method, or interlaced
                }
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                depth = body[8];
                colorType = body[9];
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                palette = body.ToArray();
            }
            else if (type.SequenceEqual("tRNS"u8))
            {
                transparency = body.ToArray();
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                data.Write(body);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
            at += 12 + length;
        }
        if (width <= 0 || height <= 0 || depth > 8 || data.Length == 0 || (transparency is not null && colorType != 3))
        {
            return null;
        }
        return colorType switch
        {
            0 => new PngPassThrough(width, height, depth, "/DeviceGray", 1, [], data.ToArray()),
            2 => new PngPassThrough(width, height, depth, "/DeviceRGB", 3, [], data.ToArray()),
            3 when palette.Length is > 0 and <= 768 && palette.Length % 3 == 0
                => new PngPassThrough(width, height, depth, "/Indexed", 1, palette, data.ToArray(),
                    transparency is null ? null : PngAlpha.PaletteAlphaMask(data.ToArray(), width, height, depth, transparency)),
            _ => null,
        };
    }
}
