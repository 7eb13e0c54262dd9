using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.UniversalAccessibility;

namespace Leaflets.Content.Rendering.Pdf.Drawing;

/// <summary>
/// Places <see cref="PngPassThrough"/> images as image XObjects built from the PNG's own compressed data.
/// PDFsharp's DrawImage would decompress and compress every image again for every document (most of the
/// cost of an illustrated leaflet); this writes the same content-stream operator and tagging instead.
/// One per document: each image becomes one XObject however often it is drawn.
/// </summary>
internal sealed class PassThroughImageWriter(PdfDocument document, StructureBuilder builder)
{
    private readonly Dictionary<PngPassThrough, (PdfDictionary XObject, string Name)> _placed = new(ReferenceEqualityComparer.Instance);

    public void Draw(XGraphics gfx, PdfPage page, PngPassThrough png, double x, double y, double width, double height)
    {
        PdfSharpInternals.BeginRawGraphics(gfx, builder);
        if (!_placed.TryGetValue(png, out var placed))
        {
            placed = (Create(png), "/Img" + _placed.Count.ToString(CultureInfo.InvariantCulture));
            _placed[png] = placed;
        }
        var map = (PdfDictionary)page.Resources.Elements.GetValue(PdfResources.Keys.XObject, VCF.Create)!;
        map.Elements[placed.Name] = placed.XObject.Reference;
        // Layout space has its origin top left; PDF space bottom left. Same operator and precision as PDFsharp's DrawImage.
        PdfSharpInternals.PageContent(gfx).AppendFormat(
            CultureInfo.InvariantCulture,
            "q {2:0.####} 0 0 {3:0.####} {0:0.####} {1:0.####} cm {4} Do Q\n",
            x,
            page.Height.Point - (y + height),
            width,
            height,
            placed.Name);
    }

    private PdfDictionary Create(PngPassThrough png)
    {
        var image = new PdfDictionary(document);
        image.Elements.SetName("/Type", "/XObject");
        image.Elements.SetName("/Subtype", "/Image");
        image.Elements.SetInteger("/Width", png.Width);
        image.Elements.SetInteger("/Height", png.Height);
        image.Elements.SetInteger("/BitsPerComponent", png.BitsPerComponent);
        if (png.ColorSpace == "/Indexed")
        {
            var palette = new PdfDictionary(document);
            palette.CreateStream(png.Palette);
            document.Internals.AddObject(palette);
            image.Elements["/ColorSpace"] = new PdfArray(
                document, new PdfName("/Indexed"), new PdfName("/DeviceRGB"), new PdfInteger((png.Palette.Length / 3) - 1), palette.Reference!);
        }
        else
        {
            image.Elements.SetName("/ColorSpace", png.ColorSpace);
        }
        image.Elements.SetName("/Filter", "/FlateDecode");
        var parameters = new PdfDictionary(document);
        parameters.Elements.SetInteger("/Predictor", 15);
        parameters.Elements.SetInteger("/Colors", png.Colors);
        parameters.Elements.SetInteger("/BitsPerComponent", png.BitsPerComponent);
        parameters.Elements.SetInteger("/Columns", png.Width);
        image.Elements["/DecodeParms"] = parameters;
        image.Elements.SetBoolean("/Interpolate", true);
        if (png.AlphaMask is { } alpha)
        {
            var mask = new PdfDictionary(document);
            mask.Elements.SetName("/Type", "/XObject");
            mask.Elements.SetName("/Subtype", "/Image");
            mask.Elements.SetInteger("/Width", png.Width);
            mask.Elements.SetInteger("/Height", png.Height);
            mask.Elements.SetInteger("/BitsPerComponent", 8);
            mask.Elements.SetName("/ColorSpace", "/DeviceGray");
            mask.Elements.SetName("/Filter", "/FlateDecode");
            mask.CreateStream(alpha);
            document.Internals.AddObject(mask);
            image.Elements["/SMask"] = mask.Reference;
        }
        image.CreateStream(png.ImageData);
        document.Internals.AddObject(image);
        return image;
    }
}
