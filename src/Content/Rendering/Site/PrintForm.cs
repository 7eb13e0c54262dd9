using System.Globalization;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// "Print or download": an ordinary GET form to the leaflet's PDF route, one group of radio buttons per choice the
/// route takes (the variants this leaflet has, every print size with its size in words, every paper), each with the
/// route's own parameter name and values, and the current variant and the route's defaults chosen.
/// </summary>
internal static class PrintForm
{
    public const string FormId = "print";

    public const string HeadingId = "print-or-download";

    public static void Write(HtmlWriter html, Leaflet leaflet, LeafletVariant variant, SiteUrls urls)
    {
        var strings = SiteWords.Strings;
        var defaults = new PrintChoice();
        html.Open("section", ("class", "printing"), ("aria-labelledby", HeadingId)).Line();
        html.Element("h2", strings.PrintHeading, ("id", HeadingId)).Line();
        html.Element("p", strings.PrintIntro).Line();
        html.Open("form", ("id", FormId), ("method", "get"), ("action", urls.PrintForm(leaflet.Id))).Line();
        Choices(html, strings.PrintVariant, LeafletVariants.Parameter,
            leaflet.Variants.Keys.Select(v => (v.Slug(), SiteWords.VariantName(v), v == variant)));
        Choices(html, strings.PrintSize, PrintChoice.SizeParameter,
            PdfRenderOptions.AllowedSizes.Select(size =>
                (size.ToString(CultureInfo.InvariantCulture), SiteWords.PrintSize(size), size == defaults.BodySize)));
        Choices(html, strings.PrintPaper, PrintChoice.PaperParameter,
            PdfRenderOptions.AllowedPapers.Select(paper => (paper.ToString(), SiteWords.Paper(paper), paper == defaults.Paper)));
        html.Element("button", strings.PrintButton, ("type", "submit")).Line();
        html.Close("form").Line();
        html.Close("section").Line();
    }

    private static void Choices(HtmlWriter html, string legend, string name, IEnumerable<(string Value, string Label, bool Chosen)> options)
    {
        html.Open("fieldset").Line();
        html.Element("legend", legend).Line();
        foreach (var (value, label, chosen) in options)
        {
            var id = $"{name}-{value.ToLowerInvariant()}";
            html.Open("div", ("class", "choice"));
            html.Void("input", ("type", "radio"), ("name", name), ("id", id), ("value", value), ("checked", chosen ? "checked" : null));
            html.Element("label", label, ("for", id));
            html.Close("div").Line();
        }
        html.Close("fieldset").Line();
    }
}
