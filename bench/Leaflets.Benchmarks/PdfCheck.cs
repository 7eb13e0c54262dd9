using System.Text;

namespace Leaflets.Benchmarks;

/// <summary>Cheap checks, run once in setup, that each side really produced a PDF (and Chromium really printed the figures).</summary>
internal static class PdfCheck
{
    public static void RequirePdf(byte[] pdf, string producer)
    {
        if (pdf.Length < 1024 || !pdf.AsSpan().StartsWith("%PDF-"u8))
        {
            throw new InvalidOperationException($"{producer} did not produce a PDF ({pdf.Length} bytes).");
        }
    }

    /// <summary>Counts image XObjects by their dictionary entry, which Chromium's PDF writer leaves uncompressed.</summary>
    public static void RequireImages(byte[] pdf, int expected, string producer)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var images = 0;
        foreach (var marker in new[] { "/Subtype /Image", "/Subtype/Image" })
        {
            for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                images++;
            }
        }
        if (images < expected)
        {
            throw new InvalidOperationException($"{producer}'s PDF has {images} images but the page has {expected} figures: images did not load.");
        }
    }
}
