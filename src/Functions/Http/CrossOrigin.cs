using Leaflets.Content.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Leaflets.Functions.Http;

/// <summary>
/// CORS for every <c>/api</c> route, so that a partner's web page on another origin (a patient portal, a GP system's
/// front end) can call the API with <c>fetch()</c>. Done by our own code in both hosts: the Functions platform's CORS
/// setting names origins only, and cannot expose a header such as ETag to a page's script; on Flex Consumption its host
/// answers preflights itself from that setting, which infra/main.bicep keeps equal to ours (docs/http-api.md, CORS).
/// The website's pages are not covered: they are for people, opened by address, not read by other pages' scripts (its
/// fonts, which browsers always load in CORS mode, are any origin's: <see cref="RepresentationResult.AnyOriginMayRead"/>).
/// </summary>
public static class CrossOrigin
{
    /// <summary>
    /// The response headers a page's script may read besides the CORS-safelisted ones: the validator it sends back in
    /// If-None-Match, the PDF's file name, the language of a leaflet, its date, how long to wait after a 503, and what a
    /// 405 allows. Content-Language and Last-Modified are safelisted already; they are listed so that this one list is
    /// the whole answer to "what can a partner's script read".
    /// </summary>
    public static readonly IReadOnlyList<string> ExposedHeaders =
    [
        HeaderNames.ETag, HeaderNames.LastModified, HeaderNames.ContentDisposition, HeaderNames.ContentLanguage,
        HeaderNames.RetryAfter, HeaderNames.Allow,
    ];

    /// <summary><see cref="ExposedHeaders"/> as the header's value, joined once rather than on every answer.</summary>
    private static readonly string ExposedHeadersValue = string.Join(", ", ExposedHeaders);

    /// <summary>
    /// The request headers a page may send: content negotiation and the conditional requests that make a repeat cheap.
    /// If-None-Match and If-Modified-Since are not safelisted, so a fetch that sends them is preflighted.
    /// </summary>
    public static readonly IReadOnlyList<string> AllowedRequestHeaders =
    [
        HeaderNames.Accept, HeaderNames.AcceptLanguage, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince,
    ];

    private static readonly string AllowedRequestHeadersValue = string.Join(", ", AllowedRequestHeaders);

    /// <summary>
    /// How long a browser may reuse a preflight's answer: two hours, the most Chromium honours (Firefox would take a
    /// day). The answer changes only with a deployment or a change of <see cref="CrossOriginOptions.AllowedOrigins"/>.
    /// </summary>
    public const int PreflightMaxAgeSeconds = 7200;

    /// <summary>A path under <c>/api</c>, where the API answers other origins' pages.</summary>
    public static bool Covers(HttpRequest request) => request.Path.StartsWithSegments("/" + ApiUrls.RoutePrefix);

    /// <summary>
    /// A browser asking whether a page may send a request to the API: the Fetch standard's CORS-preflight request, on
    /// an <c>/api</c> path.
    /// </summary>
    public static bool IsApiPreflight(HttpRequest request) =>
        Covers(request)
        && HttpMethods.IsOptions(request.Method)
        && request.Headers.ContainsKey(HeaderNames.Origin)
        && request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod);

    /// <summary>
    /// The CORS headers of a response to an actual request (200, 304, HEAD, problems alike): who may read it and which
    /// headers besides the safelisted ones. An origin that is not allowed gets none, so its browser blocks the read.
    /// </summary>
    public static void ApplyTo(HttpContext context)
    {
        if (AllowOrigin(context) is not null)
        {
            context.Response.Headers.AccessControlExposeHeaders = ExposedHeadersValue;
        }
    }

    /// <summary>
    /// The answer to a preflight on an <c>/api</c> route: 204 with the route's methods, the headers a page may send and
    /// how long to remember that; for an origin that is not allowed, no CORS headers.
    /// </summary>
    public static IActionResult Preflight(IReadOnlyList<string> methods) => new PreflightResult(methods);

    /// <summary>Sends Access-Control-Allow-Origin when the request's origin may read it; returns the value sent, or null.</summary>
    private static string? AllowOrigin(HttpContext context)
    {
        if (!Covers(context.Request))
        {
            return null;
        }
        var options = OptionsOf(context);
        var response = context.Response;
        if (options.AllowsAnyOrigin)
        {
            // The same for every origin, and for none: a shared cache may keep one copy for all.
            response.Headers.AccessControlAllowOrigin = CrossOriginOptions.AnyOrigin;
            return CrossOriginOptions.AnyOrigin;
        }
        // The answer depends on Origin from here on, including for a request without one.
        response.Headers.Vary = StringValues.IsNullOrEmpty(response.Headers.Vary)
            ? HeaderNames.Origin
            : $"{response.Headers.Vary}, {HeaderNames.Origin}";
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !options.Allows(origin))
        {
            return null;
        }
        response.Headers.AccessControlAllowOrigin = origin;
        return origin;
    }

    /// <summary>
    /// Results are written after the function returns, so they read the setting from the request's services: the
    /// worker's FunctionContext services in Azure, the app's under <c>leaflets serve</c>. A context with no services (a
    /// test calling a function directly) gets the default.
    /// </summary>
    private static CrossOriginOptions OptionsOf(HttpContext context) =>
        context.RequestServices?.GetService<IOptions<CrossOriginOptions>>()?.Value ?? new CrossOriginOptions();

    private sealed class PreflightResult(IReadOnlyList<string> methods) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status204NoContent;
            SecurityHeaders.ApplyTo(response);
            if (AllowOrigin(context.HttpContext) is not null)
            {
                response.Headers.AccessControlAllowMethods = string.Join(", ", methods);
                response.Headers.AccessControlAllowHeaders = AllowedRequestHeadersValue;
                response.Headers.AccessControlMaxAge = PreflightMaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return Task.CompletedTask;
        }
    }
}
