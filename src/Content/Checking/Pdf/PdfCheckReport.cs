namespace Leaflets.Content.Checking.Pdf;

/// <summary>One failed check: which Matterhorn checkpoint, where (page and element when known) and what is wrong.</summary>
public sealed record PdfCheckFinding(string Checkpoint, int? Page, string? Element, string Message)
{
    public override string ToString()
    {
        var where = (Page, Element) switch
        {
            (_, not null) => $"{Element}: ",
            (not null, null) => $"page {Page}: ",
            _ => "",
        };
        return $"[{Checkpoint}] {where}{Message}";
    }
}

/// <summary>The findings, and the page count (0 when the file could not be read) for length rules such as easy read's 20 pages.</summary>
public sealed record PdfCheckReport(IReadOnlyList<PdfCheckFinding> Findings, int PageCount = 0)
{
    public bool Passed => Findings.Count == 0;

    public IReadOnlyCollection<string> FailedCheckpoints =>
        Findings.Select(finding => finding.Checkpoint).Distinct().Order(StringComparer.Ordinal).ToArray();
}
