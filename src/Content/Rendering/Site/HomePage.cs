using System.Collections.Immutable;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Search;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Site;

/// <summary>The site's root: what the library is for, the topics to browse, and the leaflets A to Z, a page at a time.</summary>
public static class HomePage
{
    /// <summary>The id of the topics' heading, which the search page's advice links to.</summary>
    public const string TopicsId = "topics";

    /// <summary>The id of the A to Z's heading.</summary>
    public const string AToZId = "a-to-z";

    /// <param name="topics">Every topic (<see cref="Topics.Of"/>).</param>
    /// <param name="aToZ">The page of the A to Z to show (<see cref="LeafletSearch.ByTitle"/> order).</param>
    /// <param name="language">The page's language, its words and the page in its other languages.</param>
    public static string Render(ImmutableArray<Topic> topics, SearchPage aToZ, SiteUrls urls, SiteLanguage language)
    {
        ArgumentNullException.ThrowIfNull(aToZ);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(language);
        var words = language.Words;
        urls = urls.InLanguage(words.Language);
        var site = words.Strings;
        return SiteLayout.Render(new SiteFrame(words.Title(site.HomeTitle, aToZ), urls, words) { Alternates = LanguageSwitch.Alternates(language) }, html =>
        {
            LanguageSwitch.Write(html, language, words);
            html.Element("h1", site.HomeTitle, ("lang", words.LanguageOf(s => s.Site.HomeTitle))).Line();
            html.Element("p", site.HomeIntro, ("lang", words.LanguageOf(s => s.Site.HomeIntro))).Line();
            if (!topics.IsEmpty)
            {
                html.Element("h2", site.BrowseByTopic, ("id", TopicsId), ("lang", words.LanguageOf(s => s.Site.BrowseByTopic))).Line();
                WriteTopics(html, topics, urls, words);
            }
            if (aToZ.Total > 0)
            {
                html.Element("h2", site.AToZ, ("id", AToZId), ("lang", words.LanguageOf(s => s.Site.AToZ))).Line();
                LeafletList.Write(html, aToZ.Items, urls, words, "h3", today: null);
                Paging.Write(html, aToZ, words, urls.HomePage);
            }
        });
    }

    private static void WriteTopics(HtmlWriter html, ImmutableArray<Topic> topics, SiteUrls urls, SiteWords words)
    {
        html.Open("ul", ("class", "topics")).Line();
        foreach (var topic in topics)
        {
            var text = ReaderStrings.Fill(words.Strings.TopicLink,
                ("topic", topic.Heading), ("count", words.LeafletCount(topic.Leaflets.Length)));
            html.Open("li").Element("a", text, ("href", urls.Topic(topic.Slug))).Close("li").Line();
        }
        html.Close("ul").Line();
    }
}
