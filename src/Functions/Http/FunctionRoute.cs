using System.Reflection;

namespace Leaflets.Functions.Http;

/// <summary>
/// One HTTP-triggered function as the Functions host sees it: its [Function] name, the trigger's route and
/// methods (null: every method, as the host reads a trigger that lists none). Read from the [HttpTrigger]
/// attributes, so they alone decide which methods a route allows, for <c>leaflets serve</c>, for the
/// catch-all's 405 and for the tests.
/// </summary>
public sealed record FunctionRoute(string Name, string Template, IReadOnlyList<string>? Methods, Type FunctionType, MethodInfo Method)
{
    /// <summary>A route that takes any path (<c>{*path}</c>); the Functions host tries it after every other route.</summary>
    public bool IsCatchAll => Template.Split('/')[^1].StartsWith("{*", StringComparison.Ordinal);

    public static IReadOnlyList<FunctionRoute> Discover(Assembly assembly, string routePrefix)
    {
        var routes = new List<FunctionRoute>();
        foreach (var type in assembly.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                var trigger = method.GetParameters()
                    .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>())
                    .FirstOrDefault(attribute => attribute is not null);
                if (function is null || trigger is null)
                {
                    continue;
                }
                var methods = trigger.Methods?.Select(m => m.ToUpperInvariant()).ToArray();
                var template = routePrefix.Trim('/') + "/" + (trigger.Route ?? function.Name).TrimStart('/');
                routes.Add(new FunctionRoute(function.Name, template, methods, type, method));
            }
        }
        return routes.OrderBy(route => route.Template, StringComparer.Ordinal).ToList();
    }
}
