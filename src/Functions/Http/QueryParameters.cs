using Microsoft.AspNetCore.Http;

namespace Leaflets.Functions.Http;

/// <summary>
/// The query parameters a function's route takes, declared on its [Function] method beside the route. A route that
/// declares none takes none. openapi.json lists the same names for the route (a test compares them).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class QueryParametersAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}

/// <summary>
/// Strict queries, for every route in one place (<see cref="FunctionResponse.RunAsync"/>): a parameter the route does
/// not take, or one given twice, is a 400 naming it and listing what the route takes. Silently ignoring it would
/// answer <c>?language=cy</c> with every leaflet, and a repeated one with whichever value won.
/// </summary>
public static class QueryParameters
{
    /// <summary>
    /// The 400 to answer instead, or null when the query is one the route at the request's path takes. Names compare
    /// ignoring case, as the functions read them. A request no route answers is left to the catch-all (its 404, its 405,
    /// a CORS preflight, which must succeed for the browser to show the 400 that follows), except at the site's root,
    /// which the catch-all serves as the home page.
    /// </summary>
    public static ProblemResult? Check(HttpRequest request)
    {
        if (request.Query.Count == 0 || AcceptedBy(request.Method, request.Path.Value ?? "/") is not { } accepted)
        {
            return null;
        }
        foreach (var (name, values) in request.Query)
        {
            if (!accepted.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return Problems.UnknownQueryParameter(name, accepted);
            }
            if (values.Count > 1)
            {
                return Problems.RepeatedQueryParameter(name, values.Count, accepted);
            }
        }
        return null;
    }

    /// <summary>What the route answering <paramref name="method"/> at <paramref name="path"/> takes; null when none does.</summary>
    private static IReadOnlyList<string>? AcceptedBy(string method, string path) => path is "" or "/"
        ? (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? AppRoutes.CatchAll?.QueryParameters : null)
        : AppRoutes.Matching(path).FirstOrDefault(route => route.Answers(method))?.QueryParameters;
}
