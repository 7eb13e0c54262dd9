using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Leaflets.Functions.Http;

/// <summary>
/// A successful response with its validators, written straight to the HttpResponse (no MVC executors), so the
/// Functions host and <c>leaflets serve</c> produce the same bytes and headers. Handles conditional GET
/// (If-None-Match, matched across codings, else If-Modified-Since where <see cref="LastModifiedValidates"/>; answers 304
/// with no body), HEAD (same headers, no body) and compression of the body by Accept-Encoding (<see cref="ContentCoding"/>;
/// a body from <see cref="RepresentationCache"/> is encoded once and then sent as kept).
/// </summary>
public sealed class RepresentationResult(
    RepresentationBody body,
    string contentType,
    string cacheControl,
    EntityTag? entityTag = null,
    DateTimeOffset? lastModified = null) : IActionResult
{
    public RepresentationResult(
        ReadOnlyMemory<byte> body, string contentType, string cacheControl, EntityTag? entityTag = null, DateTimeOffset? lastModified = null)
        : this(new RepresentationBody(body), contentType, cacheControl, entityTag, lastModified)
    {
    }

    public ReadOnlyMemory<byte> Body => body.Identity;

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
    /// Whether If-Modified-Since is answered from Last-Modified: true for what is built from one leaflet, whose
    /// <c>dateModified</c> moves with every change of it. A body that mixes leaflets (a list) is dated by its newest
    /// leaflet, which a leaflet's removal does not move, so there only the ETag can say it is unchanged.
    /// </summary>
    public bool LastModifiedValidates { get; init; }

    /// <summary>
    /// The language of the body (a BCP 47 tag), sent as Content-Language when set. Setting it says the language was
    /// chosen by Accept-Language, so Vary names that header too, on 200, 304 and HEAD alike.
    /// </summary>
    public string? ContentLanguage { get; init; }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;

        var compressible = ContentCoding.Suits(contentType);
        // Chosen before the 304 check, as the 304 carries the tag of the bytes a 200 would send; encoded only after it.
        var coding = compressible ? ContentCoding.Choose(request.Headers.AcceptEncoding, body.Identity.Length) : null;

        // RFC 9110 section 15.4.5: a 304 carries the same ETag, Cache-Control and validators as the 200 would.
        response.Headers.CacheControl = cacheControl;
        // Every function consults Accept (a 406 otherwise), so a shared cache must key on it too; and on
        // Accept-Encoding wherever the body may be compressed, also when this answer is not (a small body, no header).
        // Set before CrossOrigin, which may add Origin.
        var vary = ContentLanguage is null ? "Accept" : "Accept, Accept-Language";
        response.Headers.Vary = compressible ? vary + ", Accept-Encoding" : vary;
        if (ContentLanguage is not null)
        {
            response.Headers.ContentLanguage = ContentLanguage;
        }
        SecurityHeaders.ApplyTo(response);
        CrossOrigin.ApplyTo(context.HttpContext);
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
            response.Headers.ETag = entityTag.InCoding(coding).Quoted;
        }
        if (ContentDisposition is not null)
        {
            response.Headers.ContentDisposition = ContentDisposition;
        }
        if (lastModified is { } date)
        {
            response.Headers.LastModified = HeaderUtilities.FormatDate(date);
        }

        if (IsNotModified(request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        // HEAD encodes too, so that its Content-Length is the one GET would send.
        var sent = body.In(coding);
        response.StatusCode = StatusCode;
        response.ContentType = contentType;
        if (coding is not null)
        {
            response.Headers.ContentEncoding = coding.Token;
        }
        response.ContentLength = sent.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(sent, context.HttpContext.RequestAborted);
        }
    }

    /// <summary>
    /// RFC 9110 section 13.2.2: If-None-Match decides when it is sent (<see cref="MatchesIfNoneMatch"/>); only without
    /// it, and only on GET and HEAD, does If-Modified-Since: unchanged when Last-Modified is no later than its date. A
    /// date that does not parse (or more than one field) is ignored, as the RFC requires, so the full response is sent.
    /// </summary>
    public bool IsNotModified(HttpRequest request)
    {
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return entityTag is not null && MatchesIfNoneMatch(entityTag, ContentCoding.Suits(contentType), request.Headers.IfNoneMatch);
        }
        return LastModifiedValidates
            && StatusCode == StatusCodes.Status200OK
            && lastModified is { } date
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Headers.IfModifiedSince is [{ } since]
            && HeaderUtilities.TryParseDate(since, out var sinceDate)
            && date <= sinceDate;
    }

    /// <summary>
    /// The rule: a listed tag matches when, <c>W/</c> ignored (the weak comparison of RFC 9110 section 8.8.3.2, which
    /// section 13.1.2 prescribes for If-None-Match), it equals this representation's identity tag or the tag of any of
    /// its codings. That is wider than equal tags on purpose: every coding decodes to the same identity bytes, so a cache
    /// holding the gzip copy (<c>"x-gz"</c>) that now asks with Brotli accepted holds the current content all the same.
    /// It gets 304 (with the <c>"x-br"</c> tag a 200 would carry) rather than the body again, and keeps its copy with
    /// that copy's own Content-Encoding.
    /// </summary>
    private static bool MatchesIfNoneMatch(EntityTag identity, bool compressible, StringValues ifNoneMatch)
    {
        if (identity.MatchesIfNoneMatch(ifNoneMatch))
        {
            return true;
        }
        return compressible && ContentCoding.Offered.Any(coding => identity.InCoding(coding).MatchesIfNoneMatch(ifNoneMatch));
    }
}
