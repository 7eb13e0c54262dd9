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

    /// <summary>
    /// For each template with no parameter (<c>api/leaflets</c>, <c>api/health</c>), the path it names and what
    /// <see cref="MatchAll"/> gives for that path, worked out once: these paths are asked for on every request to them
    /// (<see cref="QueryParameters.Check"/>), and matching the path against every template, a dictionary allocated for
    /// each, was 3.5% of the CPU of kept list pages at 64 connections. Template literals match ignoring case, so the
    /// lookup does too, and the answer is the same for every casing of the path.
    /// </summary>
    private static readonly Lazy<Dictionary<string, FunctionRoute[]>> LiteralPaths = new(() =>
        Templates.Value.Where(route => !route.Route.Template.Contains('{'))
            .Select(route => "/" + route.Route.Template)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(path => path, path => MatchAll(path).ToArray(), StringComparer.OrdinalIgnoreCase));

    /// <summary>Every route but the catch-all whose template matches <paramref name="path"/>.</summary>
    public static IEnumerable<FunctionRoute> Matching(string path) =>
        LiteralPaths.Value.TryGetValue(path, out var routes) ? routes : MatchAll(path);

    private static IEnumerable<FunctionRoute> MatchAll(string path) =>
        Templates.Value.Where(route => route.Template.TryMatch(path, new RouteValueDictionary())).Select(route => route.Route);
}
