using PdfSharp.Pdf;

namespace Leaflets.Content.Checking.Pdf;

/// <summary>
/// Checkpoint 31, no missing glyphs: text shown with a two-byte Identity-encoded font (what PDFsharp writes for
/// Unicode text) must never use glyph 0, the .notdef glyph that viewers draw as an empty box ("tofu").
/// Simple fonts are not decoded here; our renderer does not use them for text.
/// </summary>
internal static class GlyphRules
{
    public static void Apply(PdfInspection inspection)
    {
        for (var index = 0; index < inspection.Pages.Count; index++)
        {
            if (inspection.Content(index, out _) is not { } content)
                continue;
            var fonts = PdfObjects.Dictionary(PdfObjects.Dictionary(inspection.Pages[index], "/Resources") ?? new PdfDictionary(), "/Font");
            foreach (var shown in content.Text.GroupBy(text => text.FontResource))
            {
                if (fonts is null || PdfObjects.Dictionary(fonts, shown.Key) is not { } font || !UsesGlyphIdsAsCodes(font))
                    continue;
                var missing = shown.Sum(text => CountNotdef(text.Codes));
                if (missing > 0)
                    inspection.Fail(PdfCheckpoints.Fonts,
                        $"{missing} character(s) are drawn with the missing-glyph (.notdef) glyph and show as empty boxes.",
                        index + 1, $"Font '{PdfObjects.Name(font, "/BaseFont") ?? shown.Key}' on page {index + 1}");
            }
        }
    }

    // With Identity-H/V encoding each two-byte code is a CID, and a TrueType CID font with an identity (or default)
    // CIDToGIDMap draws CID n with glyph n.
    static bool UsesGlyphIdsAsCodes(PdfDictionary font)
    {
        if (PdfObjects.Name(font, "/Subtype") != "Type0" || PdfObjects.Name(font, "/Encoding") is not ("Identity-H" or "Identity-V"))
            return false;
        var descendant = PdfObjects.Items(font.Elements["/DescendantFonts"]).Select(PdfObjects.Dictionary).FirstOrDefault();
        return descendant is not null
            && PdfObjects.Name(descendant, "/Subtype") == "CIDFontType2"
            && PdfObjects.Resolve(descendant.Elements["/CIDToGIDMap"]) is null or PdfName { Value: "/Identity" };
    }

    static int CountNotdef(string codes)
    {
        var count = 0;
        for (var i = 0; i + 1 < codes.Length; i += 2)
        {
            if (codes[i] == '\0' && codes[i + 1] == '\0')
                count++;
        }
        return count;
    }
}
