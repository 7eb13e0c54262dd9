using System.Collections.Immutable;
using System.Globalization;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf.Fonts;
using Leaflets.Content.Rendering.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Leaflets.Content.Rendering.Pdf.Drawing;

/// <summary>
/// Draws a laid-out document with PDFsharp, page by page in reading order, tagging as it goes.
/// Nothing is measured or moved here: every position was decided by the layout.
/// </summary>
internal sealed class PdfDrawer
{
    private readonly Dictionary<(string Family, bool Bold, double Size), XFont> _fonts = [];
    private PassThroughImageWriter _images = default!;
    private PdfPage _page = default!;

    /// <summary>
    /// For images that cannot pass through (<see cref="PngPassThrough"/>).
    /// PDFsharp decodes a PNG in tens of milliseconds, so each image is decoded once per process and
    /// reused while its leaflet is alive (the table holds it only as long as the <see cref="LeafletImage"/>).
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LeafletImage, XImage> DecodedImages = new();

    public PdfDocument Draw(LeafletDocument source, LaidOutDocument layout, DateTime stamp, CancellationToken cancellation = default)
    {
        LeafletFonts.EnsureRegistered();
        PdfSharpInternals.HoldConstructors();
        var type = layout.Typography;
        var document = new PdfDocument();
        document.Version = 17;
        // PDFsharp 6.2 writes zlib streams without their Adler-32 checksum; qpdf flags such page contents.
        document.Options.CompressContentStreams = false;
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        document.Info.Title = source.Metadata.Title;
        document.Info.Subject = source.Metadata.Summary;
        document.Info.Creator = "Leaflets";
        document.Info.CreationDate = stamp;
        document.Info.ModificationDate = stamp;
        document.PageLayout = PdfPageLayout.SinglePage;
        document.PageMode = PdfPageMode.UseOutlines;
        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage(source.Metadata.Language);
        document.ViewerPreferences.DisplayDocTitle = true;
        var structure = new StructureWriter(document, ua.StructureBuilder) { PageHeight = type.PageHeight };
        _images = new PassThroughImageWriter(document, ua.StructureBuilder);

        for (var index = 0; index < layout.Pages.Count; index++)
        {
            cancellation.ThrowIfCancellationRequested();
            var laidOutPage = layout.Pages[index];
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(type.PageWidth);
            page.Height = XUnit.FromPoint(type.PageHeight);
            structure.Page = page;
            _page = page;
            using (var gfx = XGraphics.FromPdfPage(page))
            {
                DrawPage(gfx, laidOutPage, structure, type);
                if (index == layout.Pages.Count - 1)
                {
                    // Close everything while the last page's graphics can still take the end markers.
                    structure.CloseAll();
                }
                structure.EndPage();
            }
        }
        return document;
    }

    private void DrawPage(XGraphics gfx, LaidOutPage page, StructureWriter structure, Typography type)
    {
        var items = new List<(PageItem Item, bool IsRepeat)>(64);
        var links = new Dictionary<StructNode, List<XRect>>();
        var figures = new Dictionary<StructNode, XRect>();
        foreach (var placed in page.Slices)
        {
            foreach (var sliceItem in placed.Slice.Items)
            {
                var item = sliceItem.Offset(0, placed.Top);
                items.Add((item, placed.IsRepeat));
                if (!placed.IsRepeat && FigureOf(item.Node) is { } figure)
                {
                    figures[figure] = figures.TryGetValue(figure, out var area) ? XRect.Union(area, Bounds(item)) : Bounds(item);
                }
                if (!placed.IsRepeat && item is TextItem { Link: { } link } text)
                {
                    if (!links.TryGetValue(link, out var areas))
                    {
                        links[link] = areas = [];
                    }
                    areas.Add(new XRect(text.X, text.Top, text.Width, text.Bottom - text.Top));
                }
            }
        }
        structure.LinkAreas = links;
        structure.FigureAreas = figures;

        foreach (var (item, isRepeat) in items)
        {
            if (item.Node is null || isRepeat)
            {
                structure.Artifact(() => DrawItem(gfx, item));
                continue;
            }
            structure.Enter(item.Node, Bounds(item));
            DrawItem(gfx, item);
        }
        var frames = page.Slices.Where(p => p.Slice.Frame is not null).GroupBy(p => p.Slice.Frame!);
        foreach (var frame in frames)
        {
            var top = frame.Min(p => p.Top);
            var bottom = frame.Max(p => p.Top + p.Slice.Height);
            var inset = type.CalloutBorder / 2;
            var pen = new XPen(XColors.Black, type.CalloutBorder);
            structure.Artifact(() => gfx.DrawRectangle(pen, frame.Key.Left + inset, top + inset, frame.Key.Width - (2 * inset), bottom - top - (2 * inset)));
        }
        structure.Artifact(() =>
        {
            foreach (var item in page.Footer)
            {
                DrawItem(gfx, item);
            }
        });
    }

