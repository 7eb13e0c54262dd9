using Leaflets.Content.Search;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Site;

/// <summary>The leaflets on one topic, with how many there are, a page at a time.</summary>
public static class TopicPage
{
    /// <param name="leaflets">A page of <see cref="LeafletSearch.Search"/> over the topic's leaflets.</param>
    /// <param name="today">The day review statuses are judged on.</param>
    public static string Render(Topic topic, SearchPage leaflets, SiteUrls urls, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(leaflets);
        ArgumentNullException.ThrowIfNull(urls);
        var title = ReaderStrings.Fill(SiteWords.Strings.TopicTitle, ("topic", topic.Name));
        return SiteLayout.Render(new SiteFrame(SiteWords.Title(title), urls), html =>
        {
            html.Element("h1", title).Line();
            html.Element("p", SiteWords.LeafletCount(leaflets.Total)).Line();
            LeafletList.Write(html, leaflets.Items, urls, "h2", today);
            Paging.Write(html, leaflets, page => urls.Topic(topic.Slug, page));
        });
    }
}
