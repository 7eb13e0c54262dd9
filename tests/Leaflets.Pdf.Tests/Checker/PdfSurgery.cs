using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Leaflets.Pdf.Tests.Checker;

/// <summary>Precise damage to an opened PDF, for making one bad fixture per checkpoint out of the good one.</summary>
internal static class PdfSurgery
{
    public static PdfDictionary Catalog(PdfDocument document) => document.Internals.Catalog;

    /// <summary>Structure elements in reading order.</summary>
    public static IEnumerable<PdfDictionary> StructureElements(PdfDocument document)
    {
        var root = Catalog(document).Elements.GetDictionary("/StructTreeRoot") ?? throw new InvalidOperationException("No structure tree.");
        return Walk(root.Elements["/K"]);

        static IEnumerable<PdfDictionary> Walk(PdfItem? kids)
        {
            var resolved = kids is PdfReference reference ? reference.Value : kids;
            var items = resolved is PdfArray array ? array.Elements.ToList() : resolved is null ? [] : [resolved];
            foreach (var item in items)
            {
                if ((item is PdfReference r ? r.Value : item) is PdfDictionary element && element.Elements.ContainsKey("/S"))
                {
                    yield return element;
                    foreach (var child in Walk(element.Elements["/K"]))
                        yield return child;
                }
            }
        }
    }

    public static IEnumerable<PdfDictionary> ElementsOfType(PdfDocument document, string type) =>
        StructureElements(document).Where(element => element.Elements.GetName("/S") == "/" + type);

    public static PdfDictionary FirstAnnotation(PdfDocument document) =>
        document.Pages[0].Elements.GetArray("/Annots")?.Elements.GetDictionary(0) ?? throw new InvalidOperationException("No annotation on page 1.");

    public static PdfDictionary FirstFont(PdfDocument document, out string resourceName)
    {
        var fonts = document.Pages[0].Elements.GetDictionary("/Resources")!.Elements.GetDictionary("/Font")!;
        resourceName = fonts.Elements.Keys.First();
        return fonts.Elements.GetDictionary(resourceName)!;
    }

    /// <summary>Appends raw content operators to a page, as a separate content stream after PDFsharp's own.</summary>
    public static void AppendContent(PdfDocument document, PdfPage page, string operators)
    {
        var stream = new PdfDictionary(document);
        stream.CreateStream(Encoding.ASCII.GetBytes(operators));
        document.Internals.AddObject(stream);
        var contents = page.Elements["/Contents"];
        var array = (contents is PdfReference reference ? reference.Value : contents) as PdfArray;
        if (array is null)
        {
            array = new PdfArray(document);
            if (contents is not null)
                array.Elements.Add(contents);
            page.Elements["/Contents"] = array;
        }
        array.Elements.Add(stream.Reference!);
    }
}
