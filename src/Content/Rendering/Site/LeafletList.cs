using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Search;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// A list of leaflets (search results, a topic, the A to Z): each a heading linking to the leaflet's page, then its
/// summary, in the page's language where the leaflet has it (else its main language, marked as such); in search results,
/// the words around what matched with those words marked (<c>mark</c>, which screen readers can announce); with
/// <c>today</c>, also the versions it comes in, the languages it comes in (each a link to it in that language), and
/// its review status in words.
/// </summary>
internal static class LeafletList
{
    public const string ClassName = "results";

    /// <summary>The class of a search result's snippet.</summary>
    public const string SnippetClass = "snippet";

    /// <param name="heading">The heading element of each item: h2 under the page's h1, h3 under a section's h2.</param>
    /// <param name="today">The day review statuses are judged on; null leaves the details out.</param>
    /// <param name="snippets">By leaflet id, what a search matched (<see cref="SearchPage.Snippets"/>); none in other lists.</param>
    public static void Write(HtmlWriter html, IEnumerable<Leaflet> leaflets, SiteUrls urls, SiteWords words, string heading, DateOnly? today,
        IReadOnlyDictionary<string, Snippet>? snippets = null)
    {
        html.Open("ol", ("class", ClassName)).Line();
        foreach (var leaflet in leaflets)
        {
            var shown = leaflet.Find(LeafletVariant.Plain, words.Language) ?? leaflet.Plain;
            var metadata = shown.Metadata;
            var language = SamePrimaryLanguage(metadata.Language, words.Language) ? null : metadata.Language;
            // The main language's link is the leaflet's address: with no language named, the page offers the reader's own.
            var link = urls.Leaflet(leaflet.Id, LeafletVariant.Plain, leaflet.TranslationLanguage(metadata.Language));
            html.Open("li").Line();
            html.Open(heading).Element("a", metadata.Title, ("href", link), ("hreflang", metadata.Language), ("lang", language)).Close(heading).Line();
            var snippet = snippets?.GetValueOrDefault(leaflet.Id);
            if (snippet is not null && snippet.Text == metadata.Summary)
            {
                // The words matched in the summary itself: marked there, not read out twice.
                WriteMarked(html, snippet, ("lang", language));
            }
            else
            {
                html.Element("p", metadata.Summary, ("lang", language)).Line();
                if (snippet is not null)
                {
                    WriteMarked(html, snippet, ("class", SnippetClass),
                        ("lang", SamePrimaryLanguage(snippet.Language, words.Language) ? null : snippet.Language));
                }
            }
            if (today is { } day)
            {
                WriteDetails(html, leaflet, urls, words, day);
            }
            html.Close("li").Line();
        }
        html.Close("ol").Line();
    }

    /// <summary>A paragraph of the snippet's words, the matched ones in <c>mark</c>.</summary>
    private static void WriteMarked(HtmlWriter html, Snippet snippet, params (string Name, string? Value)[] attributes)
    {
        html.Open("p", attributes);
        foreach (var part in snippet.Parts)
        {
            if (part.IsMatch)
            {
                html.Element("mark", part.Text);
            }
            else
            {
                html.Text(part.Text);
            }
        }
        html.Close("p").Line();
    }

    private static void WriteDetails(HtmlWriter html, Leaflet leaflet, SiteUrls urls, SiteWords words, DateOnly today)
    {
        var variants = words.List(leaflet.Variants.Keys.Select(words.VariantName));
        var metadata = leaflet.Plain.Metadata;
        // The notice's first sentence, in the leaflet page's and the PDF's own words.
        var notice = ReviewNotice.For(ReviewStatuses.Of(metadata, today), metadata.NextReview, words.All, words.Language);
        html.Open("ul", ("class", "details")).Line();
        html.Element("li", ReaderStrings.Fill(words.Strings.AvailableAs, ("variants", variants)), ("lang", words.LanguageOf(s => s.Site.AvailableAs))).Line();
        WriteLanguages(html, leaflet, urls, words);
        html.Element("li", notice.Emphasis ?? notice.Text, ("lang", notice.Emphasis is null ? notice.TextLanguage : notice.EmphasisLanguage)).Line();
        html.Close("ul").Line();
    }

    /// <summary>"In English, Welsh": each language a link to the leaflet in it (its first variant in that language).</summary>
    private static void WriteLanguages(HtmlWriter html, Leaflet leaflet, SiteUrls urls, SiteWords words)
    {
        var (before, after) = ReaderStrings.FillAround(words.Strings.InLanguages, "languages");
        html.Open("li", ("lang", words.LanguageOf(s => s.Site.InLanguages))).Text(before);
        var first = true;
        foreach (var language in leaflet.Languages)
        {
            if (!first)
            {
                html.Text(words.Strings.ListSeparator);
            }
            first = false;
            var variant = LeafletVariants.All.First(v => leaflet.Find(v, language) is not null);
            html.Element("a", words.LanguageName(language), ("href", urls.Leaflet(leaflet.Id, variant, language)), ("hreflang", language));
        }
        html.Text(after).Close("li").Line();
    }

    private static bool SamePrimaryLanguage(string tag, string other)
        => string.Equals(tag.Split('-')[0], other.Split('-')[0], StringComparison.OrdinalIgnoreCase);
}
