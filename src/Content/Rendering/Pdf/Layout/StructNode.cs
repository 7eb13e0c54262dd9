namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>The PDF/UA structure types we use; each mirrors a node of the document model.</summary>
internal enum StructKind
{
    H1,
    H2,
    H3,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
    Figure,
    /// <summary>A figure's caption: a child of its <see cref="Figure"/> after the picture, its words in a <see cref="P"/>.</summary>
    Caption,
    Link,
    Div,
    /// <summary>Words in another language than the element around them (<see cref="StructNode.Language"/>).</summary>
    Span,
}

/// <summary>
/// One structure element, created during layout and opened/closed while drawing. Identity matters:
/// every drawn item carries the chain of nodes it belongs to, and the drawer opens and closes
/// elements as that chain changes, so one element can span lines, columns and pages.
/// </summary>
internal sealed class StructNode(StructKind kind, StructNode? parent)
{
    public StructKind Kind { get; } = kind;

    public StructNode? Parent { get; } = parent;

    /// <summary>Figure: the alternative text. Link: the description a screen reader announces.</summary>
    public string? AltText { get; init; }

    /// <summary>Link: the target address.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// The BCP 47 tag of the element's words where it differs from the document's (the PDF's /Lang on the element):
    /// English words a strings file lacks, the main-language sentence of a translation's notice. Null: the language
    /// of the element around it.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>Headings: the words shown in the bookmark.</summary>
    public string? Bookmark { get; init; }

    public int Depth => Parent is null ? 1 : Parent.Depth + 1;

    public StructNode Child(StructKind kind) => new(kind, this);

    public bool IsHeading => Kind is StructKind.H1 or StructKind.H2 or StructKind.H3;

    public int HeadingLevel => Kind switch
    {
        StructKind.H1 => 1,
        StructKind.H2 => 2,
        StructKind.H3 => 3,
        _ => 0,
    };
}
