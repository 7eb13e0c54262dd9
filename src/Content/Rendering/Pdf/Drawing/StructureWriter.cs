using Leaflets.Content.Rendering.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;

namespace Leaflets.Content.Rendering.Pdf.Drawing;

/// <summary>
/// Keeps PDFsharp's structure builder in step with the items being drawn: before each item, the
/// elements that do not contain it are closed and the ones that do are opened. Headings become
/// bookmarks as they open; links become tagged link annotations; an element in another language gets its /Lang.
/// </summary>
internal sealed class StructureWriter(PdfDocument document, StructureBuilder builder)
{
    private readonly List<StructNode> _open = [];
    private readonly List<StructNode> _chain = [];
    private readonly PdfOutline?[] _outlineParents = new PdfOutline?[4];
    private int _annotationCount;

    public PdfPage Page { get; set; } = default!;

    public double PageHeight { get; set; }

    /// <summary>Where each link sits on the current page, collected before the page is drawn.</summary>
    public IReadOnlyDictionary<StructNode, List<XRect>> LinkAreas { get; set; } = new Dictionary<StructNode, List<XRect>>();

    /// <summary>Where each figure sits on the current page, its caption included: its bounding box.</summary>
    public IReadOnlyDictionary<StructNode, XRect> FigureAreas { get; set; } = new Dictionary<StructNode, XRect>();

    /// <summary>Opens and closes elements so that exactly <paramref name="node"/> and its ancestors are open.</summary>
    public void Enter(StructNode node, XRect bounds)
    {
        var chain = _chain;
        chain.Clear();
        for (var n = node; n?.Parent is not null; n = n.Parent)
        {
            chain.Add(n);
        }
        chain.Reverse();
        var common = 0;
        while (common < _open.Count && common < chain.Count && _open[common] == chain[common])
        {
            common++;
        }
        CloseTo(common);
        for (var i = common; i < chain.Count; i++)
        {
            Begin(chain[i], bounds);
            _open.Add(chain[i]);
        }
    }

    /// <summary>Draws decoration (or repeated or running text) outside the structure tree.</summary>
    public void Artifact(Action draw)
    {
        builder.BeginArtifact();
        draw();
        builder.End();
    }

    /// <summary>
    /// At a page break, links are closed (an annotation lives on one page); the elements around them
    /// stay open and continue on the next page.
    /// </summary>
    public void EndPage()
    {
        var link = _open.FindIndex(n => n.Kind == StructKind.Link);
        if (link >= 0)
        {
            CloseTo(link);
        }
        builder.EndMarkedContentsWithId();
    }

    public void CloseAll() => CloseTo(0);

    private void CloseTo(int depth)
    {
        while (_open.Count > depth)
        {
            builder.End();
            _open.RemoveAt(_open.Count - 1);
        }
    }

    private void Begin(StructNode node, XRect bounds)
    {
        switch (node.Kind)
        {
            case StructKind.Figure:
                // PDFsharp writes the bounding box as given, so it must already be in PDF space (origin bottom left).
                var area = FigureAreas.TryGetValue(node, out var figure) ? figure : bounds;
                builder.BeginElement(PdfIllustrationElementTag.Figure, node.AltText ?? "", new XRect(area.X, PageHeight - area.Bottom, area.Width, area.Height));
                break;
            case StructKind.Link:
                builder.BeginElement(CreateLink(node), node.AltText ?? node.Url ?? "");
                break;
            case StructKind.Div:
                builder.BeginElement(PdfGroupingElementTag.Division);
                break;
            case StructKind.Caption:
                builder.BeginElement(PdfGroupingElementTag.Caption);
                break;
            case StructKind.Span:
                builder.BeginElement(PdfInlineLevelElementTag.Span);
                break;
            default:
                builder.BeginElement(BlockTag(node.Kind));
                if (node.Kind == StructKind.TH)
                {
                    builder.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/Column");
                }
                if (node.IsHeading)
                {
                    AddBookmark(node, bounds);
                }
                break;
        }
        if (node.Language is { } language)
        {
            builder.CurrentStructureElement.Elements.SetString("/Lang", language);
        }
    }

    private PdfLinkAnnotation CreateLink(StructNode node)
    {
        var areas = LinkAreas.TryGetValue(node, out var found) ? found : [];
        var union = areas.Aggregate(XRect.Empty, (all, area) => all.IsEmpty ? area : XRect.Union(all, area));
        var link = PdfLinkAnnotation.CreateWebLink(ToPdf(union), node.Url ?? "");
        if (areas.Count > 1)
        {
            // One annotation for a link that wraps: QuadPoints mark each line's words.
            var quads = new PdfArray(document);
            foreach (var area in areas)
            {
                var r = ToPdf(area);
                foreach (var v in new[] { r.X1, r.Y2, r.X2, r.Y2, r.X1, r.Y1, r.X2, r.Y1 })
                {
                    quads.Elements.Add(new PdfReal(Math.Round(v, 2)));
                }
            }
            link.Elements["/QuadPoints"] = quads;
        }
        link.Elements["/Border"] = new PdfArray(document, new PdfInteger(0), new PdfInteger(0), new PdfInteger(0));
        link.Elements.SetInteger("/F", 4); // Print flag, required by PDF/UA for visible annotations.
        // PDFsharp stamps annotations with a random name and the current time; fixed values keep output deterministic.
        link.Elements.SetString("/NM", $"link-{++_annotationCount}");
        link.Elements.Remove("/M");
        return link;
    }

    private PdfRectangle ToPdf(XRect rect) => new(new XPoint(rect.Left, PageHeight - rect.Bottom), new XPoint(rect.Right, PageHeight - rect.Top));

    private void AddBookmark(StructNode heading, XRect bounds)
    {
        var level = heading.HeadingLevel;
        var title = heading.Bookmark ?? "";
        var parent = Enumerable.Range(1, level - 1).Reverse().Select(l => _outlineParents[l]).FirstOrDefault(o => o is not null);
        var outline = parent is null ? document.Outlines.Add(title, Page, true) : parent.Outlines.Add(title, Page, true);
        outline.PageDestinationType = PdfPageDestinationType.Xyz;
        outline.Left = 0;
        outline.Top = Math.Round(PageHeight - bounds.Top, 2);
        _outlineParents[level] = outline;
        for (var deeper = level + 1; deeper < _outlineParents.Length; deeper++)
        {
            _outlineParents[deeper] = null;
        }
    }

    private static PdfBlockLevelElementTag BlockTag(StructKind kind) => kind switch
    {
        StructKind.H1 => PdfBlockLevelElementTag.Heading1,
        StructKind.H2 => PdfBlockLevelElementTag.Heading2,
        StructKind.H3 => PdfBlockLevelElementTag.Heading3,
        StructKind.P => PdfBlockLevelElementTag.Paragraph,
        StructKind.L => PdfBlockLevelElementTag.List,
        StructKind.LI => PdfBlockLevelElementTag.ListItem,
        StructKind.Lbl => PdfBlockLevelElementTag.Label,
        StructKind.LBody => PdfBlockLevelElementTag.ListBody,
        StructKind.Table => PdfBlockLevelElementTag.Table,
        StructKind.TR => PdfBlockLevelElementTag.TableRow,
        StructKind.TH => PdfBlockLevelElementTag.TableHeaderCell,
        StructKind.TD => PdfBlockLevelElementTag.TableDataCell,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a block-level element."),
    };
}
