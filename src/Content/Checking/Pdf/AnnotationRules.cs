namespace Leaflets.Content.Checking.Pdf;

/// <summary>
/// Checkpoint 28: every annotation is attached to the structure tree by an object reference (a link inside a Link
/// element, anything else inside Annot or Form) and carries a description in /Contents.
/// </summary>
internal static class AnnotationRules
{
    public static void Apply(PdfInspection inspection)
    {
        for (var index = 0; index < inspection.Pages.Count; index++)
        {
            var page = inspection.Pages[index];
            var number = index + 1;
            var ordinal = 0;
            foreach (var item in PdfObjects.Items(page.Elements["/Annots"]))
            {
                if (PdfObjects.Dictionary(item) is not { } annotation)
                    continue;
                var subtype = PdfObjects.Name(annotation, "/Subtype") ?? "unknown";
                if (subtype == "Popup")
                    continue; // Popups belong to their parent annotation and are exempt from tagging.

                ordinal++;
                var where = $"{subtype} annotation #{ordinal} on page {number}";
                var owner = PdfObjects.Identity(item) is { } id ? inspection.Tree.AnnotationOwner(id) : null;
                var expectedOwner = subtype switch
                {
                    "Link" => "Link",
                    "Widget" => "Form",
                    _ => "Annot",
                };

                if (owner is null)
                    inspection.Fail(PdfCheckpoints.Annotations, $"The annotation is not tagged: no {expectedOwner} structure element refers to it (OBJR).", number, where);
                else if (owner.StandardType != expectedOwner)
                    inspection.Fail(PdfCheckpoints.Annotations, $"The annotation is tagged inside {owner.StandardType ?? owner.Type}, not {expectedOwner}.", number, where);
                else if (PdfObjects.Integer(annotation.Elements["/StructParent"]) is not { } key
                    || !ReferenceEquals(inspection.Tree.ParentTreeEntry(key), owner.Dictionary))
                    inspection.Fail(PdfCheckpoints.Annotations, "The annotation's /StructParent does not lead back to its structure element through the parent tree.", number, where);

                if (subtype != "Widget" && string.IsNullOrWhiteSpace(PdfObjects.Text(annotation, "/Contents")))
                    inspection.Fail(PdfCheckpoints.Annotations, "The annotation has no description (/Contents).", number, where);
            }
        }
    }
}
