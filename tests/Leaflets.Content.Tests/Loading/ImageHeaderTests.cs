using Leaflets.Content.Loading;

namespace Leaflets.Content.Tests.Loading;

public class ImageHeaderTests
{
    [Fact]
    public void A_png_is_recognised_by_its_signature_and_sized_from_its_ihdr() =>
        Assert.Equal(("image/png", 1200, 800), ImageHeader.Read(ContentFixture.Png(1200, 800)));

    [Fact]
    public void A_jpeg_is_sized_from_its_first_frame_header_after_other_segments() =>
        Assert.Equal(("image/jpeg", 640, 427), ImageHeader.Read(ContentFixture.Jpeg(640, 427)));

    [Fact]
    public void A_progressive_jpeg_frame_with_fill_bytes_before_it_is_read()
    {
        byte[] bytes = [0xFF, 0xD8, 0xFF, 0xFF, 0xC2, 0x00, 0x11, 0x08, 0x01, 0x00, 0x02, 0x00, 0x03, .. new byte[9], 0xFF, 0xD9];

        Assert.Equal(("image/jpeg", 512, 256), ImageHeader.Read(bytes));
    }

    [Fact]
    public void Huffman_tables_are_not_mistaken_for_a_frame_header()
    {
        byte[] bytes = [0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00, .. ContentFixture.Jpeg(30, 20)[2..]];

        Assert.Equal(("image/jpeg", 30, 20), ImageHeader.Read(bytes));
    }

    [Theory]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0xFF, 0xC0 })]
    [InlineData(new byte[0])]
    public void Other_formats_truncated_files_and_zero_sizes_are_not_images(byte[] bytes) => Assert.Null(ImageHeader.Read(bytes));

    [Fact]
    public void A_png_claiming_zero_width_is_not_an_image() => Assert.Null(ImageHeader.Read(ContentFixture.Png(0, 10)));
}
