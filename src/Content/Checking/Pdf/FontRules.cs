using PdfSharp.Pdf;

namespace Leaflets.Content.Checking.Pdf;

/// <summary>
/// Checkpoint 31: every font used on a page (directly or in a form XObject) is embedded and maps its glyphs to
/// Unicode, either through /ToUnicode or, for simple fonts, a standard encoding that defines the mapping.
/// </summary>
internal static class FontRules
{
    static readonly HashSet<string> StandardEncodings = new(StringComparer.Ordinal)
    {
        "WinAnsiEncoding", "MacRomanEncoding", "StandardEncoding",
    };

    public static void Apply(PdfInspection inspection)
    {
        var seenFonts = new HashSet<PdfDictionary>(ReferenceEqualityComparer.Instance);
        var seenResources = new HashSet<PdfDictionary>(ReferenceEqualityComparer.Instance);
        for (var index = 0; index < inspection.Pages.Count; index++)
        {
            if (PdfObjects.Dictionary(inspection.Pages[index], "/Resources") is { } resources)
                CheckResources(inspection, resources, index + 1, seenFonts, seenResources);
        }
    }

    static void CheckResources(PdfInspection inspection, PdfDictionary resources, int page,
        HashSet<PdfDictionary> seenFonts, HashSet<PdfDictionary> seenResources)
    {
        if (!seenResources.Add(resources))
            return;

        if (PdfObjects.Dictionary(resources, "/Font") is { } fonts)
        {
            foreach (var key in fonts.Elements.Keys)
            {
                if (PdfObjects.Dictionary(fonts.Elements[key]) is { } font && seenFonts.Add(font))
                    CheckFont(inspection, font, page);
            }
        }

        if (PdfObjects.Dictionary(resources, "/XObject") is { } xObjects)
        {
            foreach (var key in xObjects.Elements.Keys)
            {
                if (PdfObjects.Dictionary(xObjects.Elements[key]) is { } form && PdfObjects.Name(form, "/Subtype") == "Form"
                    && PdfObjects.Dictionary(form, "/Resources") is { } formResources)
                    CheckResources(inspection, formResources, page, seenFonts, seenResources);
            }
        }
    }

    static void CheckFont(PdfInspection inspection, PdfDictionary font, int page)
    {
        var subtype = PdfObjects.Name(font, "/Subtype");
        var name = PdfObjects.Name(font, "/BaseFont") ?? "(unnamed)";
        var where = $"Font '{name}' (first used on page {page})";
        if (subtype == "Type3")
            return; // Type 3 glyphs are drawn by the font's own content streams: nothing to embed.

        var descriptorOwner = subtype == "Type0"
            ? PdfObjects.Items(font.Elements["/DescendantFonts"]).Select(PdfObjects.Dictionary).FirstOrDefault()
            : font;
        var descriptor = descriptorOwner is null ? null : PdfObjects.Dictionary(descriptorOwner, "/FontDescriptor");
        var embedded = descriptor is not null
            && (descriptor.Elements["/FontFile"] ?? descriptor.Elements["/FontFile2"] ?? descriptor.Elements["/FontFile3"]) is not null;
        if (!embedded)
            inspection.Fail(PdfCheckpoints.Fonts, "The font program is not embedded.", page, where);

        if (font.Elements["/ToUnicode"] is null && !(subtype != "Type0" && HasStandardEncoding(font)))
            inspection.Fail(PdfCheckpoints.Fonts, "The font has no /ToUnicode map, so its text cannot be extracted reliably.", page, where);
    }

    static bool HasStandardEncoding(PdfDictionary font) => PdfObjects.Resolve(font.Elements["/Encoding"]) switch
    {
        PdfName encoding => StandardEncodings.Contains(encoding.Value.TrimStart('/')),
        PdfDictionary differences => PdfObjects.Name(differences, "/BaseEncoding") is { } baseEncoding && StandardEncodings.Contains(baseEncoding),
        _ => false,
    };
}
