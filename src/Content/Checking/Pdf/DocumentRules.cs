using System.Text;
using System.Xml;
using System.Xml.Linq;
using PdfSharp.Pdf;

namespace Leaflets.Content.Checking.Pdf;

/// <summary>Catalog-level checks: tagged-PDF markers (01), XMP metadata and title (06), DisplayDocTitle (07), /Lang (11).</summary>
internal static class DocumentRules
{
    static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    static readonly XNamespace PdfUaId = "http://www.aiim.org/pdfua/ns/id/";

    public static void Apply(PdfInspection inspection, string? expectedLanguage, string? expectedTitle)
    {
        var catalog = inspection.Catalog;
        if (PdfObjects.Dictionary(catalog, "/MarkInfo") is not { } markInfo || !markInfo.Elements.GetBoolean("/Marked"))
            inspection.Fail(PdfCheckpoints.RealContentTagged, "The catalog does not declare /MarkInfo << /Marked true >>.");
        if (!inspection.Tree.Exists)
            inspection.Fail(PdfCheckpoints.RealContentTagged, "The document has no structure tree (/StructTreeRoot).");

        CheckMetadata(inspection, expectedTitle);

        var viewer = PdfObjects.Dictionary(catalog, "/ViewerPreferences");
        if (viewer is null || !viewer.Elements.GetBoolean("/DisplayDocTitle"))
            inspection.Fail(PdfCheckpoints.DisplayDocTitle, "/ViewerPreferences /DisplayDocTitle is not true, so viewers show the file name instead of the title.");

        var language = PdfObjects.Text(catalog, "/Lang");
        if (string.IsNullOrWhiteSpace(language))
            inspection.Fail(PdfCheckpoints.NaturalLanguage, "The catalog has no /Lang, so the document language is not declared.");
        else if (expectedLanguage is not null && !string.Equals(language.Trim(), expectedLanguage.Trim(), StringComparison.OrdinalIgnoreCase))
            inspection.Fail(PdfCheckpoints.NaturalLanguage, $"The document language is '{language}' but the leaflet is in '{expectedLanguage}'.");
    }

    static void CheckMetadata(PdfInspection inspection, string? expectedTitle)
    {
        var infoTitle = inspection.Document.Info.Title;
        var xmp = ReadXmp(inspection);
        var xmpTitle = xmp?.Descendants(DublinCore + "title").Descendants(Rdf + "li").Select(li => li.Value).FirstOrDefault(IsPresent);

        if (xmp is not null)
        {
            if (xmpTitle is null)
                inspection.Fail(PdfCheckpoints.Metadata, "The XMP metadata has no dc:title.");
            if (PdfUaPart(xmp) is not "1")
                inspection.Fail(PdfCheckpoints.Metadata, "The XMP metadata does not identify the file as PDF/UA (pdfuaid:part = 1).");
        }

        var title = xmpTitle ?? infoTitle;
        if (!IsPresent(title))
            inspection.Fail(PdfCheckpoints.Metadata, "The document has no title (neither dc:title in XMP nor /Title in the document information).");
        else if (expectedTitle is not null && !string.Equals(title!.Trim(), expectedTitle.Trim(), StringComparison.Ordinal))
            inspection.Fail(PdfCheckpoints.Metadata, $"The document title is '{title}' but should be '{expectedTitle}'.");
    }

    static XDocument? ReadXmp(PdfInspection inspection)
    {
        if (PdfObjects.Dictionary(inspection.Catalog, "/Metadata") is not { } stream)
        {
            inspection.Fail(PdfCheckpoints.Metadata, "The catalog has no XMP metadata stream (/Metadata).");
            return null;
        }

        var text = Encoding.UTF8.GetString(PdfObjects.StreamBytes(stream)).TrimStart('\uFEFF');
        try
        {
            return XDocument.Parse(text);
        }
        catch (XmlException error)
        {
            inspection.Fail(PdfCheckpoints.Metadata, $"The XMP metadata is not well-formed XML: {error.Message}");
            return null;
        }
    }

    // pdfuaid:part may be written as an element or, in RDF's abbreviated form, as an attribute of rdf:Description.
    static string? PdfUaPart(XDocument xmp) =>
        xmp.Descendants(PdfUaId + "part").Select(part => part.Value.Trim()).FirstOrDefault()
        ?? xmp.Descendants(Rdf + "Description").Select(description => description.Attribute(PdfUaId + "part")?.Value.Trim())
            .FirstOrDefault(value => value is not null);

    static bool IsPresent(string? text) => !string.IsNullOrWhiteSpace(text);
}
