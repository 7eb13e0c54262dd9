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
/// Reads a figure: a PNG in full (<see cref="PngImage"/>), a JPEG up to its scan header (the PDF carries JPEG data
/// as it is, so only its headers must make sense: a JFIF or Exif header, a baseline or progressive 8-bit frame, a scan). Sizes are held to <see cref="ContentLimits"/> from the header,
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
        if (!StartsWithKnownApplicationHeader(bytes[2..]))
        {
            return BrokenJpeg("it does not start with a JFIF or Exif header (save it again as an ordinary JPEG)");
        }
        (int Width, int Height)? frame = null;
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
            if (marker == 0xD9)
            {
                break;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at + 2, 2));
            if (length < 2 || at + 2 + length > bytes.Length)
            {
                return BrokenJpeg($"the segment at byte {at} has a length that does not fit the file");
            }
            var segment = bytes.Slice(at + 4, length - 2);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC) // start of frame; C4, C8 and CC are other segments
            {
                if (frame is not null || ReadFrame(marker, segment) is not { } read)
                {
                    return BrokenJpeg(frame is null ? FrameProblem(marker, segment) : "it has two frame headers");
                }
                if (read.Width == 0 || read.Height == 0)
                {
                    return BrokenJpeg($"it declares a size of {read.Width} x {read.Height} pixels");
                }
                if (ContentLimits.ImageSizeProblem(read.Width, read.Height) is { } tooLarge)
                {
                    return ImageReadResult<ImageInfo>.Refused(ContentRules.ImageTooLarge, tooLarge);
                }
                frame = read;
            }
            if (marker == 0xDA) // start of scan: the compressed data follows, and every header must be known by now
            {
                if (frame is not { } size)
                {
                    return BrokenJpeg("its image data starts before its frame header");
                }
                if (segment.IsEmpty || segment[0] is not (1 or 3 or 4) || length != 6 + (2 * segment[0]))
                {
                    return BrokenJpeg("its scan header is not one a PDF can take (1, 3 or 4 components)");
                }
                return ImageReadResult<ImageInfo>.Read(new ImageInfo(JpegContentType, size.Width, size.Height));
            }
            at += 2 + length;
        }
        return BrokenJpeg(frame is null ? "it ends before its frame header" : "it ends before its image data");
    }

    /// <summary>A baseline, extended or progressive frame of 8-bit grey, RGB or CMYK: what a PDF's DCTDecode filter takes.</summary>
    private static (int Width, int Height)? ReadFrame(byte marker, ReadOnlySpan<byte> segment) =>
        marker is 0xC0 or 0xC1 or 0xC2 && segment.Length >= 6 && segment[0] == 8 && segment[5] is 1 or 3 or 4
            ? (BinaryPrimitives.ReadUInt16BigEndian(segment[3..]), BinaryPrimitives.ReadUInt16BigEndian(segment[1..]))
            : null;

    private static string FrameProblem(byte marker, ReadOnlySpan<byte> segment) =>
        marker is not (0xC0 or 0xC1 or 0xC2) ? $"its frame type (marker {marker:X2}) is lossless, hierarchical or arithmetic-coded; save it as a baseline or progressive JPEG"
        : segment.Length < 6 ? "its frame header is cut short"
        : $"it has {segment[0]}-bit samples in {segment[5]} colour components; a PDF takes 8-bit grey, RGB or CMYK";

    /// <summary>The PDF library places a JPEG only after a JFIF (APP0) or Exif (APP1) header, so the loader asks for one too.</summary>
    private static bool StartsWithKnownApplicationHeader(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[0] == 0xFF
        && ((bytes[1] == 0xE0 && bytes[4..9].SequenceEqual("JFIF\0"u8) && BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]) >= 16)
            || (bytes[1] == 0xE1 && bytes[4..10].SequenceEqual("Exif\0\0"u8) && (bytes[10..12].SequenceEqual("MM"u8) || bytes[10..12].SequenceEqual("II"u8))));

    private static ImageReadResult<ImageInfo> BrokenJpeg(string why) =>
        ImageReadResult<ImageInfo>.Refused(ContentRules.ImageFormat, "it is not a valid JPEG: " + why);
}
