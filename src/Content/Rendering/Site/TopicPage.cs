using Leaflets.Content.Search;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Site;

/// <summary>The leaflets on one topic, with how many there are, a page at a time.</summary>
public static class TopicPage
{
    /// <param name="leaflets">A page of <see cref="LeafletSearch.List"/> over the topic's leaflets.</param>
    /// <param name="today">The day review statuses are judged on.</param>
    /// <param name="language">The page's language, its words and the page in its other languages.</param>
    public static string Render(Topic topic, SearchPage leaflets, SiteUrls urls, DateOnly today, SiteLanguage language)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(leaflets);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(language);
        var words = language.Words;
        urls = urls.InLanguage(words.Language);
        var title = ReaderStrings.Fill(words.Strings.TopicTitle, ("topic", topic.Name));
        return SiteLayout.Render(new SiteFrame(words.Title(title, leaflets), urls, words) { Alternates = LanguageSwitch.Alternates(language) }, html =>
        {
            LanguageSwitch.Write(html, language, words);
            html.Element("h1", title, ("lang", words.LanguageOf(s => s.Site.TopicTitle))).Line();
            html.Element("p", words.LeafletCount(leaflets.Total)).Line();
            LeafletList.Write(html, leaflets.Items, urls, words, "h2", today);
            Paging.Write(html, leaflets, words, page => urls.Topic(topic.Slug, page));
        });
    }
}
