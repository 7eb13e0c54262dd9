using Leaflets.Content.Rendering;
using Leaflets.Functions.Site;

namespace Leaflets.Functions.Routing;

/// <summary>
/// Any request no other function takes, and the site's root. Without it the Functions host answers an unknown path,
/// and a known path with another method, with an empty 404 of its own, and <c>/</c> with its own landing page; with it
/// both hosts answer <c>/</c> with the library's home page, a CORS preflight on an API route with 204
/// (<see cref="CrossOrigin"/>), 405 with <c>Allow</c> for any other method on a known route, and for anything
/// else the 404 page for people when the request prefers HTML, or a 404 problem. The host tries a catch-all route
/// after every other route.
/// </summary>
public sealed class Unmatched(SiteRoutes site, ILogger<Unmatched> logger)
{
    [Function(nameof(Unmatched))]
    // What the home page (the site's root) takes; any other path is a 404 or 405 whatever its query.
    [QueryParameters(SiteUrls.PageParameter, LanguageNegotiation.Parameter)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = "{*path}")] HttpRequest request,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, () =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = (request.PathBase + request.Path).Value ?? "/";
        if (request.Path.Value is null or "" or "/")
        {
            return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
                ? site.HomeAsync(request, cancellationToken)
                : Task.FromResult<IActionResult>(Problems.MethodNotAllowed(request.Method, path, HomeMethods));
        }
        var allowed = AllowedMethods.At(request.Path.Value);
        if (allowed.Count == 0)
        {
            return Task.FromResult(site.NotFound(request));
        }
        return Task.FromResult(CrossOrigin.IsApiPreflight(request)
            ? CrossOrigin.Preflight(allowed)
            : Problems.MethodNotAllowed(request.Method, path, allowed));
    }, site.ErrorPageFor(request));

    /// <summary>What the home page answers, like every page and API route.</summary>
    private static readonly IReadOnlyList<string> HomeMethods = [HttpMethods.Get, HttpMethods.Head];
}
