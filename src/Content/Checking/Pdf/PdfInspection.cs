using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Leaflets.Content.Checking.Pdf;

/// <summary>What every rule needs: the catalog, the pages with their numbers, the structure tree and the findings.</summary>
internal sealed class PdfInspection
{
    public PdfInspection(PdfDocument document)
    {
        Document = document;
        Catalog = document.Internals.Catalog;
        Pages = [.. document.Pages];
        var numbers = new Dictionary<PdfObjectID, int>();
        for (var i = 0; i < Pages.Count; i++)
            if (Pages[i].Reference is { } reference)
                numbers[reference.ObjectID] = i + 1;
        PageNumbers = numbers;
        Tree = new StructureTree(Catalog, numbers);
    }

    public PdfDocument Document { get; }
    public PdfCatalog Catalog { get; }
    public IReadOnlyList<PdfPage> Pages { get; }
    public IReadOnlyDictionary<PdfObjectID, int> PageNumbers { get; }
    public StructureTree Tree { get; }
    public List<PdfCheckFinding> Findings { get; } = [];

    /// <summary>The page's scanned content streams (read once, shared by the rules), or the error that stopped the scan.</summary>
    public PageContent? Content(int index, out Exception? error)
    {
        _contents ??= new (PageContent?, Exception?)?[Pages.Count];
        if (_contents[index] is not { } scanned)
        {
            try
            {
                scanned = (MarkedContentScanner.Scan(Pages[index]), null);
            }
            catch (Exception failure) when (failure is PdfSharp.Pdf.Content.ContentReaderException or InvalidOperationException or FormatException)
            {
                scanned = (null, failure);
            }
            _contents[index] = scanned;
        }
        error = scanned.Item2;
        return scanned.Item1;
    }

    (PageContent?, Exception?)?[]? _contents;

    public void Fail(string checkpoint, string message, int? page = null, string? element = null) =>
        Findings.Add(new PdfCheckFinding(checkpoint, page, element, message));
}
