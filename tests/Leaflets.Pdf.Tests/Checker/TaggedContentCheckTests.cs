using Leaflets.Content.Checking.Pdf;
using Leaflets.Content.Model;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using static Leaflets.Pdf.Tests.Checker.CheckerAssert;

namespace Leaflets.Pdf.Tests.Checker;

/// <summary>Damage to marked content, the parent tree, annotations and fonts is caught checkpoint by checkpoint.</summary>
public class TaggedContentCheckTests
{
    [Fact]
    public void A_link_annotation_outside_the_structure_tree_fails_checkpoint_28()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
        {
            var link = PdfSurgery.ElementsOfType(document, "Link").Single();
            var kids = link.Elements.GetArray("/K")!;
            var reference = kids.Elements.Single(kid => (kid is PdfReference r ? r.Value : kid) is PdfDictionary d && d.Elements.GetName("/Type") == "/OBJR");
            kids.Elements.Remove(reference);
            PdfSurgery.FirstAnnotation(document).Elements.Remove("/StructParent");
        }), "28");

        Assert.Contains("not tagged", finding.Message);
        Assert.Equal("Link annotation #1 on page 1", finding.Element);
    }

    [Fact]
    public void A_link_without_a_description_fails_checkpoint_28()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.FirstAnnotation(document).Elements.Remove("/Contents")), "28");

        Assert.Contains("/Contents", finding.Message);
    }

    [Fact]
    public void A_standard_14_font_that_is_not_embedded_fails_checkpoint_31()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
        {
            var page = document.Pages[1];
            var helvetica = new PdfDictionary(document);
            helvetica.Elements.SetName("/Type", "/Font");
            helvetica.Elements.SetName("/Subtype", "/Type1");
            helvetica.Elements.SetName("/BaseFont", "/Helvetica");
            helvetica.Elements.SetName("/Encoding", "/WinAnsiEncoding");
            document.Internals.AddObject(helvetica);
            page.Elements.GetDictionary("/Resources")!.Elements.GetDictionary("/Font")!.Elements["/FHelv"] = helvetica.Reference;
            // Drawn as an artifact, so only the font is wrong, not the tagging.
            PdfSurgery.AppendContent(document, page, "/Artifact BMC BT /FHelv 12 Tf 72 40 Td (Printed copy) Tj ET EMC");
        }), "31");

        Assert.Equal("Font 'Helvetica' (first used on page 2)", finding.Element);
        Assert.Contains("not embedded", finding.Message);
    }

    [Fact]
    public void A_font_without_a_unicode_map_fails_checkpoint_31()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.FirstFont(document, out _).Elements.Remove("/ToUnicode")), "31");

        Assert.Contains("/ToUnicode", finding.Message);
    }

    [Fact]
    public void Text_painted_outside_marked_content_fails_checkpoint_01_on_its_page()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
        {
            PdfSurgery.FirstFont(document, out var font);
            PdfSurgery.AppendContent(document, document.Pages[0], $"BT {font} 12 Tf 72 40 Td <0026> Tj ET");
        }), "01");

        Assert.Equal(1, finding.Page);
        Assert.Contains("text", finding.Message);
    }

    [Fact]
    public void Marked_content_the_structure_tree_does_not_claim_fails_checkpoint_01()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.ElementsOfType(document, "P").First().Elements["/K"] = new PdfArray(document)), "01");

        Assert.Equal("MCID 1 on page 1", finding.Element);
    }

    [Fact]
    public void A_page_without_an_entry_into_the_parent_tree_fails_checkpoint_01()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document => document.Pages[1].Elements.Remove("/StructParents")), "01");

        Assert.Equal(2, finding.Page);
        Assert.Contains("/StructParents", finding.Message);
    }

    [Fact]
    public void A_parent_tree_that_leads_to_the_wrong_element_fails_checkpoint_01()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
        {
            var key = document.Pages[0].Elements.GetInteger("/StructParents");
            var root = PdfSurgery.Catalog(document).Elements.GetDictionary("/StructTreeRoot")!;
            var nums = root.Elements.GetDictionary("/ParentTree")!.Elements.GetArray("/Nums")!;
            var index = Enumerable.Range(0, nums.Elements.Count / 2).Single(i => nums.Elements.GetInteger(2 * i) == key);
            var entries = nums.Elements.GetArray(2 * index + 1)!;
            entries.Elements[0] = entries.Elements[1]; // MCID 0 (the H1) now claims to belong to the first P.
        }), "01");

        Assert.Contains("MCID 0", finding.Message);
        Assert.Equal(1, finding.Page);
    }

    [Fact]
    public void A_link_whose_struct_parent_is_missing_fails_checkpoint_28()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.FirstAnnotation(document).Elements.Remove("/StructParent")), "28");

        Assert.Contains("/StructParent", finding.Message);
    }

    [Fact]
    public void An_artifact_nested_inside_tagged_content_fails_checkpoint_01()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.AppendContent(document, document.Pages[0], "/P <</MCID 1>> BDC /Artifact BMC 0 0 m 10 10 l S EMC EMC")), "01");

        Assert.Contains("nested inside tagged content", finding.Message);
    }

    [Fact]
    public void Text_drawn_with_the_missing_glyph_fails_checkpoint_31()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
        {
            PdfSurgery.FirstFont(document, out var font);
            PdfSurgery.AppendContent(document, document.Pages[0], $"/Artifact BMC BT {font} 12 Tf 72 40 Td <00000026> Tj ET EMC");
        }), "31");

        Assert.Contains("1 character(s)", finding.Message);
        Assert.Equal(1, finding.Page);
    }

    [Fact]
    public void A_character_the_embedded_font_lacks_is_caught_as_tofu()
    {
        // U+E000 is a private-use code point: DejaVu Sans has no glyph for it, so PDFsharp can only draw .notdef.
        var report = CheckerAssert.Check(GoodTaggedPdf.WithParagraph("Call \uE000 now"));

        Assert.Contains(report.Findings, finding => finding.Checkpoint == "31" && finding.Page == 2 && finding.Message.Contains(".notdef"));
    }

    [Fact]
    public void Characters_the_embedded_font_has_are_not_tofu()
    {
        var report = CheckerAssert.Check(GoodTaggedPdf.WithParagraph("Café, naïve, 9 out of 10 – ±5 °C"));

        Assert.True(report.Passed, string.Join("\n", report.Findings));
    }
}
