using Leaflets.Content.Checking.Pdf;
using Xunit.Abstractions;

namespace Leaflets.Pdf.Tests.Checker;

public class ProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var report = PdfAccessibilityChecker.Check(GoodTaggedPdf.Create(), "en-GB");
        foreach (var f in report.Findings) output.WriteLine(f.ToString());
        Assert.Empty(report.Findings);
    }
}