    /// <summary>The figure an item belongs to (its picture, or its caption's words), if any.</summary>
    private static StructNode? FigureOf(StructNode? node)
    {
        for (; node is not null; node = node.Parent)
        {
            if (node.Kind == StructKind.Figure)
            {
                return node;
            }
        }
        return null;
    }

    private static XRect Bounds(PageItem item) => item switch
    {
        ImageItem image => new XRect(image.X, image.Y, image.Width, image.Height),
        QrItem qr => new XRect(qr.X, qr.Y, qr.Size, qr.Size),
        TextItem text => new XRect(text.X, text.Top, text.Width, text.Bottom - text.Top),
        _ => XRect.Empty,
    };

    private void DrawItem(XGraphics gfx, PageItem item)
    {
        switch (item)
        {
            case TextItem text:
                gfx.DrawString(text.Text, Font(text), XBrushes.Black, text.X, text.Baseline);
                break;
            case ImageItem image when PngPassThrough.For(image.Image) is { } png:
                _images.Draw(gfx, _page, png, image.X, image.Y, image.Width, image.Height);
                break;
            case ImageItem image:
                var decoded = DecodedImages.GetValue(image.Image, Decode);
                PdfSharpInternals.DrawShared(gfx, decoded, image.X, image.Y, image.Width, image.Height);
                break;
            case QrItem qr:
                DrawQr(gfx, qr, _page.Height.Point);
                break;
            case RuleItem rule:
                var pen = new XPen(XColors.Black, rule.Thickness);
                if (rule.Height == 0)
                {
                    gfx.DrawLine(pen, rule.X, rule.Y, rule.X + rule.Width, rule.Y);
                }
                else
                {
                    gfx.DrawRectangle(pen, rule.X, rule.Y, rule.Width, rule.Height);
                }
                break;
        }
    }

    /// <summary>
    /// Dark modules as filled squares, merged along each row to keep the page content small.
    /// The first square goes through PDFsharp, which opens the marked content and sets the fill colour;
    /// the other few hundred are the same operators written straight into the page content. PDFsharp's
    /// per-call overhead and the number formatting made the QR code a sizeable share of a render, so the
    /// operator text is also kept per URL and position (<see cref="QrOperators"/>).
    /// </summary>
    private static void DrawQr(XGraphics gfx, QrItem qr, double pageHeight)
    {
        var rectangles = Rectangles(qr);
        if (rectangles.Count == 0)
        {
            return;
        }
        var (x, y, width) = rectangles[0];
        gfx.DrawRectangle(XBrushes.Black, x, y, width, qr.Size / qr.Modules.Length);
        PdfSharpInternals.PageContent(gfx).Append(QrOperators.GetOrAdd((qr.Modules, qr.X, qr.Y, qr.Size, pageHeight), _ => RestAsOperators(qr, rectangles, pageHeight)));
        if (QrOperators.Count > 256)
        {
            QrOperators.Clear();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ImmutableArray<ImmutableArray<bool>>, double, double, double, double), string> QrOperators = new();

    private static List<(double X, double Y, double Width)> Rectangles(QrItem qr)
    {
        var module = qr.Size / qr.Modules.Length;
        return QrModules.DarkRuns(qr.Modules)
            .Select(run => (qr.X + (run.Column * module), qr.Y + (run.Row * module), run.Width * module))
            .ToList();
    }

    /// <summary>All but the first rectangle, as PDFsharp's DrawRectangle would write them (PDF space: origin bottom left).</summary>
    private static string RestAsOperators(QrItem qr, List<(double X, double Y, double Width)> rectangles, double pageHeight)
    {
        var module = qr.Size / qr.Modules.Length;
        var text = new System.Text.StringBuilder(rectangles.Count * 40);
        for (var i = 1; i < rectangles.Count; i++)
        {
            var (x, y, width) = rectangles[i];
            text.AppendFormat(CultureInfo.InvariantCulture, "{0:0.####} {1:0.####} {2:0.####} {3:0.####} re\nf\n", x, pageHeight - (y + module), width, module);
        }
        return text.ToString();
    }

    private XFont Font(TextItem text)
    {
        var key = (LeafletFonts.FamilyOf(text.Face), text.Bold, text.Size);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
            font = new XFont(key.Item1, text.Size, text.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, options);
            _fonts[key] = font;
        }
        return font;
    }

    private static XImage Decode(LeafletImage image)
    {
        try
        {
            return XImage.FromStream(new MemoryStream(image.Bytes.ToArray(), writable: false));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"The image '{image.FileName}' ({image.ContentType}) cannot be placed in a PDF: {error.Message}", error);
        }
    }
}
