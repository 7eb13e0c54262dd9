using System.Reflection;
using Leaflets.Content.Rendering;

namespace Leaflets.Functions.Http;

/// <summary>
/// One HTTP-triggered function as the Functions host sees it: its [Function] name, the trigger's route and
/// methods (null: every method, as the host reads a trigger that lists none). Read from the [HttpTrigger]
/// attributes, so they alone decide which methods a route allows, for <c>leaflets serve</c>, for the
/// catch-all's 405 and for the tests. host.json's routePrefix is empty, so that the app owns the site's root, and each
/// template is the whole path: API routes begin with <see cref="ApiUrls.RoutePrefix"/> themselves.
/// </summary>
public sealed record FunctionRoute(string Name, string Template, IReadOnlyList<string>? Methods, Type FunctionType, MethodInfo Method)
{
    /// <summary>The query parameters the route takes (<see cref="QueryParametersAttribute"/>); none unless declared.</summary>
    public IReadOnlyList<string> QueryParameters { get; } = Method.GetCustomAttribute<QueryParametersAttribute>()?.Names ?? [];

    /// <summary>Whether the route's trigger takes <paramref name="method"/>.</summary>
    public bool Answers(string method) => Methods is null || Methods.Contains(method.ToUpperInvariant());

    /// <summary>A route that takes any path (<c>{*path}</c>); the Functions host tries it after every other route.</summary>
    public bool IsCatchAll => Template.Split('/')[^1].StartsWith("{*", StringComparison.Ordinal);

    /// <summary>A route of the API (described by openapi.json), not a page of the library website.</summary>
    public bool IsApi => Template.StartsWith(ApiUrls.RoutePrefix + "/", StringComparison.Ordinal);

    public static IReadOnlyList<FunctionRoute> Discover(Assembly assembly)
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
                var template = (trigger.Route ?? function.Name).Trim('/');
                routes.Add(new FunctionRoute(function.Name, template, methods, type, method));
            }
        }
        return routes.OrderBy(route => route.Template, StringComparer.Ordinal).ToList();
    }
}
