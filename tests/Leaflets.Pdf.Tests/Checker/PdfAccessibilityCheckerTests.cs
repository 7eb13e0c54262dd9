using Leaflets.Content.Checking.Pdf;
using Leaflets.Content.Model;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using static Leaflets.Pdf.Tests.Checker.CheckerAssert;

namespace Leaflets.Pdf.Tests.Checker;

/// <summary>The good fixture passes; document-level and structure-tree damage is caught checkpoint by checkpoint.</summary>
public class PdfAccessibilityCheckerTests
{
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
    public void A_structure_element_whose_Lang_is_not_a_language_tag_fails_checkpoint_11_and_names_the_element()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.ElementsOfType(document, "H1").Single().Elements.SetString("/Lang", "English please")), "11");

        Assert.Contains("'English please'", finding.Message);
        Assert.StartsWith("H1", finding.Element);
    }

    [Fact]
    public void A_structure_element_with_a_well_formed_Lang_passes()
    {
        var report = Check(GoodTaggedPdf.Altered(document =>
            PdfSurgery.ElementsOfType(document, "H1").Single().Elements.SetString("/Lang", "en")));

        Assert.True(report.Passed, string.Join("\n", report.Findings));
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
    public void A_caption_tagged_P_inside_its_figure_fails_the_caption_rule()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.ElementsOfType(document, "Caption").Single().Elements.SetName("/S", "/P")), PdfCheckpoints.Captions);

        Assert.Contains("caption as P", finding.Message);
        Assert.Equal("Figure #1 on page 1", finding.Element);
    }

    [Fact]
    public void A_caption_outside_a_figure_fails_the_caption_rule()
    {
        var finding = OnlyFinding(GoodTaggedPdf.Altered(document =>
            PdfSurgery.ElementsOfType(document, "Figure").Single().Elements.SetName("/S", "/Div")), PdfCheckpoints.Captions);

        Assert.Contains("Caption must be inside a Figure, but its parent is Div", finding.Message);
        Assert.Equal("Caption #1 on page 1", finding.Element);
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

    [Fact]
    public void A_truncated_pdf_gives_findings_not_a_crash()
    {
        var good = GoodTaggedPdf.Create();

        var report = PdfAccessibilityChecker.Check(good[..(good.Length / 2)]);

        Assert.False(report.Passed);
    }
}
