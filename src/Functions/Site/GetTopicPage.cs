using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Search;
using Leaflets.Content.Text;

namespace Leaflets.Functions.Site;

/// <summary>GET /topics/{topic}?page=&amp;lang=: the leaflets on one topic (by its slug, <see cref="Topics.Slug"/>).</summary>
public sealed class GetTopicPage(SiteRoutes routes, ILogger<GetTopicPage> logger)
{
    /// <summary>Names a topic page's body in the cache, apart from every other body.</summary>
    private const string TopicPageRepresentation = "text/html;site-topic";

    [Function(nameof(GetTopicPage))]
    [QueryParameters(SiteUrls.PageParameter, LanguageNegotiation.Parameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = SiteUrls.TopicsPath + "/{topic}")] HttpRequest request,
        string topic,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, async () =>
    {
        var urls = routes.UrlsFor(request);
        if (!routes.TryReadListing(request, urls, out var query, out var badQuery))
        {
            return badQuery;
        }
        var (language, notInLanguage) = await routes.ChooseSiteLanguageAsync(request, urls, links => links.Topic(topic, query.Page), cancellationToken);
        if (language is null)
        {
            return notInLanguage!;
        }
        var snapshot = await routes.Catalog.GetSnapshotAsync(cancellationToken);
        // Only ever compared with the slugs of the catalog's own topics, so any text is safe here.
        if (!LeafletViews.Of(snapshot.Content).TryGetTopic(topic, out var found))
        {
            return routes.Error(request, urls, Problems.UnknownTopic(topic));
        }
        // A topic page lists; words in its address are not searched.
        var listing = query with { Words = [] };
        return await routes.ListPageAsync(request, urls, language, routes.ListKey(TopicPageRepresentation, snapshot, listing, language, urls, found.Slug),
            () => ValueTask.FromResult(LeafletSearch.PageOf(found.Leaflets, listing)), leaflets => TopicPage.Render(found, leaflets, urls, routes.Today, language));
    }, routes.ErrorPageFor(request));
}
