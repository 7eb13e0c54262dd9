namespace Leaflets.Content.Checking.Pdf;

/// <summary>
/// Checkpoint 01: every painting operator lies inside an artifact or inside marked content whose MCID the structure
/// tree claims for that page. Reports once per page and kind of fault, with a count and the kinds of content involved.
/// </summary>
internal static class TaggedContentRules
{
    public static void Apply(PdfInspection inspection)
    {
        for (var index = 0; index < inspection.Pages.Count; index++)
        {
            var page = inspection.Pages[index];
            var number = index + 1;
            if (inspection.Content(index, out var error) is not { } content)
            {
                inspection.Fail(PdfCheckpoints.RealContentTagged, $"The page content cannot be parsed: {error?.Message}", number);
                continue;
            }

            if (content.ArtifactsInsideTaggedContent > 0)
                inspection.Fail(PdfCheckpoints.RealContentTagged,
                    $"{content.ArtifactsInsideTaggedContent} artifact(s) are nested inside tagged content.", number);
            if (content.TaggedContentInsideArtifacts > 0)
                inspection.Fail(PdfCheckpoints.RealContentTagged,
                    $"{content.TaggedContentInsideArtifacts} tagged marked-content sequence(s) are nested inside artifacts.", number);

            var painted = content.Painted;
            var untagged = painted.Where(item => !item.IsArtifact && item.Mcid is null).ToList();
            if (untagged.Count > 0)
                inspection.Fail(PdfCheckpoints.RealContentTagged,
                    $"{untagged.Count} painting operator(s) ({Kinds(untagged)}) are neither tagged nor marked as artifacts.", number);

            var orphans = painted
                .Where(item => !item.IsArtifact && item.Mcid is { } mcid && !IsClaimed(inspection, page, mcid))
                .ToList();
            foreach (var orphan in orphans.GroupBy(item => item.Mcid))
                inspection.Fail(PdfCheckpoints.RealContentTagged,
                    $"Marked content MCID {orphan.Key} ({Kinds(orphan)}) is not referenced from the structure tree.", number,
                    $"MCID {orphan.Key} on page {number}");

            var tagged = painted.Where(item => !item.IsArtifact).Select(item => item.Mcid).OfType<int>().Distinct().Order();
            CheckParentTree(inspection, index, tagged.ToList());
        }
    }

    // Assistive technology goes from content to structure through the parent tree: page /StructParents selects an
    // array whose entry at each MCID must be the element that owns that marked content.
    static void CheckParentTree(PdfInspection inspection, int index, List<int> mcids)
    {
        var page = inspection.Pages[index];
        var number = index + 1;
        if (mcids.Count == 0 || page.Reference is not { } pageReference)
            return;
        if (PdfObjects.Integer(page.Elements["/StructParents"]) is not { } key)
        {
            inspection.Fail(PdfCheckpoints.RealContentTagged, "The page has tagged content but no /StructParents entry into the parent tree.", number);
            return;
        }

        var entries = inspection.Tree.ParentTreeEntry(key) as PdfSharp.Pdf.PdfArray;
        var wrong = mcids.Where(mcid =>
            inspection.Tree.MarkedContentOwner(pageReference.ObjectID, mcid) is { } owner
            && (entries is null || mcid >= entries.Elements.Count
                || !ReferenceEquals(PdfObjects.Resolve(entries.Elements[mcid]), owner.Dictionary))).ToList();
        if (wrong.Count > 0)
            inspection.Fail(PdfCheckpoints.RealContentTagged,
                $"The parent tree does not lead from MCID {string.Join(", ", wrong)} back to the owning structure element.", number);
    }

    static bool IsClaimed(PdfInspection inspection, PdfSharp.Pdf.PdfPage page, int mcid) =>
        page.Reference is { } reference && inspection.Tree.OwnsMarkedContent(reference.ObjectID, mcid);

    static string Kinds(IEnumerable<PaintedContent> contents) =>
        string.Join(", ", contents.Select(item => item.Operator switch
        {
            "Tj" or "TJ" or "'" or "\"" => "text",
            "Do" or "BI" => "image or form",
            "sh" => "shading",
            _ => "path",
        }).Distinct());
}
