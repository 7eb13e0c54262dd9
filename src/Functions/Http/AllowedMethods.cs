using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Leaflets.Functions.Http;

/// <summary>Which methods the app's functions answer at a path, for the 405 that names them in <c>Allow</c>.</summary>
public static class AllowedMethods
{
    private static readonly Lazy<IReadOnlyList<(TemplateMatcher Template, IReadOnlyList<string> Methods)>> Routes = new(() =>
        FunctionRoute.Discover(typeof(AllowedMethods).Assembly)
            .Where(route => !route.IsCatchAll && route.Methods is not null)
            .Select(route => (new TemplateMatcher(TemplateParser.Parse(route.Template), new RouteValueDictionary()), route.Methods!))
            .ToList());

    /// <summary>The methods of every route whose template matches <paramref name="path"/>; empty when none does.</summary>
    public static IReadOnlyList<string> At(string path) =>
        Routes.Value.Where(route => route.Template.TryMatch(path, new RouteValueDictionary()))
            .SelectMany(route => route.Methods).Distinct().ToList();
}
