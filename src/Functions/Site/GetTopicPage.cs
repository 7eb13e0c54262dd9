using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Search;
using Leaflets.Content.Text;

namespace Leaflets.Functions.Site;

/// <summary>GET /topics/{topic}?page=&amp;lang=: the leaflets on one topic (by its slug, <see cref="Topics.Slug"/>).</summary>
public sealed class GetTopicPage(SiteRoutes routes, ILogger<GetTopicPage> logger)
{
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
        if (Topics.Of(snapshot.Content.Leaflets.Values).FirstOrDefault(t => t.Slug == topic) is not { } found)
        {
            return routes.Error(request, urls, Problems.UnknownTopic(topic));
        }
        var leaflets = LeafletSearch.List(found.Leaflets, query with { Words = [] }, LeafletSearch.ByTitle);
        return routes.ListPage(request, urls, leaflets, language, () => TopicPage.Render(found, leaflets, urls, routes.Today, language));
    }, routes.ErrorPageFor(request));
}
