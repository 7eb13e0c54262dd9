using System.Text.Json;
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

    /// <summary>Sent as Retry-After (whole seconds) when set: when a client may try again.</summary>
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
        response.Headers.XContentTypeOptions = "nosniff";
        if (RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
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

    public static ProblemResult UnknownLeaflet(string id) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "unknown-leaflet", "No such leaflet",
            $"There is no leaflet '{id}'. GET /api/leaflets lists the leaflets there are.");

    public static ProblemResult MissingVariant(string id, string variant, IEnumerable<string> available) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "missing-variant", "The leaflet has no such variant",
            $"Leaflet '{id}' has no {variant} variant; it has: {string.Join(", ", available)}.");

    public static ProblemResult UnknownImage(string id, string file) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "unknown-image", "No such image",
            $"Leaflet '{id}' has no image '{file}'.");

    public static ProblemResult NoSuchRoute(string path) =>
        new(StatusCodes.Status404NotFound, TypePrefix + "no-such-route", "No such resource",
            $"Nothing is served at '{path}'. GET /api/openapi.json describes every route.");

    public static ProblemResult NotAcceptable(string offered) =>
        new(StatusCodes.Status406NotAcceptable, TypePrefix + "not-acceptable", "No acceptable representation",
            $"This resource is available as {offered}, which the Accept header rules out.");

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

    /// <summary>Says nothing about the failure itself: details stay in the log, never in a response.</summary>
    public static ProblemResult Unexpected() =>
        new(StatusCodes.Status500InternalServerError, TypePrefix + "unexpected-error", "Something went wrong",
            "The service could not answer this request. The error has been logged; please try again later.");
}
