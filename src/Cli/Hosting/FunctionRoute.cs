using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Leaflets.Cli.Hosting;

/// <summary>
/// One HTTP-triggered function as the Functions host sees it: its [Function] name, the trigger's route and methods,
/// and how to bind each parameter. Found by reflection, so a new function class is served by
/// <c>leaflets serve</c> with no change here.
/// </summary>
public sealed record FunctionRoute(string Name, string Template, IReadOnlyList<string> Methods, Type FunctionType, MethodInfo Method)
{
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
                CheckBindable(function.Name, method);
                var methods = (trigger.Methods ?? ["GET", "POST"]).Select(m => m.ToUpperInvariant()).ToArray();
                var template = routePrefix.Trim('/') + "/" + (trigger.Route ?? function.Name).TrimStart('/');
                routes.Add(new FunctionRoute(function.Name, template, methods, type, method));
            }
        }
        return routes.OrderBy(route => route.Template, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Fails at start, with the function's name, for anything this host cannot bind the way the Functions host
    /// would, rather than answering requests differently.
    /// </summary>
    private static void CheckBindable(string name, MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (returnType != typeof(Task<IActionResult>) && !typeof(IActionResult).IsAssignableFrom(returnType))
        {
            throw new NotSupportedException($"Function {name} returns {returnType.Name}; leaflets serve runs functions returning IActionResult or Task<IActionResult>.");
        }
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType != typeof(HttpRequest)
                && parameter.ParameterType != typeof(CancellationToken)
                && parameter.ParameterType != typeof(string))
            {
                throw new NotSupportedException(
                    $"Function {name} takes {parameter.ParameterType.Name} {parameter.Name}; leaflets serve binds HttpRequest, route values (string) and CancellationToken.");
            }
        }
    }
}
