using System.Collections.Immutable;
using System.Globalization;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>A laid-out document: what goes on each page, ready to draw.</summary>
internal sealed record LaidOutDocument(Typography Typography, IReadOnlyList<LaidOutPage> Pages);

internal sealed record LaidOutPage(IReadOnlyList<PlacedSlice> Slices, IReadOnlyList<PageItem> Footer);

/// <summary>
/// Composes a whole leaflet, QuestPDF style: the opening (banner, title, review notice, version and dates), content (the
/// blocks, then "About this leaflet", the references and the QR block), a footer on every page. Layout finishes before
/// anything is drawn.
/// </summary>
internal sealed class DocumentComposer(
    LeafletDocument document, IReadOnlyDictionary<string, LeafletImage> images, Typography type, string? publicUrl,
    StringsLibrary strings, ReviewStatus reviewStatus = ReviewStatus.Current)
{
    /// <summary>Every word the PDF adds around the leaflet, in the leaflet's language where its strings file has it.</summary>
    private ReaderStrings Words { get; } = strings.For(document.Metadata.Language);

    public LaidOutDocument Compose(StructNode root, int maxPages = int.MaxValue, CancellationToken cancellation = default)
    {
        var footer = new FooterComposer(document.Metadata.Title, type, maxPages, Words);
        var contentHeight = type.ContentBottom - type.ContentTop - footer.Height;
        var flow = new FlowBuilder(type, cancellation);
        var blocks = new BlockComposer(flow, images, contentHeight, Words);
        var column = new Column(type.ContentLeft, type.ContentWidth, root);
        var about = new AboutComposer(flow, blocks, document.Metadata, reviewStatus, Words);

        var body = document.Blocks.AsEnumerable();
        var banner = document.Blocks.FirstOrDefault() is FigureBlock { IsDecorative: true } first ? first : null;
        if (banner is not null)
        {
            body = body.Skip(1);
        }
        ComposeOpening(flow, blocks, about, column, banner, contentHeight);
        blocks.Compose(body, column);
        about.ComposeSection(column);
        ComposeReferences(blocks, column);
        ComposeQrBlock(flow, root);

        var pages = Paginator.Paginate(flow.Slices, type.ContentTop, contentHeight, maxPages, cancellation);
        var laidOut = pages.Select((slices, index) => new LaidOutPage(slices, footer.Items(index + 1, pages.Count))).ToList();
        return new LaidOutDocument(type, laidOut);
    }

    /// <summary>
    /// Page 1 opens with the title (H1), the review notice and the version and review dates. Title and notice are one
    /// keep-with-next chain, so the notice never splits and is on page 1 with the title; the details keep together
    /// after them (on page 2 when a long notice at a large size leaves no room). The decorative banner goes above them
    /// only where it leaves room for all of them: at large sizes on small paper it would push them off page 1, so it
    /// is left out (it is an artifact, so no reader loses anything).
    /// </summary>
    private void ComposeOpening(FlowBuilder flow, BlockComposer blocks, AboutComposer about, Column column, FigureBlock? banner, double contentHeight)
    {
        var title = new StructNode(StructKind.H1, column.Parent) { Bookmark = document.Metadata.Title };
        flow.AddHeading([new TextRun(document.Metadata.Title, true, null)], 1, column, title);
        ComposeReviewNotice(flow, blocks, column);
        ComposeTranslationNotice(flow, blocks, column);
        var details = flow.Slices.Count;
        about.ComposeDetails(column);
        var opening = flow.Slices;
        foreach (var slice in opening.Take(details - 1))
        {
            slice.HoldAtLeast(Keep.Always);
        }
        if (banner is null)
        {
            return;
        }
        var picture = blocks.FigureSlice(banner, column.Left, column.Width, column.Parent, contentHeight * 0.25);
        var openingHeight = opening[0].Height + opening.Skip(1).Sum(slice => slice.SpaceBefore + slice.Height);
        if (picture.Height + type.ParagraphGap + openingHeight <= contentHeight)
        {
            opening[0].SpaceBefore = type.ParagraphGap;
            opening.Insert(0, picture);
        }
    }

    /// <summary>
    /// A clinic may print a leaflet years after its review was due; the reader is told first, in the words the web
    /// page uses. Overdue is boxed like a callout with its first sentence bold; due soon is a plain paragraph, since
    /// nothing is wrong yet; a current leaflet adds nothing here, its dates follow and "About this leaflet" says it is
    /// up to date.
    /// </summary>
    private void ComposeReviewNotice(FlowBuilder flow, BlockComposer blocks, Column column)
    {
        if (!ReviewNotice.LeadsTheLeaflet(reviewStatus))
        {
            return;
        }
        var notice = ReviewNotice.For(reviewStatus, document.Metadata.NextReview, Words, document.Metadata.Language);
        if (notice.Emphasis is not null)
        {
            new CalloutComposer(flow, blocks).ComposeParagraph(AboutComposer.Runs(notice), column);
            return;
        }
        flow.AddParagraph(AboutComposer.Runs(notice), type.Body, column, column.Parent.Child(StructKind.P), type.ParagraphGap);
    }

    /// <summary>
    /// An unreviewed translation says so next, boxed like the overdue notice (<see cref="TranslationNotice"/>): its
    /// sentence, then the same in the leaflet's main language in a Span with that /Lang.
    /// </summary>
    private void ComposeTranslationNotice(FlowBuilder flow, BlockComposer blocks, Column column)
    {
        if (TranslationNotice.For(document.Metadata, strings) is not { } notice)
        {
            return;
        }
        TextRun[] runs = notice.MainText is { } mainText
            ? [new TextRun(notice.Text, false, null, notice.TextLanguage), new TextRun(" ", false, null), new TextRun(mainText, false, null, notice.MainLanguage)]
            : [new TextRun(notice.Text, false, null, notice.TextLanguage)];
        new CalloutComposer(flow, blocks).ComposeParagraph(runs, column);
    }

    private void ComposeReferences(BlockComposer blocks, Column column)
    {
        var references = document.Metadata.References;
        if (references.IsDefaultOrEmpty)
        {
            return;
        }
        var words = Words.Leaflet;
        blocks.ComposeHeading(words.References, Words.LanguageInside(s => s.Leaflet.References, document.Metadata.Language), column);
        var items = references.Select(reference =>
        {
            var citation = ReaderStrings.Fill(words.Citation,
                ("title", reference.Title), ("publisher", reference.Publisher), ("year", reference.Year.ToString(CultureInfo.InvariantCulture)));
            ImmutableArray<Inline> inlines = reference.Url is null
                ? [new TextInline(citation)]
                : [new TextInline(citation + " "), new LinkInline(reference.Url, [new TextInline(reference.Url)])];
            return new ListItem([new ParagraphBlock(0, inlines)]);
        });
        // References a translation takes from its main file are in the main language (their /Lang on the list).
        blocks.ComposeList(new ListBlock(0, false, [.. items]), column, document.Metadata.ReferencesLanguage);
    }

    /// <summary>The QR code to the online version, so a reader holding paper can check it is still current.</summary>
    private void ComposeQrBlock(FlowBuilder flow, StructNode root)
    {
        if (string.IsNullOrWhiteSpace(publicUrl))
        {
            return;
        }
        var modules = QrModules.Of(publicUrl);
        var words = Words.Print;
        var language = document.Metadata.Language;
        var figure = new StructNode(StructKind.Figure, root)
        {
            AltText = ReaderStrings.Fill(words.QrCodeAlt, ("address", publicUrl)),
            Language = Words.LanguageInside(s => s.Print.QrCodeAlt, language),
        };
        var qr = new Slice { Height = type.QrSize };
        qr.Items.Add(new QrItem(figure, type.ContentLeft, 0, type.QrSize, modules));

        var paragraph = root.Child(StructKind.P);
        var (before, after) = ReaderStrings.FillAround(words.QrCodeCaption, "address");
        Inline[] caption = [new TextInline(before), new LinkInline(publicUrl, [new TextInline(publicUrl)]), new TextInline(after)];
        var captionLanguage = Words.LanguageInside(s => s.Print.QrCodeCaption, language);
        var runs = FlowBuilder.Runs([.. caption.Where(inline => inline is not TextInline { Text: "" })], paragraph)
            .Select(run => run.Element is null ? run with { Language = captionLanguage } : run);
        var lines = flow.TextSlices(runs, type.Body, type.ContentLeft, type.ContentWidth, paragraph);
        lines[0].SpaceBefore = type.Body * 0.5;
        flow.BeginBlock(type.ParagraphGap * 2);
        flow.Add(FlowBuilder.Merge([qr, .. lines]), null);
    }
}
