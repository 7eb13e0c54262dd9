using System.Xml.Linq;
using Leaflets.Content.Checking.Pdf;
using Leaflets.Content.Rendering.Pdf;
using UglyToad.PdfPig;

namespace Leaflets.Pdf.Tests.Checker;

public class PdfUaMetadataTests
{
    static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    static readonly XNamespace PdfUaId = "http://www.aiim.org/pdfua/ns/id/";

    static XDocument XmpReadByPdfPig(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.TryGetXmpMetadata(out var xmp), "PdfPig found no XMP metadata.");
        return xmp.GetXDocument();
    }

    [Fact]
    public void An_independent_reader_sees_the_PDF_UA_identifier_title_and_language()
    {
        var xmp = XmpReadByPdfPig(GoodTaggedPdf.Create());

        Assert.Equal("1", xmp.Descendants(PdfUaId + "part").Single().Value);
        Assert.Equal(GoodTaggedPdf.Title, xmp.Descendants(DublinCore + "title").Single().Value);
        Assert.Equal(GoodTaggedPdf.Language, xmp.Descendants(DublinCore + "language").Single().Value);
    }

    [Fact]
    public void A_title_with_markup_characters_is_escaped_and_the_metadata_can_be_replaced_again()
    {
        var once = PdfUaMetadata.Apply(GoodTaggedPdf.Create(), "First title", "en-GB");
        var twice = PdfUaMetadata.Apply(once, "Hips & knees <easy read>", "cy");

        var xmp = XmpReadByPdfPig(twice);
        Assert.Equal("Hips & knees <easy read>", xmp.Descendants(DublinCore + "title").Single().Value);
        Assert.Equal("cy", xmp.Descendants(DublinCore + "language").Single().Value);
        using var document = PdfDocument.Open(twice);
        Assert.Equal(2, document.NumberOfPages);
    }

    [Fact]
    public void Bytes_without_a_pdf_trailer_are_rejected_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PdfUaMetadata.Apply("%PDF-1.7\nnothing else"u8.ToArray(), "Title", "en"));

        Assert.Contains("startxref", error.Message);
    }

    [Fact]
    public void The_checker_reads_the_replaced_metadata_not_the_one_PDFsharp_wrote()
    {
        var report = PdfAccessibilityChecker.Check(GoodTaggedPdf.Create(), expectedTitle: GoodTaggedPdf.Title);

        Assert.DoesNotContain(report.Findings, finding => finding.Checkpoint == PdfCheckpoints.Metadata);
    }
}
