using Leaflets.Content.Model;
using PdfSharp.Pdf;

namespace Leaflets.Content.Checking.Pdf;

/// <summary>
/// Checks on the structure tree itself: standard types (09), each element's language (11), figure alternatives (13), heading order (14),
/// table headers (15), a bookmark for every heading and captions inside their figures.
/// </summary>
internal static class StructureRules
{
    public static void Apply(PdfInspection inspection)
    {
        var tree = inspection.Tree;
        if (!tree.Exists)
            return;

        foreach (var element in tree.Elements)
        {
            if (element.StandardType is null)
                inspection.Fail(PdfCheckpoints.StandardStructureTypes,
                    $"Structure type '{element.Type}' is not a standard type and is not role-mapped to one.", element.Page, element.Describe());
        }

        CheckNesting(inspection, tree);

        foreach (var figure in tree.Elements.Where(element => element.StandardType == "Figure"))
        {
            if (!HasText(figure.Dictionary, "/Alt") && !HasText(figure.Dictionary, "/ActualText"))
                inspection.Fail(PdfCheckpoints.AlternativeText, "Figure has no alternative text (/Alt) or /ActualText.", figure.Page, figure.Describe());
        }

        // Matterhorn 11-006: an element's /Lang (words in another language than the document's) must name a language.
        foreach (var element in tree.Elements.Where(element => element.Dictionary.Elements.ContainsKey("/Lang")))
        {
            var language = PdfObjects.Text(element.Dictionary, "/Lang");
            if (!LanguageTags.IsWellFormed(language))
                inspection.Fail(PdfCheckpoints.NaturalLanguage,
                    language is null ? "The element's /Lang is not a text string." : $"The element's /Lang '{language}' is not a BCP 47 language tag.",
                    element.Page, element.Describe());
        }

        var headings = tree.Elements.Where(element => HeadingLevel(element) is not null).ToList();
        CheckHeadings(inspection, headings);
        CheckTables(inspection, tree);
        CheckBookmarks(inspection, headings.Count);
        CheckCaptions(inspection, tree);
    }

    // Matterhorn 09-004 to 09-008: table, list and TOC parts only make sense inside their container.
    static readonly Dictionary<string, string[]> RequiredParents = new(StringComparer.Ordinal)
    {
        ["TR"] = ["Table", "THead", "TBody", "TFoot"],
        ["TH"] = ["TR"],
        ["TD"] = ["TR"],
        ["THead"] = ["Table"],
        ["TBody"] = ["Table"],
        ["TFoot"] = ["Table"],
        ["LI"] = ["L"],
        ["Lbl"] = ["LI"],
        ["LBody"] = ["LI"],
        ["TOCI"] = ["TOC"],
    };

    static void CheckNesting(PdfInspection inspection, StructureTree tree)
    {
        foreach (var element in tree.Elements)
        {
            if (element.StandardType is not { } type || !RequiredParents.TryGetValue(type, out var parents))
                continue;
            var parentType = element.Parent?.StandardType;
            if (parentType is null || !parents.Contains(parentType))
                inspection.Fail(PdfCheckpoints.StandardStructureTypes,
                    $"{type} must be inside {string.Join(" or ", parents)}, but its parent is {parentType ?? element.Parent?.Type ?? "the structure tree root"}.",
                    element.Page, element.Describe());
        }
    }

    static void CheckHeadings(PdfInspection inspection, List<TaggedElement> headings)
    {
        var topLevel = headings.Count(heading => HeadingLevel(heading) == 1);
        if (topLevel != 1)
            inspection.Fail(PdfCheckpoints.Headings, $"The document has {topLevel} H1 headings; it must have exactly one.");

        var previous = 0;
        foreach (var heading in headings)
        {
            var level = HeadingLevel(heading)!.Value;
            if (level == 0)
                continue; // An unnumbered H says nothing about nesting.
            if (level > previous + 1)
                inspection.Fail(PdfCheckpoints.Headings,
                    previous == 0 ? $"The first heading is H{level}, not H1." : $"H{level} follows H{previous}: a heading level is skipped.",
                    heading.Page, heading.Describe());
            previous = level;
        }
    }

    static void CheckTables(PdfInspection inspection, StructureTree tree)
    {
        foreach (var table in tree.Elements.Where(element => element.StandardType == "Table"))
        {
            var cells = CellsOf(table).ToList();
            if (!cells.Any(cell => cell.StandardType == "TH"))
                inspection.Fail(PdfCheckpoints.Tables, "Table has no header cells (TH).", table.Page, table.Describe());
        }
    }

    // Cells of this table only: a nested table's cells belong to that table.
    static IEnumerable<TaggedElement> CellsOf(TaggedElement table) =>
        table.Children.SelectMany(child => child.StandardType switch
        {
            "Table" => [],
            "TH" or "TD" => [child],
            _ => CellsOf(child),
        });

    // A caption tagged P beside or inside its figure is read as one more paragraph, not as the figure's caption; a
    // Caption outside a Figure captions nothing. The renderer puts each caption in its Figure, after the picture.
    static void CheckCaptions(PdfInspection inspection, StructureTree tree)
    {
        foreach (var element in tree.Elements)
        {
            if (element.StandardType == "Caption" && element.Parent?.StandardType != "Figure")
                inspection.Fail(PdfCheckpoints.Captions,
                    $"Caption must be inside a Figure, but its parent is {element.Parent?.StandardType ?? element.Parent?.Type ?? "the structure tree root"}.",
                    element.Page, element.Describe());
            else if (element.StandardType == "Figure" && element.Children.Any(child => child.StandardType == "P"))
                inspection.Fail(PdfCheckpoints.Captions, "Figure holds its caption as P; a caption is tagged Caption.", element.Page, element.Describe());
        }
    }

    static void CheckBookmarks(PdfInspection inspection, int headingCount)
    {
        var outlines = PdfObjects.Dictionary(inspection.Catalog, "/Outlines");
        var items = outlines is null ? 0 : CountOutlineItems(outlines);
        if (outlines is null && headingCount > 0)
            inspection.Fail(PdfCheckpoints.Bookmarks, $"The document has {headingCount} headings but no bookmarks (/Outlines).");
        else if (items < headingCount)
            inspection.Fail(PdfCheckpoints.Bookmarks, $"The document has {headingCount} headings but only {items} bookmarks.");
    }

    static int CountOutlineItems(PdfDictionary outlines)
    {
        var seen = new HashSet<PdfDictionary>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<PdfDictionary>();
        if (PdfObjects.Dictionary(outlines, "/First") is { } first)
            pending.Push(first);
        while (pending.Count > 0)
        {
            var item = pending.Pop();
            if (!seen.Add(item))
                continue; // A malformed outline can loop; count each item once.
            if (PdfObjects.Dictionary(item, "/Next") is { } next)
                pending.Push(next);
            if (PdfObjects.Dictionary(item, "/First") is { } child)
                pending.Push(child);
        }
        return seen.Count;
    }

    /// <summary>1..6 for H1..H6, 0 for an unnumbered H, null for anything that is not a heading.</summary>
    static int? HeadingLevel(TaggedElement element) => element.StandardType switch
    {
        "H" => 0,
        ['H', var digit] when digit is >= '1' and <= '6' => digit - '0',
        _ => null,
    };

    static bool HasText(PdfDictionary dictionary, string key) => !string.IsNullOrWhiteSpace(PdfObjects.Text(dictionary, key));
}
