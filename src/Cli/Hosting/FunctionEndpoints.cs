using System.Reflection;
using Leaflets.Functions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Cli.Hosting;

/// <summary>
/// Maps each function to an ASP.NET Core endpoint that does what the Functions host does for an HTTP trigger:
/// creates the class from DI, binds the request, route values and cancellation, runs the method and executes
/// the IActionResult it returns. Nothing else runs around it, so responses are the functions' own. A function
/// this host could not bind the way the Functions host would stops it at start, with the function's name,
/// rather than answering requests differently.
/// </summary>
public static class FunctionEndpoints
{
    public static IReadOnlyList<FunctionRoute> MapFunctions(this IEndpointRouteBuilder endpoints, Assembly functionsAssembly)
    {
        var routes = FunctionRoute.Discover(functionsAssembly);
        foreach (var route in routes)
        {
            CheckBindable(route);
            var factory = ActivatorUtilities.CreateFactory(route.FunctionType, Type.EmptyTypes);
            // Asked once: MethodInfo.GetParameters copies its array on every call.
            var parameters = route.Method.GetParameters();
            RequestDelegate invoke = context => InvokeAsync(context, route, parameters, factory);
            // A trigger that lists no methods takes every method, in the Functions host and here.
            var endpoint = route.Methods is null
                ? endpoints.Map("/" + route.Template, invoke)
                : endpoints.MapMethods("/" + route.Template, route.Methods, invoke);
            endpoint.WithName(route.Name);
        }
        return routes;
    }

    private static void CheckBindable(FunctionRoute route)
    {
        var returnType = route.Method.ReturnType;
        if (returnType != typeof(Task<IActionResult>) && !typeof(IActionResult).IsAssignableFrom(returnType))
        {
            throw new NotSupportedException($"Function {route.Name} returns {returnType.Name}; leaflets serve runs functions returning IActionResult or Task<IActionResult>.");
        }
        foreach (var parameter in route.Method.GetParameters())
        {
            if (parameter.ParameterType != typeof(HttpRequest)
                && parameter.ParameterType != typeof(CancellationToken)
                && parameter.ParameterType != typeof(string))
            {
                throw new NotSupportedException(
                    $"Function {route.Name} takes {parameter.ParameterType.Name} {parameter.Name}; leaflets serve binds HttpRequest, route values (string) and CancellationToken.");
            }
        }
    }

    private static async Task InvokeAsync(HttpContext context, FunctionRoute route, ParameterInfo[] parameters, ObjectFactory factory)
    {
        var instance = route.Method.IsStatic ? null : factory(context.RequestServices, []);
        try
        {
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                arguments[i] = Bind(parameters[i], context);
            }
            var returned = route.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            var result = returned switch
            {
                Task<IActionResult> pending => await pending,
                IActionResult ready => ready,
                _ => throw new InvalidOperationException($"Function {route.Name} returned nothing to execute."),
            };
            await result.ExecuteResultAsync(ActionContextFor(context));
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }

    private static object? Bind(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }
        // Route values bind by parameter name, as the Functions host binds them from the trigger's binding data.
        return context.Request.RouteValues.TryGetValue(parameter.Name!, out var value) ? value?.ToString() : null;
    }

    private static ActionContext ActionContextFor(HttpContext context) =>
        new(context, context.GetRouteData(), NoAction);

    // The results our functions return read nothing of the action, and a new descriptor makes a Guid string each time
    // (2.6% of the CPU of kept list pages at 64 connections), so every request shares one that is never changed.
    private static readonly ActionDescriptor NoAction = new();
}
