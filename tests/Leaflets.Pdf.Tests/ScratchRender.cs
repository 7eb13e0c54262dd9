using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Pdf.Tests;

public class ScratchRender
{
    [Fact]
    public void Writes_sample_files_for_inspection()
    {
        var renderer = new LeafletPdfRenderer();
        var leaflet = TestLeaflets.Sample(tableRows: 14);
        File.WriteAllBytes("/tmp/plain.pdf", renderer.Render(leaflet, LeafletVariant.Plain, new PdfRenderOptions(PublicUrl: "https://leaflets.example.org/leaflets/cementoplasty")));
        File.WriteAllBytes("/tmp/easy.pdf", renderer.Render(leaflet, LeafletVariant.EasyRead, new PdfRenderOptions(24, PaperSize.A5)));
    }
}
