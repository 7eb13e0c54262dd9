using Leaflets.Content.Checking.Pdf;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Text;

namespace Leaflets.Content.Checking;

/// <summary>
/// The publish gate's print half: renders every leaflet variant, translations included, with each of the given print options and
/// checks each PDF against our PDF/UA checkpoints, so no leaflet is published that prints inaccessibly.
/// Each PDF is checked as it would be served today: with the review status the clock gives it, so an
/// overdue leaflet's notice is checked too. Also holds easy read to its length limit at the default print size.
/// </summary>
public sealed class PrintAccessibilityCheck(ILeafletPdfRenderer renderer, IReadOnlyList<PdfRenderOptions> printOptions, TimeProvider? time = null)
    : IContentCheck
{
    public const string RulePrefix = "pdf-ua-";
    public const string EasyReadTooLongRule = "easy-read-too-long";

    /// <summary>A print over <see cref="LeafletPdfRenderer.MaxPages"/>: the renderer refuses it, so it could never be served.</summary>
    public const string PrintTooLongRule = "print-too-long";

    /// <summary>Easy read guidance: 20 pages or fewer.</summary>
    public const int EasyReadMaxPages = 20;

    /// <summary>Every size and paper a clinic can ask for.</summary>
    public static IReadOnlyList<PdfRenderOptions> AllPrintOptions { get; } =
        [.. PdfRenderOptions.AllowedSizes.SelectMany(size => PdfRenderOptions.AllowedPapers.Select(paper => new PdfRenderOptions(size, paper)))];

    public static IReadOnlyList<PdfRenderOptions> DefaultPrintOnly { get; } = [new PdfRenderOptions()];

    public IEnumerable<ContentProblem> Check(ContentLoadResult content)
    {
        var today = (time ?? TimeProvider.System).Today();
        foreach (var leaflet in content.Leaflets.Values)
        {
            foreach (var document in leaflet.AllDocuments)
            {
                var status = ReviewStatuses.Of(document.Metadata, today);
                foreach (var options in printOptions)
                {
                    foreach (var problem in CheckOne(leaflet, document, options, status, content.Strings))
                    {
                        yield return problem;
                    }
                }
            }
        }
    }

    private IEnumerable<ContentProblem> CheckOne(Leaflet leaflet, LeafletDocument document, PdfRenderOptions options, ReviewStatus status, StringsLibrary strings)
    {
        var print = $"{options.BodySize} pt {options.Paper}";
        byte[] pdf;
        try
        {
            pdf = renderer.Render(new PdfRequest(leaflet.Id, document, leaflet.Images, options with { ReviewStatus = status }, strings: strings));
        }
        catch (PrintTooLongException tooLong)
        {
            return [new ContentProblem(document.SourcePath, 1, PrintTooLongRule, $"{print}: {tooLong.Message}")];
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            return [new ContentProblem(document.SourcePath, 1, RulePrefix + "render", $"{print}: the PDF could not be rendered: {error.Message}")];
        }

        var report = PdfAccessibilityChecker.Check(pdf, document.Metadata);
        var problems = report.Findings
            .Select(finding => new ContentProblem(document.SourcePath, 1, RulePrefix + finding.Checkpoint, $"{print}: {finding}"))
            .ToList();
        if (document.Variant == LeafletVariant.EasyRead && options == new PdfRenderOptions() && report.PageCount > EasyReadMaxPages)
        {
            problems.Add(new ContentProblem(document.SourcePath, 1, EasyReadTooLongRule,
                $"{print}: easy read prints on {report.PageCount} pages; keep it to {EasyReadMaxPages} or fewer."));
        }
        return problems;
    }
}
