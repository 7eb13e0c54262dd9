using Leaflets.Content.Checking.Pdf;
using Leaflets.Content.Model;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Leaflets.Pdf.Tests.Checker;

[Collection(CheckerFixtureCollection.Name)]
public class PdfAccessibilityCheckerTests
{
    static PdfCheckReport Check(byte[] pdf) => PdfAccessibilityChecker.Check(pdf, GoodTaggedPdf.Language, GoodTaggedPdf.Title);

    /// <summary>The damaged PDF fails exactly the one checkpoint it was damaged for, so the test proves that catch.</summary>
    static PdfCheckFinding OnlyFinding(byte[] pdf, string checkpoint)
    {
        var report = Check(pdf);
        Assert.True(report.FailedCheckpoints.SequenceEqual([checkpoint]),
            $"Expected only checkpoint {checkpoint}, got:\n{string.Join("\n", report.Findings)}");
        return report.Findings[0];
    }

    [Fact]
    public void A_tagged_pdf_made_with_the_UA_API_passes_every_checkpoint()
    {
        var report = Check(GoodTaggedPdf.Create());

        Assert.True(report.Passed, string.Join("\n", report.Findings));
    }

    [Fact]
    public void A_pdf_without_a_language_fails_checkpoint_11()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document => PdfSurgery.Catalog(document).Elements.Remove("/Lang")), "11");

        Assert.Contains("/Lang", finding.Message);
    }

    [Fact]
    public void A_pdf_in_another_language_than_the_leaflet_fails_checkpoint_11()
    {
        var report = PdfAccessibilityChecker.Check(GoodTaggedPdf.Create(), expectedLanguage: "cy");

        Assert.Equal(["11"], report.FailedCheckpoints);
        Assert.Contains("'en-GB'", report.Findings[0].Message);
    }

    [Fact]
    public void A_pdf_checked_against_its_leaflet_must_carry_the_leaflets_title_and_language()
    {
        var leaflet = new LeafletMetadata("Knee replacement", "Summary", "cy", new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), 1, [], [], []);

        var report = PdfAccessibilityChecker.Check(GoodTaggedPdf.Create(), leaflet);

        Assert.Equal(["06", "11"], report.FailedCheckpoints);
        Assert.Contains(report.Findings, finding => finding.Message.Contains("should be 'Knee replacement'"));
    }

    [Fact]
    public void A_figure_without_alternative_text_fails_checkpoint_13_and_names_the_figure()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.ElementsOfType(document, "Figure").Single().Elements.Remove("/Alt")), "13");

        Assert.Equal("Figure #1 on page 1", finding.Element);
        Assert.Equal(1, finding.Page);
    }

    [Fact]
    public void A_heading_that_skips_a_level_fails_checkpoint_14()
    {
        // H1, H2, H3, H2 becomes H1, H3, H3, H2.
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.ElementsOfType(document, "H2").First().Elements.SetName("/S", "/H3")), "14");

        Assert.Contains("H3 follows H1", finding.Message);
        Assert.Equal("H3 #1 on page 1", finding.Element);
    }

    [Fact]
    public void A_second_H1_fails_checkpoint_14()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.ElementsOfType(document, "H2").Last().Elements.SetName("/S", "/H1")), "14");

        Assert.Contains("2 H1 headings", finding.Message);
    }

    [Fact]
    public void A_table_without_header_cells_fails_checkpoint_15()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
        {
            foreach (var header in PdfSurgery.ElementsOfType(document, "TH").ToList())
                header.Elements.SetName("/S", "/TD");
        }), "15");

        Assert.Equal("Table #1 on page 1", finding.Element);
    }

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
    public void A_pdf_that_does_not_display_its_title_fails_checkpoint_07()
    {
        OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.Catalog(document).Elements.GetDictionary("/ViewerPreferences")!.Elements.SetBoolean("/DisplayDocTitle", false)), "07");
    }

    [Fact]
    public void PDFsharps_own_XMP_lacks_the_PDF_UA_identifier_and_fails_checkpoint_06()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(_ => { }, restoreUaMetadata: false), "06");

        Assert.Contains("pdfuaid:part", finding.Message);
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
    public void A_pdf_not_marked_as_tagged_fails_checkpoint_01()
    {
        OnlyFinding(GoodTaggedPdf.Altered(document => PdfSurgery.Catalog(document).Elements.Remove("/MarkInfo")), "01");
    }

    [Fact]
    public void A_non_standard_structure_type_without_a_role_map_fails_checkpoint_09()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.ElementsOfType(document, "P").First().Elements.SetName("/S", "/Callout")), "09");

        Assert.Contains("'Callout'", finding.Message);
    }

    [Fact]
    public void A_non_standard_structure_type_role_mapped_to_a_standard_one_passes()
    {
        var report = Check(GoodTaggedPdf.Altered(document =>
        {
            PdfSurgery.ElementsOfType(document, "P").First().Elements.SetName("/S", "/Callout");
            var roleMap = new PdfDictionary(document);
            roleMap.Elements.SetName("/Callout", "/Note");
            PdfSurgery.Catalog(document).Elements.GetDictionary("/StructTreeRoot")!.Elements["/RoleMap"] = roleMap;
        }));

        Assert.True(report.Passed, string.Join("\n", report.Findings));
    }

    [Fact]
    public void Table_rows_outside_a_table_fail_checkpoint_09()
    {
        var report = Check(GoodTaggedPdf.Altered(document =>
            PdfSurgery.ElementsOfType(document, "Table").Single().Elements.SetName("/S", "/Div")));

        Assert.Equal(["09"], report.FailedCheckpoints);
        Assert.Equal(["TR #1 on page 1", "TR #2 on page 1"], report.Findings.Select(finding => finding.Element));
        Assert.All(report.Findings, finding => Assert.Contains("parent is Div", finding.Message));
    }

    [Fact]
    public void An_artifact_nested_inside_tagged_content_fails_checkpoint_01()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.AppendContent(document, document.Pages[0], "/P <</MCID 1>> BDC /Artifact BMC 0 0 m 10 10 l S EMC EMC")), "01");

        Assert.Contains("nested inside tagged content", finding.Message);
    }

    [Fact]
    public void A_pdf_without_bookmarks_fails_the_bookmark_check()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document => PdfSurgery.Catalog(document).Elements.Remove("/Outlines")), "bookmarks");

        Assert.Contains("4 headings", finding.Message);
    }

    [Fact]
    public void Bytes_that_are_not_a_pdf_give_a_finding_not_a_crash()
    {
        var report = PdfAccessibilityChecker.Check("not a pdf at all"u8.ToArray());

        Assert.Equal(["file"], report.FailedCheckpoints);
    }
}
