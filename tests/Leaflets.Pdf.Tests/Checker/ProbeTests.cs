namespace Leaflets.Pdf.Tests.Checker;

public class ProbeTests
{
    [Fact]
    public void Probe()
    {
        File.WriteAllBytes("/tmp/checker-good.pdf", GoodTaggedPdf.Create());
    }
}
