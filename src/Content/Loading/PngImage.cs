using System.Buffers.Binary;
using System.IO.Compression;

namespace Leaflets.Content.Loading;

/// <summary>
/// A PNG read and checked in full: the one PNG parser of the project. The loader accepts a PNG only when
/// <see cref="Read"/> does, and the PDF renderer draws from the same parsed form, so whatever loads also draws.
/// Checked: signature, every chunk's length and CRC, IHDR (sizes within <see cref="ContentLimits"/> before
/// anything is inflated, a legal bit depth for the colour type, and one the renderer can draw), PLTE and tRNS against the colour type, and
/// the image data, which must inflate to exactly the size the header declares with a defined filter on every row.
/// </summary>
internal sealed record PngImage(
    int Width, int Height, int BitDepth, int ColorType, bool Interlaced, byte[] Palette, byte[]? Transparency, byte[] ImageData)
{
    public const int PaletteColorType = 3;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Bytes per pixel, rounded up: the "left" neighbour's distance for PNG's row filters.</summary>
    private int FilterStride => Math.Max(1, BitDepth * Channels(ColorType) / 8);

    public static bool HasSignature(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>The checked image, or why it is refused. Never throws on any bytes.</summary>
    public static ImageReadResult<PngImage> Read(ReadOnlySpan<byte> bytes)
    {
        if (!HasSignature(bytes))
        {
            return ImageReadResult<PngImage>.Refused(ContentRules.ImageFormat, "its first bytes are not a PNG signature");
        }
        PngImage? header = null;
        byte[] palette = [];
        byte[]? transparency = null;
        var data = new MemoryStream();
        var at = Signature.Length;
        var sawData = false;
        var dataEnded = false;
        while (true)
        {
            if (at + 12 > bytes.Length)
            {
                return Broken("it ends before its IEND chunk (the file is cut short)");
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
            if (length > int.MaxValue || length > bytes.Length - at - 12)
            {
                return Broken($"a chunk at byte {at} claims {length} bytes, more than the file holds");
            }
            var type = bytes.Slice(at + 4, 4);
            var body = bytes.Slice(at + 8, (int)length);
            var name = ChunkName(type);
            if (BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 8 + (int)length)..]) != Crc32(bytes.Slice(at + 4, 4 + (int)length)))
            {
                return Broken($"the {name} chunk at byte {at} fails its checksum (the file is damaged)");
            }
            at += 12 + (int)length;
            if (name == "IHDR")
            {
                if (header is not null)
                {
                    return Broken("it has two IHDR chunks");
                }
                var read = ReadHeader(body);
                if (read.Image is null)
                {
                    return read;
                }
                header = read.Image;
                continue;
            }
            if (header is null)
            {
                return Broken("its first chunk is not IHDR");
            }
            if (sawData && name != "IDAT")
            {
                dataEnded = true;
            }
            switch (name)
            {
                case "PLTE":
                    if (sawData || palette.Length > 0 || length % 3 != 0 || length == 0 || length / 3 > 256
                        || header.ColorType is 0 or 4 || (header.ColorType == PaletteColorType && length / 3 > 1 << header.BitDepth))
                    {
                        return Broken($"its palette (PLTE, {length} bytes) does not fit its colour type and bit depth, or comes after the image data");
                    }
                    palette = body.ToArray();
                    break;
                case "tRNS":
                    var expected = header.ColorType switch
                    {
                        0 => 2,
                        2 => 6,
                        PaletteColorType => palette.Length / 3,
                        _ => -1,
                    };
                    if (sawData || transparency is not null || expected < 0
                        || (header.ColorType == PaletteColorType ? length > expected || palette.Length == 0 : length != expected))
                    {
                        return Broken($"its transparency (tRNS, {length} bytes) does not fit its colour type and palette");
                    }
                    transparency = body.ToArray();
                    break;
                case "IDAT" when dataEnded:
                    return Broken("its image data (IDAT) is split by other chunks");
                case "IDAT":
                    sawData = true;
                    data.Write(body);
                    break;
                case "IEND":
                    if (!sawData)
                    {
                        return Broken("it has no image data (IDAT)");
                    }
                    if (header.ColorType == PaletteColorType && palette.Length == 0)
                    {
                        return Broken("it is a palette image with no palette (PLTE)");
                    }
                    var image = header with { Palette = palette, Transparency = transparency, ImageData = data.ToArray() };
                    return image.CheckData() is { } problem ? Broken(problem) : ImageReadResult<PngImage>.Read(image);
                default:
                    if ((type[0] & 0x20) == 0)
                    {
                        return Broken($"it needs a chunk this reader does not know ({name})");
                    }
                    break; // an ancillary chunk (text, colour profile...): safe to ignore
            }
        }
    }

    /// <summary>
    /// The rows of a non-interlaced image with their filters undone, <c>(Width * BitDepth * channels + 7) / 8</c> bytes each.
    /// Only for an image <see cref="Read"/> accepted.
    /// </summary>
    public byte[] UnfilteredRows()
    {
        var rowBytes = RowBytes(Width);
        var output = new byte[rowBytes * Height];
        using var rows = new RowReader(ImageData, rowBytes);
        for (var row = 0; row < Height; row++)
        {
            var line = output.AsSpan(row * rowBytes, rowBytes);
            rows.Next(out var filter).CopyTo(line);
            Unfilter(filter, line, row == 0 ? [] : output.AsSpan((row - 1) * rowBytes, rowBytes));
        }
        return output;
    }

    private static ImageReadResult<PngImage> ReadHeader(ReadOnlySpan<byte> body)
    {
        if (body.Length != 13)
        {
            return Broken($"its IHDR chunk is {body.Length} bytes, not 13");
        }
        var width = BinaryPrimitives.ReadUInt32BigEndian(body);
        var height = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
        int depth = body[8], colorType = body[9];
        if (width == 0 || height == 0)
        {
            return Broken($"it declares a size of {width} x {height} pixels");
        }
        if (ContentLimits.ImageSizeProblem(width, height) is { } tooLarge)
        {
            return ImageReadResult<PngImage>.Refused(ContentRules.ImageTooLarge, tooLarge);
        }
        var legal = colorType switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            PaletteColorType => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!legal)
        {
            return Broken($"its colour type {colorType} with bit depth {depth} is not a PNG format");
        }
        if (body[10] != 0 || body[11] != 0 || body[12] > 1)
        {
            return Broken($"its compression, filter or interlace method ({body[10]}, {body[11]}, {body[12]}) is not defined");
        }
        // PDFsharp, which draws what cannot pass straight into the PDF, has no decoder for these (found by RenderPropertyTests).
        if (depth == 16 || (body[12] == 1 && depth < 8))
        {
            return ImageReadResult<PngImage>.Refused(ContentRules.ImageFormat,
                $"it is a PNG with {(depth == 16 ? "16-bit samples" : $"{depth}-bit samples and interlacing")}, which the PDF cannot take; save it with 8-bit samples{(depth == 16 ? string.Empty : " or without interlacing")}");
        }
        return ImageReadResult<PngImage>.Read(new PngImage((int)width, (int)height, depth, colorType, body[12] == 1, [], null, []));
    }

    /// <summary>Inflates the image data row by row, holding one row at a time, so even a forged header costs no more memory than a row.</summary>
    private string? CheckData()
    {
        try
        {
            using var rows = new RowReader(ImageData, RowBytes(Width));
            foreach (var (columns, rowCount) in Passes())
            {
                if (columns == 0 || rowCount == 0)
                {
                    continue; // an empty interlace pass has no rows, not even filter bytes
                }
                rows.Resize(RowBytes(columns));
                for (var row = 0; row < rowCount; row++)
                {
                    rows.Next(out var filter);
                    if (filter > 4)
                    {
                        return $"row {row + 1} of its image data has filter type {filter}, which PNG does not define";
                    }
                }
            }
            return rows.AtEnd() ? null : "its image data holds more bytes than its size needs";
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException)
        {
            return error is EndOfStreamException
                ? "its image data ends before every row of its declared size (the data is cut short)"
                : $"its image data is not a valid compressed stream ({error.Message})";
        }
    }

    // Adam7: where each of the seven passes starts and how far it steps, across and down.
    private static readonly int[] StartX = [0, 4, 0, 2, 0, 1, 0], StartY = [0, 0, 4, 0, 2, 0, 1];
    private static readonly int[] StepX = [8, 8, 4, 4, 2, 2, 1], StepY = [8, 8, 8, 4, 4, 2, 2];

    /// <summary>Columns and rows of each pass: one pass, or Adam7's seven for an interlaced image.</summary>
    private IEnumerable<(int Columns, int Rows)> Passes() => Interlaced
        ? Enumerable.Range(0, 7).Select(pass =>
            ((Width - StartX[pass] + StepX[pass] - 1) / StepX[pass], (Height - StartY[pass] + StepY[pass] - 1) / StepY[pass]))
        : [(Width, Height)];

    private int RowBytes(int columns) => (int)((((long)columns * BitDepth * Channels(ColorType)) + 7) / 8);

    private static int Channels(int colorType) => colorType switch
    {
        2 => 3,
        4 => 2,
        6 => 4,
        _ => 1,
    };

    private void Unfilter(byte filter, Span<byte> line, ReadOnlySpan<byte> above)
    {
        var stride = FilterStride;
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= stride ? line[i - stride] : 0;
            int up = above.IsEmpty ? 0 : above[i];
            int upLeft = i >= stride && !above.IsEmpty ? above[i - stride] : 0;
            line[i] += (byte)(filter switch
            {
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => 0,
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static ImageReadResult<PngImage> Broken(string why) => ImageReadResult<PngImage>.Refused(ContentRules.ImageFormat, "it is not a valid PNG: " + why);

    private static string ChunkName(ReadOnlySpan<byte> type)
    {
        Span<char> name = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            name[i] = type[i] is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' ? (char)type[i] : '?';
        }
        return new string(name);
    }

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }

    /// <summary>Reads the inflated image data one filter byte and row at a time.</summary>
    private sealed class RowReader(byte[] zlibData, int rowBytes) : IDisposable
    {
        private readonly ZLibStream _zlib = new(new MemoryStream(zlibData, writable: false), CompressionMode.Decompress);
        private byte[] _row = new byte[rowBytes + 1];

        public void Resize(int bytes) => _row = _row.Length == bytes + 1 ? _row : new byte[bytes + 1];

        public ReadOnlySpan<byte> Next(out byte filter)
        {
            _zlib.ReadExactly(_row);
            filter = _row[0];
            return _row.AsSpan(1);
        }

        public bool AtEnd() => _zlib.Read(new byte[1]) == 0;

        public void Dispose() => _zlib.Dispose();
    }
}
