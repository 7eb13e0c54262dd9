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
    public static string Render(ImmutableArray<Topic> topics, SearchPage aToZ, SiteUrls urls)
    {
        ArgumentNullException.ThrowIfNull(aToZ);
        ArgumentNullException.ThrowIfNull(urls);
        var strings = SiteWords.Strings;
        return SiteLayout.Render(new SiteFrame(SiteWords.Title(strings.HomeTitle), urls), html =>
        {
            html.Element("h1", strings.HomeTitle).Line();
            html.Element("p", strings.HomeIntro).Line();
            if (!topics.IsEmpty)
            {
                html.Element("h2", strings.BrowseByTopic, ("id", TopicsId)).Line();
                WriteTopics(html, topics, urls);
            }
            if (aToZ.Total > 0)
            {
                html.Element("h2", strings.AToZ, ("id", AToZId)).Line();
                LeafletList.Write(html, aToZ.Items, urls, "h3", today: null);
                Paging.Write(html, aToZ, urls.HomePage);
            }
        });
    }

    private static void WriteTopics(HtmlWriter html, ImmutableArray<Topic> topics, SiteUrls urls)
    {
        html.Open("ul", ("class", "topics")).Line();
        foreach (var topic in topics)
        {
            var text = ReaderStrings.Fill(SiteWords.Strings.TopicLink,
                ("topic", topic.Name), ("count", SiteWords.LeafletCount(topic.Leaflets.Length)));
            html.Open("li").Element("a", text, ("href", urls.Topic(topic.Slug))).Close("li").Line();
        }
        html.Close("ul").Line();
    }
}
