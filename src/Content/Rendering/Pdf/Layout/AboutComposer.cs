using System.Globalization;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>
/// What tells a reader how current the leaflet is, as real tagged content: the running footer is an artifact that a
/// screen reader never reads out, so the version and review dates are printed under the title on page 1 and again in
/// "About this leaflet" at the end, in the words and order of the web page's footer (<c>Html/HtmlAboutSection</c>):
/// the heading, the review status (unless it already leads page 1), version, last reviewed, next review due.
/// </summary>
internal sealed class AboutComposer(FlowBuilder flow, BlockComposer blocks, LeafletMetadata metadata, ReviewStatus status, ReaderStrings strings)
{
    /// <summary>Version, last reviewed, next review due: a paragraph each, the term bold, at body size, kept on one page.</summary>
    public void ComposeDetails(Column column)
    {
        var first = flow.Slices.Count;
        var words = strings.Leaflet;
        var page = metadata.Language;
        var dates = strings.LanguageInside(s => s.Months, page);
        (string Term, string? TermLanguage, string Value, string? ValueLanguage)[] details =
        [
            (words.Version, strings.LanguageInside(s => s.Leaflet.Version, page), metadata.Version.ToString(CultureInfo.InvariantCulture), null),
            (words.LastReviewed, strings.LanguageInside(s => s.Leaflet.LastReviewed, page), ReaderDate.Format(metadata.LastReviewed, strings), dates),
            (words.NextReviewDue, strings.LanguageInside(s => s.Leaflet.NextReviewDue, page), ReaderDate.Format(metadata.NextReview, strings), dates),
        ];
        var type = flow.Typography;
        for (var i = 0; i < details.Length; i++)
        {
            var (term, termLanguage, value, valueLanguage) = details[i];
            // One detail to a line, without paragraph gaps between them: they read as one short list.
            flow.AddParagraph([new TextRun(term, true, null, termLanguage), new TextRun(" " + value, false, null, valueLanguage)],
                type.Body, column, column.Parent.Child(StructKind.P), i == 0 ? type.ParagraphGap : 0);
        }
        foreach (var line in flow.Slices.Skip(first).SkipLast(1))
        {
            line.HoldAtLeast(Keep.Always);
        }
    }

    /// <summary>"About this leaflet" (H2), the review status when page 1 does not already lead with it, then the details.</summary>
    public void ComposeSection(Column column)
    {
        blocks.ComposeHeading(strings.Leaflet.AboutThisLeaflet, strings.LanguageInside(s => s.Leaflet.AboutThisLeaflet, metadata.Language), column);
        if (!ReviewNotice.LeadsTheLeaflet(status))
        {
            var notice = ReviewNotice.For(status, metadata.NextReview, strings, metadata.Language);
            flow.AddParagraph(Runs(notice), flow.Typography.Body, column, column.Parent.Child(StructKind.P), flow.Typography.ParagraphGap);
        }
        ComposeDetails(column);
    }

    /// <summary>A review notice's words: the stressed sentence bold, each in the language it is written in.</summary>
    public static TextRun[] Runs(ReviewNotice notice) => notice.Emphasis is { } emphasis
        ? [new TextRun(emphasis + " ", true, null, notice.EmphasisLanguage), new TextRun(notice.Text, false, null, notice.TextLanguage)]
        : [new TextRun(notice.Text, false, null, notice.TextLanguage)];
}
