using System.Text.Json;
using Leaflets.Content.Rendering.Site;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Leaflets.Functions.Http;

/// <summary>An RFC 9457 problem: <c>type</c> names the kind of error, <c>detail</c> says what to do about this one.</summary>
public sealed record ProblemJson(string Type, string Title, int Status, string Detail, string Instance);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProblemJson))]
internal sealed partial class ProblemJsonContext : JsonSerializerContext
{
    /// <summary>Details quote the caller's input ('x'); relaxed escaping keeps them readable, and the body is never HTML.</summary>
    public static ProblemJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary>
/// Writes an application/problem+json response straight to the HttpResponse, so it needs no MVC services
/// and behaves the same in the Functions host and in <c>leaflets serve</c>. Errors are never cached.
/// </summary>
public sealed class ProblemResult(int status, string type, string title, string detail) : IActionResult
{
    public const string MediaType = "application/problem+json";

    public int Status => status;

    public string Type => type;

    public string Detail => detail;

    /// <summary>Sent as the Allow header (RFC 9110 section 10.2.1), which a 405 must carry.</summary>
    public IReadOnlyList<string>? Allow { get; init; }

    /// <summary>Sent as Retry-After (whole seconds) when set: how long a 503 asks the client to wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        var problem = new ProblemJson(type, title, status, detail, (request.PathBase + request.Path).ToUriComponent());
        var body = JsonSerializer.SerializeToUtf8Bytes(problem, ProblemJsonContext.Relaxed.ProblemJson);

        response.StatusCode = status;
        response.ContentType = MediaType;
        response.ContentLength = body.Length;
        response.Headers.CacheControl = "no-store";
        SecurityHeaders.ApplyTo(response);
        // A partner's page must be able to read why its call failed.
        CrossOrigin.ApplyTo(context.HttpContext);
        if (Allow is not null)
        {
            response.Headers.Allow = string.Join(", ", Allow);
        }
        if (RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
        }
    }
}

/// <summary>Every kind of error the API answers with; the type URIs are listed in the OpenAPI document.</summary>
public static class Problems
{
    private const string TypePrefix = "urn:leaflets:problem:";

    public static ProblemResult InvalidParameter(string detail) =>
        new(StatusCodes.Status400BadRequest, TypePrefix + "invalid-parameter", "A request parameter is not valid", detail);

    public static ProblemResult UnknownQueryParameter(string name, IReadOnlyList<string> accepted) =>
        new(StatusCodes.Status400BadRequest, TypePrefix + "invalid-parameter", "A request parameter is not valid",
            $"This route takes no query parameter '{name}'; {TakesList(accepted)}");

    public static ProblemResult RepeatedQueryParameter(string name, int times, IReadOnlyList<string> accepted) =>
        new(StatusCodes.Status400BadRequest, TypePrefix + "invalid-parameter", "A request parameter is not valid",
            $"The query parameter '{name}' is given {times} times, and this route takes each once; {TakesList(accepted)}");

    private static string TakesList(IReadOnlyList<string> accepted) => accepted.Count == 0
        ? "it takes no query parameters."
        : $"it takes: {string.Join(", ", accepted)}.";

