using Leaflets.Content.Model;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Leaflets.Content.Checking.Pdf;

/// <summary>
/// Checks a PDF against the machine-checkable Matterhorn checkpoints we promise (01, 06, 07, 09, 11, 13, 14, 15,
/// 28, 31) and our bookmark rule, by reading its catalog, structure tree, content streams, annotations and fonts.
/// It proves the structure is there; whether alt text or reading order make sense still needs a person.
/// </summary>
public static class PdfAccessibilityChecker
{
    /// <summary>Checks a rendered leaflet variant: its PDF must also declare the variant's language and title.</summary>
    public static PdfCheckReport Check(byte[] pdf, LeafletMetadata expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return Check(pdf, expected.Language, expected.Title);
    }

    public static PdfCheckReport Check(byte[] pdf, string? expectedLanguage = null, string? expectedTitle = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        PdfDocument document;
        try
        {
            document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Import);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return new PdfCheckReport([new PdfCheckFinding(PdfCheckpoints.Unreadable, null, null,
                $"The file cannot be read as a PDF: {error.Message}")]);
        }

        using (document)
        {
            PdfInspection inspection;
            try
            {
                inspection = new PdfInspection(document);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                return new PdfCheckReport([new PdfCheckFinding(PdfCheckpoints.Unreadable, null, null,
                    $"The PDF's pages or structure tree cannot be read: {error.Message}")]);
            }

            Run(inspection, "document", () => DocumentRules.Apply(inspection, expectedLanguage, expectedTitle));
            Run(inspection, "structure", () => StructureRules.Apply(inspection));
            Run(inspection, "tagged content", () => TaggedContentRules.Apply(inspection));
            Run(inspection, "annotation", () => AnnotationRules.Apply(inspection));
            Run(inspection, "font", () => FontRules.Apply(inspection));
            Run(inspection, "glyph", () => GlyphRules.Apply(inspection));
            return new PdfCheckReport(inspection.Findings, document.PageCount);
        }
    }

    // A malformed file must give a finding that says which checks could not run, never an exception.
    static void Run(PdfInspection inspection, string rules, Action apply)
    {
        try
        {
            apply();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            inspection.Fail(PdfCheckpoints.Unreadable, $"The {rules} checks could not finish on this file: {error.Message}");
        }
    }
}
