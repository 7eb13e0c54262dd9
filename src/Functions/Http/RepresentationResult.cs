using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Leaflets.Functions.Http;

/// <summary>
/// A successful response with its validators, written straight to the HttpResponse (no MVC executors), so the
/// Functions host and <c>leaflets serve</c> produce the same bytes and headers. Handles conditional GET
/// (If-None-Match answers 304 with no body) and HEAD (same headers, no body).
/// </summary>
public sealed class RepresentationResult(
    ReadOnlyMemory<byte> body,
    string contentType,
    string cacheControl,
    EntityTag? entityTag = null,
    DateOnly? lastModified = null) : IActionResult
{
    public ReadOnlyMemory<byte> Body => body;

    public string ContentType => contentType;

    public EntityTag? EntityTag => entityTag;

    /// <summary>Sent as Content-Disposition when set (for example <c>inline; filename="x.pdf"</c>), on 200 and 304 alike.</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>
    /// The status of the full response: 200, or an error page's 4xx (sent with no entity tag and
    /// <c>no-store</c>, as errors are never cached).
    /// </summary>
    public int StatusCode { get; init; } = StatusCodes.Status200OK;

    /// <summary>Sent as Content-Security-Policy when set: what a page may load and who may frame it.</summary>
    public string? ContentSecurityPolicy { get; init; }

    /// <summary>
    /// Sends <c>Access-Control-Allow-Origin: *</c>: for public files that pages on another origin of ours may load in
    /// CORS mode, as browsers always load fonts (the host the app answers on and the configured site root can differ).
    /// </summary>
    public bool AnyOriginMayRead { get; init; }

    /// <summary>
    /// The language of the body (a BCP 47 tag), sent as Content-Language when set. Setting it says the language was
    /// chosen by Accept-Language, so Vary names that header too, on 200, 304 and HEAD alike.
    /// </summary>
    public string? ContentLanguage { get; init; }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;

        // RFC 9110 section 15.4.5: a 304 carries the same ETag, Cache-Control and validators as the 200 would.
        response.Headers.CacheControl = cacheControl;
        // Every function consults Accept (a 406 otherwise), so a shared cache must key on it too.
        response.Headers.Vary = ContentLanguage is null ? "Accept" : "Accept, Accept-Language";
        if (ContentLanguage is not null)
        {
            response.Headers.ContentLanguage = ContentLanguage;
        }
        SecurityHeaders.ApplyTo(response);
        if (ContentSecurityPolicy is not null)
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
        if (AnyOriginMayRead)
        {
            response.Headers.AccessControlAllowOrigin = "*";
        }
        if (entityTag is not null)
        {
            response.Headers.ETag = entityTag.Quoted;
        }
        if (ContentDisposition is not null)
        {
            response.Headers.ContentDisposition = ContentDisposition;
        }
        if (lastModified is { } date)
        {
            response.Headers.LastModified = HeaderUtilities.FormatDate(new DateTimeOffset(date, TimeOnly.MinValue, TimeSpan.Zero));
        }

        if (entityTag is not null && entityTag.MatchesIfNoneMatch(request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
        }
    }
}
