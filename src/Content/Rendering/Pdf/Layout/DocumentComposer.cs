using System.Collections.Immutable;
using System.Globalization;
using Leaflets.Content.Model;
using Leaflets.Content.Text;
using QRCoder;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>A laid-out document: what goes on each page, ready to draw.</summary>
internal sealed record LaidOutDocument(Typography Typography, IReadOnlyList<LaidOutPage> Pages);

internal sealed record LaidOutPage(IReadOnlyList<PlacedSlice> Slices, IReadOnlyList<PageItem> Footer);

/// <summary>
/// Composes a whole leaflet, QuestPDF style: header (title, banner, review notice), content (the blocks, then the
/// references, then the QR block), footer on every page. Layout finishes before anything is drawn.
/// </summary>
internal sealed class DocumentComposer(
    LeafletDocument document, IReadOnlyDictionary<string, LeafletImage> images, Typography type, string? publicUrl,
    ReviewStatus reviewStatus = ReviewStatus.Current)
{
    public LaidOutDocument Compose(StructNode root, int maxPages = int.MaxValue, CancellationToken cancellation = default)
    {
        var footerHeight = FooterItems(pageNumber: 99, pageCount: 99).Height;
        var contentHeight = type.ContentBottom - type.ContentTop - footerHeight;
        var flow = new FlowBuilder(type, cancellation);
        var blocks = new BlockComposer(flow, images, contentHeight);
        var column = new Column(type.ContentLeft, type.ContentWidth, root);

        var body = document.Blocks.AsEnumerable();
        if (document.Blocks.FirstOrDefault() is FigureBlock { IsDecorative: true } banner)
        {
            // The decorative header picture sits above the title, as an artifact.
            flow.Add(blocks.FigureSlice(banner, column.Left, column.Width, root, contentHeight * 0.25), null);
            flow.BeginBlock(type.ParagraphGap);
            body = body.Skip(1);
        }
        var title = new StructNode(StructKind.H1, root) { Bookmark = document.Metadata.Title };
        flow.AddHeading([new TextRun(document.Metadata.Title, true, null)], 1, column, title);
        ComposeReviewNotice(flow, blocks, column);
        blocks.Compose(body, column);
        ComposeReferences(blocks, column);
        ComposeQrBlock(flow, root);

        var pages = Paginator.Paginate(flow.Slices, type.ContentTop, contentHeight, maxPages, cancellation);
        var laidOut = pages.Select((slices, index) => new LaidOutPage(slices, FooterItems(index + 1, pages.Count).Items)).ToList();
        return new LaidOutDocument(type, laidOut);
    }

    /// <summary>
    /// A clinic may print a leaflet years after its review was due; the reader is told first, in the words the web
    /// page uses. Overdue is boxed like a callout with its first sentence bold; due soon is a plain paragraph, since
    /// nothing is wrong yet; a current leaflet adds nothing, its dates are in the footer.
    /// </summary>
    private void ComposeReviewNotice(FlowBuilder flow, BlockComposer blocks, Column column)
    {
        if (!ReviewNotice.LeadsTheLeaflet(reviewStatus))
        {
            return;
        }
        var notice = ReviewNotice.For(reviewStatus, document.Metadata.NextReview);
        if (notice.Emphasis is { } emphasis)
        {
            new CalloutComposer(flow, blocks).ComposeParagraph([new TextRun(emphasis + " ", true, null), new TextRun(notice.Text, false, null)], column);
            return;
        }
        flow.AddParagraph([new TextRun(notice.Text, false, null)], type.Body, column, column.Parent.Child(StructKind.P), type.ParagraphGap);
    }

    private void ComposeReferences(BlockComposer blocks, Column column)
    {
        var references = document.Metadata.References;
        if (references.IsDefaultOrEmpty)
        {
            return;
        }
        var words = ReaderStrings.English.Leaflet;
        blocks.Compose(new HeadingBlock(0, 2, BlockComposer.Text(words.References), "references"), column);
        var items = references.Select(reference =>
        {
            var citation = ReaderStrings.Fill(words.Citation,
                ("title", reference.Title), ("publisher", reference.Publisher), ("year", reference.Year.ToString(CultureInfo.InvariantCulture)));
            ImmutableArray<Inline> inlines = reference.Url is null
                ? [new TextInline(citation)]
                : [new TextInline(citation + " "), new LinkInline(reference.Url, [new TextInline(reference.Url)])];
            return new ListItem([new ParagraphBlock(0, inlines)]);
        });
        blocks.Compose(new ListBlock(0, false, [.. items]), column);
    }

    /// <summary>The QR code to the online version, so a reader holding paper can check it is still current.</summary>
    private void ComposeQrBlock(FlowBuilder flow, StructNode root)
    {
        if (string.IsNullOrWhiteSpace(publicUrl))
        {
            return;
        }
        var modules = QrModules(publicUrl);
        var words = ReaderStrings.English.Print;
        var figure = new StructNode(StructKind.Figure, root) { AltText = ReaderStrings.Fill(words.QrCodeAlt, ("address", publicUrl)) };
        var qr = new Slice { Height = type.QrSize };
        qr.Items.Add(new QrItem(figure, type.ContentLeft, 0, type.QrSize, modules));

        var paragraph = root.Child(StructKind.P);
        var (before, after) = ReaderStrings.FillAround(words.QrCodeCaption, "address");
        Inline[] caption = [new TextInline(before), new LinkInline(publicUrl, [new TextInline(publicUrl)]), new TextInline(after)];
        var runs = FlowBuilder.Runs([.. caption.Where(inline => inline is not TextInline { Text: "" })], paragraph);
        var lines = flow.TextSlices(runs, type.Body, type.ContentLeft, type.ContentWidth, paragraph);
        lines[0].SpaceBefore = type.Body * 0.5;
        flow.BeginBlock(type.ParagraphGap * 2);
        flow.Add(FlowBuilder.Merge([qr, .. lines]), null);
    }

    /// <summary>
    /// Encoding a URL (mask scoring above all) costs more than laying out a page, and a service serves few
    /// URLs, so each one's modules are computed once. Bounded in case URLs are many.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ImmutableArray<ImmutableArray<bool>>> QrCache = new(StringComparer.Ordinal);

    private static ImmutableArray<ImmutableArray<bool>> QrModules(string url)
    {
        if (QrCache.TryGetValue(url, out var cached))
        {
            return cached;
        }
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix
            .Select(row => row.Cast<bool>().ToImmutableArray())
            .ToImmutableArray();
        if (QrCache.Count >= 256)
        {
            QrCache.Clear();
        }
        QrCache[url] = modules;
        return modules;
    }

    /// <summary>
    /// The title as the footer prints it, on at most <see cref="FooterTitleLines"/> lines. The footer's height is taken
    /// from every page and it is drawn on each, so a title in full there made the work grow with the square of its length.
    /// </summary>
    private string FooterTitle => _footerTitle ??= TextLayout.FitOnLines(
        document.Metadata.Title,
        ReaderStrings.Fill(ReaderStrings.English.Print.FooterVersion, ("version", document.Metadata.Version.ToString(CultureInfo.InvariantCulture))),
        type.Body, type.ContentWidth, FooterTitleLines);

    private string? _footerTitle;

    /// <summary>Two lines hold every real title even at 24 pt on A5; the H1 on page 1 always has the whole title.</summary>
    private const int FooterTitleLines = 2;

    private (IReadOnlyList<PageItem> Items, double Height) FooterItems(int pageNumber, int pageCount)
    {
        var metadata = document.Metadata;
        var words = ReaderStrings.English.Print;
        var texts = new[]
        {
            FooterTitle,
            ReaderStrings.Fill(words.FooterReviewDates,
                ("lastReviewed", ReaderDate.Format(metadata.LastReviewed)), ("nextReview", ReaderDate.Format(metadata.NextReview))),
            ReaderStrings.Fill(words.PageOfPages, ("page", pageNumber.ToString(CultureInfo.InvariantCulture)), ("pages", pageCount.ToString(CultureInfo.InvariantCulture))),
        };
        var flow = new FlowBuilder(type);
        var lines = texts.SelectMany(text => flow.TextSlices([new TextRun(text, false, null)], type.Body, type.ContentLeft, type.ContentWidth, node: null)).ToList();
        var height = type.FooterGap + lines.Sum(l => l.Height);
        var top = type.ContentBottom - height;
        var items = new List<PageItem> { new RuleItem(type.ContentLeft, top + (type.FooterGap / 2), type.ContentWidth, 0, type.RuleWidth) };
        var y = top + type.FooterGap;
        foreach (var line in lines)
        {
            items.AddRange(line.Items.Select(item => item.Offset(0, y)));
            y += line.Height;
        }
        return (items, height);
    }
}
