using System.Buffers.Binary;

namespace Leaflets.Content.Loading;

/// <summary>What reading an image gave: the image, or the content rule it breaks and why. Reading never throws.</summary>
internal readonly record struct ImageReadResult<T>(T? Image, string? Rule, string? Problem) where T : class
{
    public static ImageReadResult<T> Read(T image) => new(image, null, null);

    public static ImageReadResult<T> Refused(string rule, string problem) => new(null, rule, problem);
}

/// <summary>A figure's real type and pixel size, from its bytes (the file name is never trusted for either).</summary>
internal sealed record ImageInfo(string ContentType, int Width, int Height);

/// <summary>
/// Reads a figure: a PNG in full (<see cref="PngImage"/>), a JPEG up to its frame header (the PDF carries JPEG data
/// as it is, so only its header must make sense). Sizes are held to <see cref="ContentLimits"/> from the header,
/// before any decoding.
/// </summary>
internal static class ImageReader
{
    public const string PngContentType = "image/png";
    public const string JpegContentType = "image/jpeg";

    public static ImageReadResult<ImageInfo> Read(ReadOnlySpan<byte> bytes)
    {
        if (PngImage.HasSignature(bytes))
        {
            var png = PngImage.Read(bytes);
            return png.Image is { } image
                ? ImageReadResult<ImageInfo>.Read(new ImageInfo(PngContentType, image.Width, image.Height))
                : ImageReadResult<ImageInfo>.Refused(png.Rule!, png.Problem!);
        }
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return ReadJpeg(bytes);
        }
        return ImageReadResult<ImageInfo>.Refused(ContentRules.ImageFormat, "its first bytes are not a PNG or JPEG header");
    }

    private static ImageReadResult<ImageInfo> ReadJpeg(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at + 4 <= bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return BrokenJpeg($"byte {at} should start a marker");
            }
            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2; // markers without a length
                continue;
            }
            if (marker is 0xD9 or 0xDA)
            {
                return BrokenJpeg("its image data starts before its frame header");
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at + 2, 2));
            if (length < 2 || at + 2 + length > bytes.Length)
            {
                return BrokenJpeg($"the segment at byte {at} has a length that does not fit the file");
            }
            // Start-of-frame markers: C0-CF except C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 8)
                {
                    return BrokenJpeg("its frame header is cut short");
                }
                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at + 5, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at + 7, 2));
                var components = bytes[at + 9];
                if (width == 0 || height == 0)
                {
                    return BrokenJpeg($"it declares a size of {width} x {height} pixels");
                }
                if (bytes[at + 4] != 8 || components is not (1 or 3 or 4))
                {
                    return BrokenJpeg($"it has {bytes[at + 4]}-bit samples in {components} colour components; a PDF takes 8-bit grey, RGB or CMYK");
                }
                return ContentLimits.ImageSizeProblem(width, height) is { } tooLarge
                    ? ImageReadResult<ImageInfo>.Refused(ContentRules.ImageTooLarge, tooLarge)
                    : ImageReadResult<ImageInfo>.Read(new ImageInfo(JpegContentType, width, height));
            }
            at += 2 + length;
        }
        return BrokenJpeg("it ends before its frame header");
    }

    private static ImageReadResult<ImageInfo> BrokenJpeg(string why) =>
        ImageReadResult<ImageInfo>.Refused(ContentRules.ImageFormat, "it is not a valid JPEG: " + why);
}
