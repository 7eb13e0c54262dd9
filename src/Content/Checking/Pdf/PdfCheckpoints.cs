namespace Leaflets.Content.Checking.Pdf;

/// <summary>
/// The machine-checkable Matterhorn Protocol 1.02 checkpoints our PDFs must pass (see shared/standards.md),
/// plus our own bookmark and caption rules and a pseudo-checkpoint for files that cannot be read at all.
/// </summary>
public static class PdfCheckpoints
{
    public const string Unreadable = "file";
    public const string RealContentTagged = "01";
    public const string Metadata = "06";
    public const string DisplayDocTitle = "07";
    public const string StandardStructureTypes = "09";
    public const string NaturalLanguage = "11";
    public const string AlternativeText = "13";
    public const string Headings = "14";
    public const string Tables = "15";
    public const string Annotations = "28";
    public const string Fonts = "31";
    public const string Bookmarks = "bookmarks";

    /// <summary>Our own rule: a figure's caption is tagged Caption inside its Figure, so it is read as part of it.</summary>
    public const string Captions = "captions";
}
