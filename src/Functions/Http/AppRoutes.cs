using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Leaflets.Functions.Http;

/// <summary>
/// This app's routes (<see cref="FunctionRoute.Discover"/>), matched against a path by template as the hosts route
/// them: what <see cref="AllowedMethods"/> and <see cref="QueryParameters"/> look up.
/// </summary>
public static class AppRoutes
{
    private static readonly Lazy<IReadOnlyList<FunctionRoute>> Discovered = new(() => FunctionRoute.Discover(typeof(AppRoutes).Assembly));

    private static readonly Lazy<IReadOnlyList<(TemplateMatcher Template, FunctionRoute Route)>> Templates = new(() =>
        Discovered.Value.Where(route => !route.IsCatchAll)
            .Select(route => (new TemplateMatcher(TemplateParser.Parse(route.Template), new RouteValueDictionary()), route))
            .ToList());

    /// <summary>The route that takes any path the others do not, and the site's root.</summary>
    public static FunctionRoute? CatchAll => Discovered.Value.FirstOrDefault(route => route.IsCatchAll);

    /// <summary>Every route but the catch-all whose template matches <paramref name="path"/>.</summary>
    public static IEnumerable<FunctionRoute> Matching(string path) =>
        Templates.Value.Where(route => route.Template.TryMatch(path, new RouteValueDictionary())).Select(route => route.Route);
}
