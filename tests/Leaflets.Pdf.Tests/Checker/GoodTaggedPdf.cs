using Leaflets.Content.Rendering.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PdfSharp.UniversalAccessibility;

namespace Leaflets.Pdf.Tests.Checker;

/// <summary>
/// A small leaflet-like PDF made the way our renderer makes them: tagged through PDFsharp's UA API, embedded font,
/// artifacts for running header and footer, a captioned figure, bookmarks for every heading and PDF/UA XMP. Bad fixtures start from it.
/// </summary>
internal static class GoodTaggedPdf
{
    public const string Title = "Cementoplasty: checker fixture";
    public const string Language = "en-GB";

    static readonly Lazy<byte[]> Bytes = new(() => Build(extraParagraph: null));

    public static byte[] Create() => (byte[])Bytes.Value.Clone();

    /// <summary>The same document with one more paragraph on page 2, drawn through the UA API like the rest.</summary>
    public static byte[] WithParagraph(string text) => Build(text);

    /// <summary>Opens the good PDF, lets <paramref name="change"/> damage one thing, and saves it with our XMP again.</summary>
    public static byte[] Altered(Action<PdfDocument> change, bool restoreUaMetadata = true)
    {
        using var input = new MemoryStream(Create());
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        change(document);
        using var output = new MemoryStream();
        document.Save(output, false);
        var saved = output.ToArray();
        return restoreUaMetadata ? PdfUaMetadata.Apply(saved, Title, Language) : saved;
    }

    static byte[] Build(string? extraParagraph)
    {
        var family = FixtureFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = Title;
        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage(Language);
        var tags = ua.StructureBuilder;
        // Unicode encoding makes PDFsharp write a Type0 font with a ToUnicode map, as the renderer does.
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var body = new XFont(family, 14, XFontStyleEx.Regular, unicode);
        var heading = new XFont(family, 22, XFontStyleEx.Regular, unicode);

        var first = document.AddPage();
        using (var page = XGraphics.FromPdfPage(first))
        {
            RunningText(page, tags, body, "Patient information", 30);
            Text(page, tags, PdfBlockLevelElementTag.Heading1, heading, "Cementoplasty", 80);
            Text(page, tags, PdfBlockLevelElementTag.Paragraph, body, "This leaflet explains the procedure.", 115);
            Text(page, tags, PdfBlockLevelElementTag.Heading2, heading, "What happens", 160);

            var figureBounds = new XRect(60, 180, 120, 80);
            tags.BeginElement(PdfIllustrationElementTag.Figure, "A needle guided into the hip bone", figureBounds);
            page.DrawRectangle(XPens.Black, XBrushes.LightGray, figureBounds);
            // As the renderer tags a caption: Caption inside its Figure, the words in a P (Caption only groups).
            tags.BeginElement(PdfGroupingElementTag.Caption);
            Text(page, tags, PdfBlockLevelElementTag.Paragraph, body, "The needle goes in through the skin.", 275);
            tags.End();
            tags.End();

            tags.BeginElement(PdfBlockLevelElementTag.Paragraph);
            page.DrawString("Read more at ", body, XBrushes.Black, 60, 300);
            var link = PdfSharp.Pdf.Annotations.PdfLinkAnnotation.CreateWebLink(new PdfRectangle(new XPoint(160, first.Height.Point - 304), new XPoint(300, first.Height.Point - 288)), "https://www.nhs.uk/");
            tags.BeginElement(link, "NHS website, www.nhs.uk");
            page.DrawString("www.nhs.uk", body, XBrushes.Black, 160, 300);
            tags.End();
            tags.End();

            tags.BeginElement(PdfBlockLevelElementTag.Table);
            Row(page, tags, PdfBlockLevelElementTag.TableHeaderCell, body, ["When", "What"], 340);
            Row(page, tags, PdfBlockLevelElementTag.TableDataCell, body, ["Day 1", "Rest"], 365);
            tags.End();
            RunningText(page, tags, body, "Page 1 of 2", 800);
        }

        var second = document.AddPage();
        using (var page = XGraphics.FromPdfPage(second))
        {
            RunningText(page, tags, body, "Patient information", 30);
            Text(page, tags, PdfBlockLevelElementTag.Heading3, heading, "On the day", 80);
            Text(page, tags, PdfBlockLevelElementTag.Paragraph, body, "Do not eat for six hours.", 115);
            Text(page, tags, PdfBlockLevelElementTag.Heading2, heading, "Afterwards", 160);
            Text(page, tags, PdfBlockLevelElementTag.Paragraph, body, "You can go home the same day.", 195);
            if (extraParagraph is not null)
                Text(page, tags, PdfBlockLevelElementTag.Paragraph, body, extraParagraph, 230);
            RunningText(page, tags, body, "Page 2 of 2", 800);
        }

        var top = document.Outlines.Add("Cementoplasty", first, true);
        var whatHappens = top.Outlines.Add("What happens", first, true);
        whatHappens.Outlines.Add("On the day", second);
        top.Outlines.Add("Afterwards", second);

        using var output = new MemoryStream();
        document.Save(output, false);
        return PdfUaMetadata.Apply(output.ToArray(), Title, Language);
    }

    static void Text(XGraphics page, StructureBuilder tags, PdfBlockLevelElementTag tag, XFont font, string text, double y, double x = 60)
    {
        tags.BeginElement(tag);
        page.DrawString(text, font, XBrushes.Black, x, y);
        tags.End();
    }

    static void Row(XGraphics page, StructureBuilder tags, PdfBlockLevelElementTag cellTag, XFont font, string[] cells, double y)
    {
        tags.BeginElement(PdfBlockLevelElementTag.TableRow);
        for (var i = 0; i < cells.Length; i++)
            Text(page, tags, cellTag, font, cells[i], y, 60 + i * 150);
        tags.End();
    }

    static void RunningText(XGraphics page, StructureBuilder tags, XFont font, string text, double y)
    {
        tags.BeginArtifact();
        page.DrawString(text, font, XBrushes.Black, 60, y);
        tags.End();
    }
}