    public static ProblemResult UnknownLeaflet(string id) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "unknown-leaflet", "No such leaflet",
            $"There is no leaflet '{id}'. GET /api/leaflets lists the leaflets there are.");

    public static ProblemResult MissingVariant(string id, string variant, IEnumerable<string> available) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "missing-variant", "The leaflet has no such variant",
            $"Leaflet '{id}' has no {variant} variant; it has: {string.Join(", ", available)}.");

    public static ProblemResult UnknownImage(string id, string file) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "unknown-image", "No such image",
            $"Leaflet '{id}' has no image '{file}'.");

    public static ProblemResult UnknownAsset(string file) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "unknown-asset", "No such file",
            $"The site has no file '{file}' under /{SiteAssets.Folder}/.");

    public static ProblemResult UnknownTopic(string topic) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "unknown-topic", "No such topic",
            $"No leaflet has the topic '{topic}'. The home page lists every topic.");

    public static ProblemResult NoSuchPage(int page, int pages) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "no-such-page", "No such page",
            $"There is no page {page}: the list has {pages} page{(pages == 1 ? "" : "s")}.");

    public static ProblemResult NoSuchRoute(string path) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "no-such-route", "No such resource",
            $"Nothing is served at '{path}'. GET /api/openapi.json describes every route.");

    public static ProblemResult MethodNotAllowed(string method, string path, IReadOnlyList<string> allowed) =>
        new(StatusCodes.Status405MethodNotAllowed, TypePrefix + "method-not-allowed", "Method not allowed",
            $"'{path}' does not answer {method}; it answers {string.Join(", ", allowed)}.")
        {
            Allow = allowed,
        };

    /// <summary>Links are absolute, so without a host to put in them there is nothing right to answer.</summary>
    public static ProblemResult MissingHost() =>
        new(StatusCodes.Status400BadRequest, TypePrefix + "missing-host", "The request names no host",
            "This response holds absolute links, and the request has no Host header to build them from. "
            + "Send a Host header (HTTP/1.1 requires one); the operator can instead set Site:PublicBaseUrl.");

    public static ProblemResult NotAcceptable(string offered) =>
        new(StatusCodes.Status406NotAcceptable, TypePrefix + "not-acceptable", "No acceptable representation",
            $"This resource is available as {offered}, which the Accept header rules out.");

    /// <summary>The languages are listed so that the caller can ask again with one of them.</summary>
    public static ProblemResult LanguageNotOffered(string asked, IReadOnlyList<string> offered) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "missing-language", "Not available in that language",
            $"This is not available in '{asked}'; it is available in: {string.Join(", ", offered)}.");

    public static ProblemResult NoAcceptableLanguage(IReadOnlyList<string> offered) =>
        new(StatusCodes.Status406NotAcceptable, TypePrefix + "not-acceptable-language", "No acceptable language",
            $"This is available in {string.Join(", ", offered)}, which the Accept-Language header rules out. "
            + "Ask for one of them with ?lang=.");

    public static ProblemResult ContentNotLoaded(TimeSpan retryAfter) =>
        new(StatusCodes.Status503ServiceUnavailable, TypePrefix + "content-not-loaded", "The leaflets are not loaded yet",
            "The service has not finished loading its leaflets. Try again after the number of seconds in Retry-After.")
        {
            RetryAfter = retryAfter,
        };

    /// <summary>Every render slot and queue place is taken; nothing is wrong with the leaflet.</summary>
    public static ProblemResult RenderBusy(TimeSpan retryAfter) =>
        new(StatusCodes.Status503ServiceUnavailable, TypePrefix + "render-busy", "Too many PDFs are being rendered",
            $"Every render slot is busy and the queue is full. Try again in {Math.Ceiling(retryAfter.TotalSeconds)} s (Retry-After).")
        {
            RetryAfter = retryAfter,
        };

    /// <summary>
    /// This PDF failed to render (the reason names a limit, never an exception's text), and asking again within the
    /// failure memory gets this answer at once.
    /// </summary>
    public static ProblemResult RenderFailed(string reason) =>
        new(StatusCodes.Status500InternalServerError, TypePrefix + "render-failed", "The PDF could not be rendered",
            $"{reason} Asking again soon gives the same answer; the other variants, sizes and papers may still print.");

    /// <summary>liblouis or a table it needs is missing from this deployment: the detail names which, as nothing in it is secret.</summary>
    public static ProblemResult BrailleUnavailable(string missing) =>
        new(StatusCodes.Status503ServiceUnavailable, TypePrefix + "braille-unavailable", "Braille cannot be made at the moment",
            $"{missing} The other formats are not affected.");

    /// <summary>The speech engine cannot speak here (its library or data missing, or not configured): it and what is missing are named.</summary>
    public static ProblemResult AudioUnavailable(string missing) =>
        new(StatusCodes.Status503ServiceUnavailable, TypePrefix + "audio-unavailable", "The spoken version cannot be made at the moment",
            $"{missing}. The other formats, the SSML included, are not affected.");

    /// <summary>The speech engine has no voice for the document's language.</summary>
    public static ProblemResult AudioLanguageNotOffered(string language, string engine) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "audio-language-not-offered", "The spoken version is not offered in this language",
            $"The speech engine ({engine}) has no voice for the language '{language}'. The SSML of this language can still be fetched from /audio/ssml.");

    /// <summary>The engine was asked and failed (refused, too slow, too much audio); the reason is logged and named.</summary>
    public static ProblemResult AudioFailed(string reason) =>
        new(StatusCodes.Status500InternalServerError, TypePrefix + "audio-failed", "The spoken version could not be made",
            $"{reason}. The error has been logged.");

    /// <summary>The document's language has no braille table among those shipped.</summary>
    public static ProblemResult BrailleLanguageNotOffered(string language) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "braille-language-not-offered", "Braille is not offered in this language",
            $"There is no braille table for the language '{language}'. Braille is offered in English (Unified English Braille) and Welsh.");

    /// <summary>Says nothing about the failure itself: details stay in the log, never in a response.</summary>
    public static ProblemResult Unexpected() =>
        new(StatusCodes.Status500InternalServerError, TypePrefix + "unexpected-error", "Something went wrong",
            "The service could not answer this request. The error has been logged; please try again later.");
}
