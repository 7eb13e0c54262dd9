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

    /// <summary>
    /// The narrowest column words are set in. Below about 25 characters a line holds three or four words: the eye spends
    /// as long finding the next line as reading this one, and phrases are broken apart (the easy read at 24 pt A5 had
    /// 13-character lines beside its pictures: "for the people who"). So an easy-read picture goes above its words
    /// when the column beside it would be narrower, as the web page does on a narrow screen.
    /// </summary>
    public const int MinCharactersPerLine = 25;

    /// <summary>
    /// A picture may be drawn down to two thirds of its size to stay on a page rather than leave a gap larger than
    /// <see cref="Paginator.MaxGapShare"/>: the largest picture (45% of the content height) then fits the largest gap
    /// allowed to stay empty (30%), and a picture still reads at two thirds of its size.
    /// </summary>
    public const double MinPictureScale = 2.0 / 3;

    private readonly double _averageCharacter;

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
        _averageCharacter = AverageCharacterWidth() * Body;
        ContentWidth = Math.Min(PageWidth - (2 * Margin), CharactersWidth(MaxCharactersPerLine));
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

    /// <summary>The width of <paramref name="count"/> characters of English text at body size.</summary>
    public double CharactersWidth(int count) => count * _averageCharacter;

    public double LineHeightFactor => 1.5;

    public double LineHeight(double size) => size * LineHeightFactor;

    public double HeadingSize(int level) => level switch
    {
        1 => Body * 1.75,
        2 => Body * 1.4,
        _ => Body * 1.2,
    };

    /// <summary>
    /// A heading taller than this is set smaller (<see cref="FlowBuilder.AddHeading"/>), never below
    /// <see cref="MinHeadingSize"/>: with its first two lines of text and the footer it must share a page, and a heading
    /// filling a third of the page is no longer read at a glance. A third of the space between the margins holds two
    /// lines of the title and three of a section heading at every size and paper we print.
    /// </summary>
    public double MaxHeadingHeight => (ContentBottom - ContentTop) / 3;

    /// <summary>A heading set smaller stays 2 pt above the body text, so it still reads as a heading.</summary>
    public double MinHeadingSize => Body + 2;

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
