using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Leaflets.Content.Checking.Pdf;

/// <summary>One structure element as found in the document, its type resolved through the role map.</summary>
internal sealed class TaggedElement(string type, string? standardType, TaggedElement? parent, PdfDictionary dictionary)
{
    public string Type { get; } = type;

    /// <summary>The PDF 1.7 standard type this element is or is role-mapped to; null when it maps to none.</summary>
    public string? StandardType { get; } = standardType;

    public TaggedElement? Parent { get; } = parent;
    public PdfDictionary Dictionary { get; } = dictionary;
    public List<TaggedElement> Children { get; } = [];
    public List<int> OwnPages { get; } = [];

    /// <summary>1-based position among elements of the same standard type, in reading order.</summary>
    public int Ordinal { get; set; }

    public int? Page => OwnPages.Count > 0 ? OwnPages[0] : Children.Select(child => child.Page).FirstOrDefault(page => page is not null);

    public string Describe() =>
        Page is { } page ? $"{StandardType ?? Type} #{Ordinal} on page {page}" : $"{StandardType ?? Type} #{Ordinal}";

    public IEnumerable<TaggedElement> Descendants() =>
        Children.SelectMany(child => child.Descendants().Prepend(child));
}

/// <summary>
/// The structure tree read from /StructTreeRoot: elements in reading order, which marked content (page, MCID)
/// each one owns, and which annotations are attached through object references (OBJR).
/// </summary>
internal sealed class StructureTree
{
    // PDF 1.7 (ISO 32000-1) section 14.8.4 standard structure types.
    static readonly HashSet<string> StandardTypes = new(StringComparer.Ordinal)
    {
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
        "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
        "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
        "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP",
        "Figure", "Formula", "Form",
    };

    readonly Dictionary<string, string> _roleMap = new(StringComparer.Ordinal);
    readonly Dictionary<(PdfObjectID Page, int Mcid), TaggedElement> _markedContent = [];
    readonly Dictionary<PdfObjectID, TaggedElement> _annotationOwners = [];
    readonly HashSet<PdfDictionary> _visited = new(ReferenceEqualityComparer.Instance);
    readonly IReadOnlyDictionary<PdfObjectID, int> _pageNumbers;
    readonly Dictionary<int, PdfItem> _parentTree = [];

    public bool Exists { get; }
    public List<TaggedElement> Roots { get; } = [];
    public List<TaggedElement> Elements { get; } = [];

    public StructureTree(PdfDictionary catalog, IReadOnlyDictionary<PdfObjectID, int> pageNumbers)
    {
        _pageNumbers = pageNumbers;
        var root = PdfObjects.Dictionary(catalog, "/StructTreeRoot");
        Exists = root is not null;
        if (root is null)
            return;

        if (PdfObjects.Dictionary(root, "/RoleMap") is { } roleMap)
        {
            foreach (var key in roleMap.Elements.Keys)
            {
                if (PdfObjects.Resolve(roleMap.Elements[key]) is PdfName target)
                    _roleMap[key.TrimStart('/')] = target.Value.TrimStart('/');
            }
        }

        if (PdfObjects.Dictionary(root, "/ParentTree") is { } parentTree)
            ReadNumberTree(parentTree, new HashSet<PdfDictionary>(ReferenceEqualityComparer.Instance));

        foreach (var kid in PdfObjects.Items(root.Elements["/K"]))
            ReadKid(kid, parent: null, inheritedPage: null);

        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in Elements)
        {
            var key = element.StandardType ?? element.Type;
            element.Ordinal = ordinals[key] = ordinals.GetValueOrDefault(key) + 1;
        }
    }

    public bool OwnsMarkedContent(PdfObjectID page, int mcid) => _markedContent.ContainsKey((page, mcid));

    public TaggedElement? AnnotationOwner(PdfObjectID annotation) => _annotationOwners.GetValueOrDefault(annotation);

    public TaggedElement? MarkedContentOwner(PdfObjectID page, int mcid) => _markedContent.GetValueOrDefault((page, mcid));

    /// <summary>The parent tree entry under <paramref name="key"/> (a page's /StructParents or an annotation's /StructParent).</summary>
    public PdfItem? ParentTreeEntry(int key) => _parentTree.TryGetValue(key, out var value) ? PdfObjects.Resolve(value) : null;

    void ReadNumberTree(PdfDictionary node, HashSet<PdfDictionary> visited)
    {
        if (!visited.Add(node))
            return;
        if (PdfObjects.Array(node, "/Nums") is { } pairs)
        {
            for (var i = 0; i + 1 < pairs.Elements.Count; i += 2)
            {
                if (PdfObjects.Integer(pairs.Elements[i]) is { } key)
                    _parentTree[key] = pairs.Elements[i + 1];
            }
        }
        foreach (var kid in PdfObjects.Items(node.Elements["/Kids"]))
        {
            if (PdfObjects.Dictionary(kid) is { } child)
                ReadNumberTree(child, visited);
        }
    }

    void ReadKid(PdfItem kid, TaggedElement? parent, PdfItem? inheritedPage)
    {
        if (PdfObjects.Integer(kid) is { } mcid)
        {
            if (parent is not null)
                AddMarkedContent(parent, inheritedPage, mcid);
            return;
        }

        if (PdfObjects.Dictionary(kid) is not { } dictionary)
            return;

        switch (PdfObjects.Name(dictionary, "/Type"))
        {
            case "MCR" when parent is not null && PdfObjects.Integer(dictionary.Elements["/MCID"]) is { } referenced:
                AddMarkedContent(parent, dictionary.Elements["/Pg"] ?? inheritedPage, referenced);
                return;
            case "OBJR" when parent is not null:
                if (PdfObjects.Identity(dictionary.Elements["/Obj"]) is { } target)
                    _annotationOwners[target] = parent;
                return;
        }

        if (PdfObjects.Name(dictionary, "/S") is not { } type || !_visited.Add(dictionary))
            return;

        var element = new TaggedElement(type, Standardise(type), parent, dictionary);
        Elements.Add(element);
        (parent?.Children ?? Roots).Add(element);
        var page = dictionary.Elements["/Pg"] ?? inheritedPage;
        foreach (var child in PdfObjects.Items(dictionary.Elements["/K"]))
            ReadKid(child, element, page);
    }

    void AddMarkedContent(TaggedElement owner, PdfItem? page, int mcid)
    {
        if (PdfObjects.Identity(page) is not { } pageId)
            return;
        _markedContent[(pageId, mcid)] = owner;
        if (_pageNumbers.TryGetValue(pageId, out var number) && !owner.OwnPages.Contains(number))
            owner.OwnPages.Add(number);
    }

    string? Standardise(string type)
    {
        // Follow the role map until a standard type is reached; a cycle or a dead end means there is none.
        var current = type;
        for (var step = 0; step < 16; step++)
        {
            if (StandardTypes.Contains(current))
                return current;
            if (!_roleMap.TryGetValue(current, out var next))
                return null;
            current = next;
        }
        return null;
    }
}
