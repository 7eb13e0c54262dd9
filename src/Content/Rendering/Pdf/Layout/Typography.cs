using Leaflets.Content.Rendering.Pdf.Fonts;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>
/// Every size and distance on the page, derived from the body size and the paper (UKAAF / RNIB
/// clear print numbers in standards.md): one place to change the look of every leaflet.
/// All lengths are PDF points (1/72 inch).
/// </summary>
internal sealed class Typography
{
    private const double PointsPerMillimetre = 72 / 25.4;

    /// <summary>Clear-print guidance asks for about 60 to 70 characters per line at most.</summary>
    public const int MaxCharactersPerLine = 65;

    public Typography(PdfRenderOptions options)
    {
        Body = options.BodySize;
        (PageWidth, PageHeight) = options.Paper switch
        {
            PaperSize.A4 => (595.28, 841.89),
            PaperSize.A5 => (419.53, 595.28),
            PaperSize.Letter => (612.0, 792.0),
            _ => throw new ArgumentOutOfRangeException(nameof(options)),
        };
        Margin = (options.Paper == PaperSize.A5 ? 15 : 20) * PointsPerMillimetre;
        var averageCharacter = AverageCharacterWidth() * Body;
        ContentWidth = Math.Min(PageWidth - (2 * Margin), MaxCharactersPerLine * averageCharacter);
    }

    public double Body { get; }

    public double PageWidth { get; }

    public double PageHeight { get; }

    /// <summary>The same on all four sides; at least 15 mm.</summary>
    public double Margin { get; }

    public double ContentLeft => Margin;

    public double ContentTop => Margin;

    public double ContentBottom => PageHeight - Margin;

    public double ContentWidth { get; }

    public double LineHeightFactor => 1.5;

    public double LineHeight(double size) => size * LineHeightFactor;

    public double HeadingSize(int level) => level switch
    {
        1 => Body * 1.75,
        2 => Body * 1.4,
        _ => Body * 1.2,
    };

    /// <summary>A clear gap between paragraphs: one body line's worth of white.</summary>
    public double ParagraphGap => Body;

    public double HeadingGapBefore(int level) => level == 1 ? 0 : Body * 1.5;

    public double HeadingGapAfter => Body * 0.5;

    /// <summary>Room for the list marker ("10." at most).</summary>
    public double ListIndent => Body * 2;

    public double CalloutPadding => Body * 0.75;

    public double CalloutBorder => 2;

    public double TableCellPadding => Body * 0.4;

    public double RuleWidth => 1;

    /// <summary>The gap between the footer rule and the last line of content above it.</summary>
    public double FooterGap => Body;

    /// <summary>Between the footer's title and its page number when they share a line: clearly two things, not one.</summary>
    public double FooterGutter => Body * 2;

    /// <summary>Easy read: the picture column (pictures left, words right).</summary>
    public double PictureColumnWidth => Math.Min(ContentWidth * 0.3, 40 * PointsPerMillimetre * (Body / 18));

    public double PictureGutter => Body;

    public double QrSize => 30 * PointsPerMillimetre;

    private static double AverageCharacterWidth()
    {
        // English text: lowercase letters and the spaces between words dominate.
        const string sample = "the quick brown fox jumps over the lazy dog and then rests a while";
        var face = LeafletFonts.Primary(bold: false);
        return sample.Sum(c => face.Advance(c)) / sample.Length;
    }
}
