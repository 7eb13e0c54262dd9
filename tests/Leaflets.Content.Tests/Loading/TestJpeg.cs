namespace Leaflets.Content.Tests.Loading;

/// <summary>JPEGs made in code: the headers a PDF needs, with a few bytes standing in for the compressed scan.</summary>
internal static class TestJpeg
{
    /// <summary>A JPEG's headers as a PDF takes them: SOI, a JFIF APP0 segment, a baseline SOF0 frame, a scan header, then EOI.</summary>
    public static byte[] Headers(int width, int height, byte frame = 0xC0)
    {
        var bytes = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 };
        bytes.AddRange([0xFF, frame, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03]);
        bytes.AddRange([1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
        bytes.AddRange([0xFF, 0xDA, 0x00, 0x0C, 0x03, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3F, 0]);
        bytes.AddRange([0x12, 0x34, 0xFF, 0xD9]);
        return [.. bytes];
    }
}
