namespace Leaflets.Content.Readability;

/// <summary>The numbers from shared/standards.md that <see cref="ReadabilityCheck"/> applies.</summary>
public static class ReadabilityThresholds
{
    public const int EasyReadLongestSentenceWords = 15;
    public const double EasyReadAverageSentenceWords = 10;
    public const double PlainMaximumReadingAge = 14;
    public const double PlainWarningReadingAge = 11;
}
