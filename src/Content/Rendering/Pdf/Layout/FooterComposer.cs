using System.Globalization;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>
/// The running footer on every page, an artifact: the title cut to one line and "Page X of N", side by side when both
/// fit, else the page on a second line, so it never takes more than two lines at any size. At 24 pt on A5 a footer
/// that also held the version and both review dates took 5 of about 12 lines on every page; those details are real
/// content instead, on page 1 and in "About this leaflet" (<see cref="AboutComposer"/>).
/// </summary>
internal sealed class FooterComposer
{
    private readonly Typography _type;
    private readonly string _title;
    private readonly bool _oneLine;
    private readonly ReaderStrings _words;

    /// <param name="maxPages">The most pages a print may have: one or two lines is decided once, for the widest page
    /// number, so every page's footer has the same height and the content height is known before pagination.</param>
    public FooterComposer(string title, Typography type, int maxPages, ReaderStrings words)
    {
        _type = type;
        _words = words;
        // The H1 on page 1 has the whole title; here it is cut, which also keeps the footer's work independent of
        // the title's length (each page draws it again).
        _title = TextLayout.FitOnOneLine(title, type.Body, type.ContentWidth);
        // Three digits at most: LeafletPdfRenderer.MaxPages is 100.
        var widest = PageOfPages(Math.Min(maxPages, 999), Math.Min(maxPages, 999));
        _oneLine = TextLayout.Measure(_title, false, type.Body) + type.FooterGutter + TextLayout.Measure(widest, false, type.Body) <= type.ContentWidth;
        Height = type.FooterGap + ((_oneLine ? 1 : 2) * type.LineHeight(type.Body));
    }

    /// <summary>From the rule above the footer to the bottom margin.</summary>
    public double Height { get; }

    public IReadOnlyList<PageItem> Items(int pageNumber, int pageCount)
    {
        var flow = new FlowBuilder(_type);
        var top = _type.ContentBottom - Height;
        var items = new List<PageItem> { new RuleItem(_type.ContentLeft, top + (_type.FooterGap / 2), _type.ContentWidth, 0, _type.RuleWidth) };
        var y = top + _type.FooterGap;
        var title = flow.TextSlices([new TextRun(_title, false, null)], _type.Body, _type.ContentLeft, _type.ContentWidth, node: null)[0];
        items.AddRange(title.Items.Select(item => item.Offset(0, y)));

        var page = PageOfPages(pageNumber, pageCount);
        // Side by side, the page number ends at the right edge of the text column, where a reader finds it on every page.
        var (x, dy) = _oneLine ? (_type.ContentWidth - TextLayout.Measure(page, false, _type.Body), 0.0) : (0.0, title.Height);
        var number = flow.TextSlices([new TextRun(page, false, null)], _type.Body, _type.ContentLeft, _type.ContentWidth, node: null)[0];
        items.AddRange(number.Items.Select(item => item.Offset(x, y + dy)));
        return items;
    }

    private string PageOfPages(int page, int pages) => ReaderStrings.Fill(_words.Print.PageOfPages,
        ("page", page.ToString(CultureInfo.InvariantCulture)), ("pages", pages.ToString(CultureInfo.InvariantCulture)));
}
