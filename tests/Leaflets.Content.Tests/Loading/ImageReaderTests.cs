using System.Buffers.Binary;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Tests.Loading;

public class ImageReaderTests
{
    [Fact]
    public void A_png_is_recognised_by_its_signature_and_sized_from_its_ihdr() =>
        Assert.Equal(new ImageInfo("image/png", 1200, 800), ImageReader.Read(ContentFixture.Png(1200, 800)).Image);

    [Fact]
    public void A_jpeg_is_sized_from_its_first_frame_header_after_other_segments() =>
        Assert.Equal(new ImageInfo("image/jpeg", 640, 427), ImageReader.Read(ContentFixture.Jpeg(640, 427)).Image);

    [Fact]
    public void A_progressive_jpeg_frame_is_read() =>
        Assert.Equal(new ImageInfo("image/jpeg", 512, 256), ImageReader.Read(ContentFixture.Jpeg(512, 256, frame: 0xC2)).Image);

    [Fact]
    public void Huffman_tables_and_fill_bytes_are_not_mistaken_for_a_frame_header()
    {
        var jpeg = ContentFixture.Jpeg(30, 20);
        // After the 20-byte SOI and JFIF header: a fill byte and a Huffman table segment (C4), then the frame.
        byte[] bytes = [.. jpeg[..20], 0xFF, 0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00, .. jpeg[20..]];

        Assert.Equal(new ImageInfo("image/jpeg", 30, 20), ImageReader.Read(bytes).Image);
    }

    [Theory]
    [InlineData(0xC3, "lossless")]
    [InlineData(0xC9, "arithmetic")]
    public void A_jpeg_a_pdf_cannot_take_is_refused_saying_why(byte frame, string why) =>
        Assert.Contains(why, ImageReader.Read(ContentFixture.Jpeg(30, 20, frame)).Problem);

    [Fact]
    public void A_jpeg_without_a_jfif_or_exif_header_is_refused() =>
        Assert.Contains("JFIF or Exif", ImageReader.Read([0xFF, 0xD8, .. ContentFixture.Jpeg(30, 20)[20..]]).Problem);

