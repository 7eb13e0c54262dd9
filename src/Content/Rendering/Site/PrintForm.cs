using System.Globalization;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Audio;
using Leaflets.Content.Rendering.Braille;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Rendering.Epub;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// "Print or download": an ordinary GET form to the leaflet's PDF route, one group of radio buttons per choice the
/// route takes (the variants this leaflet has in the language shown, every print size with its size in words, every
/// paper), each with the route's own parameter name and values, and the current variant and the route's defaults
/// chosen; and the language shown, in a hidden field, so the PDF is in the language the reader is reading. Then
/// "Other formats": a link to each other format of the variant and language shown.
/// </summary>
internal static class PrintForm
{
    public const string FormId = "print";

    public const string HeadingId = "print-or-download";

    public const string OtherFormatsHeadingId = "other-formats";

    /// <param name="language">The language of the leaflet shown (one of <see cref="Leaflet.Languages"/>).</param>
    public static void Write(HtmlWriter html, Leaflet leaflet, LeafletVariant variant, string language, SiteUrls urls, SiteWords words)
    {
        var strings = words.Strings;
        var defaults = new PrintChoice();
        html.Open("section", ("class", "printing"), ("aria-labelledby", HeadingId)).Line();
        html.Element("h2", strings.PrintHeading, ("id", HeadingId), ("lang", words.LanguageOf(s => s.Site.PrintHeading))).Line();
        html.Element("p", strings.PrintIntro, ("lang", words.LanguageOf(s => s.Site.PrintIntro))).Line();
        html.Open("form", ("id", FormId), ("method", "get"), ("action", urls.PrintForm(leaflet.Id))).Line();
        Choices(html, (strings.PrintVariant, words.LanguageOf(s => s.Site.PrintVariant)), LeafletVariants.Parameter,
            leaflet.Variants.Keys.Where(v => leaflet.Find(v, language) is not null).Select(v => (v.Slug(), words.VariantName(v), v == variant)));
        Choices(html, (strings.PrintSize, words.LanguageOf(s => s.Site.PrintSize)), PrintChoice.SizeParameter,
            PdfRenderOptions.AllowedSizes.Select(size =>
                (size.ToString(CultureInfo.InvariantCulture), words.PrintSize(size), size == defaults.BodySize)));
        Choices(html, (strings.PrintPaper, words.LanguageOf(s => s.Site.PrintPaper)), PrintChoice.PaperParameter,
            PdfRenderOptions.AllowedPapers.Select(paper => (paper.ToString(), words.Paper(paper), paper == defaults.Paper)));
        // Named even for the main language: without it the PDF route would choose by the browser's Accept-Language.
        html.Void("input", ("type", "hidden"), ("name", LanguageTags.Parameter), ("value", language)).Line();
        html.Element("button", strings.PrintButton, ("type", "submit"), ("lang", words.LanguageOf(s => s.Site.PrintButton))).Line();
        html.Close("form").Line();
        WriteOtherFormats(html, leaflet, variant, language, urls, words);
        html.Close("section").Line();
    }

    /// <summary>
    /// "Other formats": a link to each other file the leaflet can be downloaded as, in the variant and language shown
    /// (they take no other choice, so a link does what a form would): the EPUB always, the braille where its language
    /// has a braille table, the spoken version where it is offered in the language (<see cref="SpeechRequest.Offers"/>).
    /// </summary>
    private static void WriteOtherFormats(HtmlWriter html, Leaflet leaflet, LeafletVariant variant, string language, SiteUrls urls, SiteWords words)
    {
        var strings = words.Strings;
        var formats = new List<(string Text, string? TextLanguage, string Href, string MediaType)>
        {
            (strings.EpubLink, words.LanguageOf(s => s.Site.EpubLink), urls.Epub(leaflet.Id, variant, language), EpubRequest.MediaType),
        };
        if (BrailleTable.Offers(leaflet.Document(variant, language)))
        {
            formats.Add((strings.BrailleLink, words.LanguageOf(s => s.Site.BrailleLink), urls.Braille(leaflet.Id, variant, language), BrailleRequest.MediaType));
        }
        if (SpeechRequest.Offers(leaflet.Document(variant, language)))
        {
            formats.Add((strings.AudioLink, words.LanguageOf(s => s.Site.AudioLink), urls.Audio(leaflet.Id, variant, language), SpeechRequest.AudioMediaType));
        }
        html.Element("h3", strings.OtherFormats, ("id", OtherFormatsHeadingId), ("lang", words.LanguageOf(s => s.Site.OtherFormats))).Line();
        html.Open("ul", ("class", "other-formats"), ("aria-labelledby", OtherFormatsHeadingId)).Line();
        foreach (var (text, textLanguage, href, mediaType) in formats)
        {
            html.Open("li").Element("a", text, ("href", href), ("type", mediaType), ("lang", textLanguage)).Close("li").Line();
        }
        html.Close("ul").Line();
    }

    /// <param name="legend">The group's name, with the <c>lang</c> it needs (<see cref="SiteWords.LanguageOf"/>).</param>
    private static void Choices(HtmlWriter html, (string Text, string? Language) legend, string name, IEnumerable<(string Value, string Label, bool Chosen)> options)
    {
        html.Open("fieldset").Line();
        html.Element("legend", legend.Text, ("lang", legend.Language)).Line();
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
