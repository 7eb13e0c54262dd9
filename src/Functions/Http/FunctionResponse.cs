using System.Diagnostics.CodeAnalysis;
using Leaflets.Content.Catalog;
using Leaflets.Content.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leaflets.Functions.Http;

/// <summary>
/// What every function does around its own work. Neither worker middleware nor ASP.NET Core middleware runs in
/// both hosts, so each function calls this itself: a hostile target or a query the route does not take
/// (<see cref="QueryParameters"/>) is refused before its work, and an exception becomes a 500 problem with no stack trace.
/// </summary>
public static class FunctionResponse
{
    /// <param name="presentBadQuery">How a route shows the 400 for its query: the website's pages give people a page.</param>
    public static async Task<IActionResult> RunAsync(
        HttpRequest request, ILogger logger, Func<Task<IActionResult>> handle, Func<ProblemResult, IActionResult>? presentBadQuery = null)
    {
        NoteFirstAnswer(request.HttpContext);
        try
        {
            if (RequestTarget.Check(request) is { } hostileTarget)
            {
                return hostileTarget;
            }
            if (QueryParameters.Check(request) is { } badQuery)
            {
                return presentBadQuery is null ? badQuery : presentBadQuery(badQuery);
            }
            return await handle();
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (ContentNotLoadedException notLoaded)
        {
            logger.LogWarning("{Method} {Path} answered 503: {Reason}", request.Method, request.Path.Value, notLoaded.Message);
            return Problems.ContentNotLoaded(notLoaded.RetryAfter);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Unhandled error answering {Method} {Path}", request.Method, request.Path.Value);
            return Problems.Unexpected();
        }
    }

    /// <summary>
    /// Until an answer has gone, tells <see cref="FirstAnswer"/> when this one has (Response.OnCompleted runs in both
    /// hosts, once the body is written): a start's background work waits for it.
    /// </summary>
    private static void NoteFirstAnswer(HttpContext context)
    {
        // A function called directly (the tests' DirectCall) has no services: nothing to tell.
        if (context.RequestServices?.GetService<FirstAnswer>() is { IsSent: false } firstAnswer)
        {
            context.Response.OnCompleted(() =>
            {
                firstAnswer.Sent();
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>
    /// The absolute base for links: the configured site root + /api, else the scheme and host the client used. With
    /// neither (HTTP/1.0 may omit Host) there is no right link to write, so the answer is a 400 naming both fixes.
    /// </summary>
    public static bool TryUrlsFor(
        HttpRequest request, SiteOptions site, [NotNullWhen(true)] out ApiUrls? urls, [NotNullWhen(false)] out ProblemResult? problem)
    {
        var configured = site.ApiUrls;
        if (configured is null && !request.Host.HasValue)
        {
            (urls, problem) = (null, Problems.MissingHost());
            return false;
        }
        urls = configured ?? ApiUrls.UnderSiteRoot(SiteRootOf(request)!);
        problem = null;
        return true;
    }

    /// <summary>
    /// The site's root as the client reached it: scheme, host and the path base the app is mapped under
    /// (<c>http://localhost:7071</c>); null when the request names no host.
    /// </summary>
    public static string? SiteRootOf(HttpRequest request)
        => request.Host.HasValue ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}" : null;

    /// <summary>A query parameter, or null when absent. <see cref="RunAsync"/> has already refused a repeated one.</summary>
    public static string? Query(this HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) ? values.ToString() : null;
}