    [Fact]
    public void Every_real_figure_is_read_in_full()
    {
        var figures = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "content", "leaflets", "cementoplasty", "images"), "*.png");

        Assert.NotEmpty(figures);
        Assert.All(figures, figure => Assert.Null(ImageReader.Read(File.ReadAllBytes(figure)).Problem));
    }

    [Theory]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0 }, "not a PNG or JPEG")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, "cut short")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02 }, "JFIF or Exif")]
    [InlineData(new byte[0], "not a PNG or JPEG")]
    public void Other_formats_and_truncated_files_are_refused_saying_why(byte[] bytes, string why)
    {
        var read = ImageReader.Read(bytes);

        Assert.Equal(ContentRules.ImageFormat, read.Rule);
        Assert.Contains(why, read.Problem);
    }

    public static TheoryData<string, byte[], string> BrokenJpegs => new()
    {
        { "scan before frame", [.. ContentFixture.Jpeg(30, 20)[..20], 0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0, 0xFF, 0xD9], "before its frame header" },
        { "frame cut short", ContentFixture.Jpeg(30, 20)[..26], "does not fit the file" },
        { "no scan", [.. ContentFixture.Jpeg(30, 20)[..39], 0xFF, 0xD9], "before its image data" },
        { "12-bit samples", SetByte(ContentFixture.Jpeg(30, 20), 24, 12), "12-bit samples" },
        { "two components", SetByte(ContentFixture.Jpeg(30, 20), 29, 2), "2 colour components" },
        { "zero height", SetByte(SetByte(ContentFixture.Jpeg(30, 20), 25, 0), 26, 0), "30 x 0" },
    };

    [Theory]
    [MemberData(nameof(BrokenJpegs))]
    public void A_broken_jpeg_is_refused_saying_what_is_wrong(string because, byte[] bytes, string why)
    {
        var read = ImageReader.Read(bytes);

        Assert.True(read.Image is null, because);
        Assert.Equal(ContentRules.ImageFormat, read.Rule);
        Assert.Contains(why, read.Problem);
    }

    private static byte[] SetByte(byte[] bytes, int at, byte value)
    {
        bytes[at] = value;
        return bytes;
    }

    public static TheoryData<string, byte[], string> BrokenPngs => new()
    {
        { "html named .png", "<html><body>not an image</body></html>"u8.ToArray(), "not a PNG or JPEG" },
        { "zero width", ContentFixture.Png(0, 10), "0 x 10" },
        { "palette with transparency and a bad filter byte", TestPng.TransparentPalette(4, 3, filter: 7), "filter type 7" },
        { "truncated IDAT", TruncatedData(), "cut short" },
        { "more data than its size", TestPng.Build(TestPng.Header(2, 2, 8, 0), TestPng.Rows(2, 3, 0, 0)), "more bytes" },
        { "IDAT not zlib", TestPng.WithIdat(TestPng.Header(2, 2, 8, 0), [1, 2, 3, 4, 5]), "not a valid compressed stream" },
        { "bad CRC", BadCrc(), "checksum" },
        { "no IEND", ContentFixture.Png(3, 3)[..^12], "before its IEND" },
        { "16-bit RGB, which PDFsharp cannot draw", TestPng.Solid(3, 3, 2, 16, interlaced: false), "16-bit samples" },
        { "2-bit interlaced palette, which PDFsharp cannot draw", Interlaced2BitPalette(), "2-bit samples and interlacing" },
        { "16-bit palette", TestPng.Build(TestPng.Header(2, 2, 16, 3), TestPng.Rows(4, 2, 0, 0), ("PLTE", [0, 0, 0])), "bit depth 16" },
        { "palette without PLTE", TestPng.Build(TestPng.Header(2, 2, 8, 3), TestPng.Rows(2, 2, 0, 0)), "no palette" },
        { "tRNS longer than the palette", TestPng.Build(TestPng.Header(2, 2, 8, 3), TestPng.Rows(2, 2, 0, 0), ("PLTE", [0, 0, 0]), ("tRNS", [0, 0])), "tRNS" },
        { "tRNS on an alpha image", TestPng.Build(TestPng.Header(1, 1, 8, 6), TestPng.Rows(4, 1, 0, 0), ("tRNS", [0, 0])), "tRNS" },
    };

    [Theory]
    [MemberData(nameof(BrokenPngs))]
    public void A_broken_png_is_refused_at_load_saying_what_is_wrong(string because, byte[] bytes, string why)
    {
        var read = ImageReader.Read(bytes);

        Assert.True(read.Image is null, because);
        Assert.Equal(ContentRules.ImageFormat, read.Rule);
        Assert.Contains(why, read.Problem);
    }

    [Theory]
    [InlineData(50000, 50000)]
    [InlineData(30000, 30000)]
    [InlineData(4097, 10)]
    [InlineData(4096, 4096)]
    public void A_png_declaring_too_many_pixels_is_refused_from_its_header(int width, int height)
    {
        // Only the header is real: the data is one row, so anything that inflated before checking would fail differently.
        var read = ImageReader.Read(TestPng.Build(TestPng.Header(width, height, 8, 3), TestPng.Rows(width, 1, 0, 0), ("PLTE", [0, 0, 0])));

        Assert.Equal(ContentRules.ImageTooLarge, read.Rule);
        Assert.Contains($"{width} x {height}", read.Problem);
    }

    [Fact]
    public void A_jpeg_declaring_too_many_pixels_is_refused_from_its_header() =>
        Assert.Equal(ContentRules.ImageTooLarge, ImageReader.Read(ContentFixture.Jpeg(60000, 200)).Rule);

    [Fact]
    public void An_interlaced_png_is_read_pass_by_pass()
    {
        // Adam7 on 5 x 3: passes of 1x1, 1x1, none, 1x1, 3x1, 2x2 and 5x1 pixels, each row with its filter byte.
        byte[] raw = [0, 9, 0, 9, 0, 9, 0, 9, 9, 9, 0, 9, 9, 0, 9, 9, 0, 9, 9, 9, 9, 9];
        var header = TestPng.Header(5, 3, 8, 0);
        header[12] = 1;

        var read = ImageReader.Read(TestPng.Build(header, raw));

        Assert.Null(read.Problem);
        Assert.Equal(5, read.Image!.Width);
    }

    private static byte[] Interlaced2BitPalette()
    {
        var header = TestPng.Header(1, 1, 2, 3);
        header[12] = 1;
        return TestPng.Build(header, [0, 0], ("PLTE", [0, 0, 0]));
    }

    private static byte[] TruncatedData()
    {
        var compressed = TestPng.Compress(TestPng.Rows(40, 40, 7, 0));
        return TestPng.WithIdat(TestPng.Header(40, 40, 8, 0), compressed[..(compressed.Length / 2)]);
    }

    private static byte[] BadCrc()
    {
        var png = ContentFixture.Png(3, 3);
        // The IHDR's CRC follows the signature (8), length (4), type (4) and 13 bytes of header.
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), 0xDEADBEEF);
        return png;
    }
}
