using Leaflets.Content.Checking.Pdf;

namespace Leaflets.Pdf.Tests.Checker;

internal static class CheckerAssert
{
    public static PdfCheckReport Check(byte[] pdf) => PdfAccessibilityChecker.Check(pdf, GoodTaggedPdf.Language, GoodTaggedPdf.Title);

    /// <summary>The damaged PDF fails exactly the one checkpoint it was damaged for, so the test proves that catch.</summary>
    public static PdfCheckFinding OnlyFinding(byte[] pdf, string checkpoint)
    {
        var report = Check(pdf);
        Assert.True(report.FailedCheckpoints.SequenceEqual([checkpoint]),
            $"Expected only checkpoint {checkpoint}, got:\n{string.Join("\n", report.Findings)}");
        return report.Findings[0];
    }
}
