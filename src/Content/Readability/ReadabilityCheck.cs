using System.Collections.Immutable;
using System.Globalization;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;

namespace Leaflets.Content.Readability;

/// <summary>
/// Applies the reading-level rules of shared/standards.md to one variant. Each finding names the file,
/// the line and the sentence, so an editor can go straight to it.
/// Easy read: every sentence 15 words or fewer, an average of 10 or fewer, no '%' sign (write "9 out of 10"),
/// a picture in every ## section; these hold in every language. Plain: reading age 14 or lower (an error above),
/// a warning above 11, only where the report has a reading age (English). The Spanish, German and French formulas
/// give a reading ease, for which no cited threshold exists, so they are reported but not gated.
/// </summary>
public static class ReadabilityCheck
{
    public const string SentenceTooLong = "easy-read-sentence-length";
    public const string AverageTooLong = "easy-read-average-sentence-length";
    public const string PercentSign = "easy-read-percent-sign";
    public const string SectionWithoutPicture = "easy-read-section-picture";
    public const string ReadingAgeTooHigh = "plain-reading-age";

    private const int QuotedSentenceLength = 160;

    public static ImmutableArray<ContentProblem> Check(LeafletDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = ReadabilityAnalyzer.SentencesOf(ReadableText.Of(document));
        var report = ReadabilityAnalyzer.Analyze(sentences, document.Metadata.Language);
        var problems = ImmutableArray.CreateBuilder<ContentProblem>();
        if (document.Variant == LeafletVariant.EasyRead)
        {
            CheckEasyRead(document, sentences, report, problems);
        }
        else
        {
            CheckPlain(document, sentences, report, problems);
        }
        return problems.ToImmutable();
    }

    private static void CheckEasyRead(LeafletDocument document, ImmutableArray<Sentence> sentences, ReadabilityReport report, ImmutableArray<ContentProblem>.Builder problems)
    {
        var path = document.SourcePath;
        foreach (var sentence in sentences.Where(s => s.Words.Length > ReadabilityThresholds.EasyReadLongestSentenceWords))
        {
            problems.Add(new ContentProblem(path, sentence.Line, SentenceTooLong,
                $"this sentence has {sentence.Words.Length} words; easy read allows {ReadabilityThresholds.EasyReadLongestSentenceWords}: {Quote(sentence)}"));
        }
        if (report.AverageSentenceWords > ReadabilityThresholds.EasyReadAverageSentenceWords && Longest(sentences) is { } longest)
        {
            problems.Add(new ContentProblem(path, longest.Line, AverageTooLong,
                $"sentences average {Number(report.AverageSentenceWords)} words; easy read allows {Number(ReadabilityThresholds.EasyReadAverageSentenceWords)}. The longest has {longest.Words.Length}: {Quote(longest)}"));
        }
        // Headings and alternative text are read too, so the % rule covers them as well as the body.
        var everything = ReadabilityAnalyzer.SentencesOf(ReadableText.Of(document, includeHeadings: true))
            .Concat(AlternativeTexts(document.Blocks));
        foreach (var sentence in everything.Where(s => s.Text.Contains('%', StringComparison.Ordinal)))
        {
            problems.Add(new ContentProblem(path, sentence.Line, PercentSign,
                $"easy read writes amounts in words and digits (\"9 out of 10\"), not with a % sign: {Quote(sentence)}"));
        }
        foreach (var (heading, hasPicture) in Sections(document.Blocks))
        {
            if (!hasPicture)
            {
                problems.Add(new ContentProblem(path, heading.Line, SectionWithoutPicture,
                    $"the section \"{heading.Inlines.PlainText()}\" has no picture; easy read needs at least one in every section"));
            }
        }
    }

    private static void CheckPlain(LeafletDocument document, ImmutableArray<Sentence> sentences, ReadabilityReport report, ImmutableArray<ContentProblem>.Builder problems)
    {
        if (report.ReadingAge is not { } readingAge || readingAge <= ReadabilityThresholds.PlainWarningReadingAge || Longest(sentences) is not { } longest)
        {
            return;
        }
        var error = readingAge > ReadabilityThresholds.PlainMaximumReadingAge;
        var limit = error
            ? $"the plain variant must not be above {Number(ReadabilityThresholds.PlainMaximumReadingAge)}"
            : $"aim for {Number(ReadabilityThresholds.PlainWarningReadingAge)} or lower";
        problems.Add(new ContentProblem(document.SourcePath, longest.Line, ReadingAgeTooHigh,
            $"reading age is {Number(readingAge)} (Flesch-Kincaid grade {Number(report.FleschKincaidGrade!.Value)}); {limit}. " +
            $"Shorter sentences and everyday words bring it down; the longest sentence has {longest.Words.Length} words: {Quote(longest)}",
            error ? ProblemSeverity.Error : ProblemSeverity.Warning));
    }

    private static Sentence? Longest(ImmutableArray<Sentence> sentences)
        => sentences.IsEmpty ? null : sentences.MaxBy(s => s.Words.Length);

    private static IEnumerable<Sentence> AlternativeTexts(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var figure = block switch
            {
                FigureBlock f => f,
                PictureRowBlock row => row.Figure,
                _ => null,
            };
            if (figure is { IsDecorative: false })
            {
                yield return new Sentence(figure.Line, figure.Alt, Sentences.WordsOf(figure.Alt));
            }
        }
    }

    /// <summary>Each ## section and whether it (or one of its ### subsections) has a picture.</summary>
    private static IEnumerable<(HeadingBlock Heading, bool HasPicture)> Sections(ImmutableArray<Block> blocks)
    {
        HeadingBlock? current = null;
        var hasPicture = false;
        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: 2 } heading)
            {
                if (current is not null)
                {
                    yield return (current, hasPicture);
                }
                current = heading;
                hasPicture = false;
            }
            else if (block is FigureBlock or PictureRowBlock)
            {
                hasPicture = true;
            }
        }
        if (current is not null)
        {
            yield return (current, hasPicture);
        }
    }

    private static string Quote(Sentence sentence)
        => "\"" + (sentence.Text.Length <= QuotedSentenceLength ? sentence.Text : sentence.Text[..QuotedSentenceLength] + "...") + "\"";

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
