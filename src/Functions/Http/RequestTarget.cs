using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Leaflets.Functions.Http;

/// <summary>
/// Checks the request target exactly as the client sent it. Servers normalise paths before routing
/// (<c>/a/%2e%2e/b</c> becomes <c>/b</c>), so a traversal attempt could otherwise reach another route and be
/// answered as if it were harmless; this refuses it outright with a 400 instead.
/// </summary>
public static class RequestTarget
{
    public static ProblemResult? Check(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }
        var query = raw.IndexOf('?');
        var path = query >= 0 ? raw[..query] : raw;
        var decoded = Uri.UnescapeDataString(path);
        if (decoded.Any(char.IsControl) || decoded.Contains('\\'))
        {
            return Refuse();
        }
        return decoded.Split('/').Any(segment => segment is "." or "..") ? Refuse() : null;
    }

    private static ProblemResult Refuse() => Problems.InvalidParameter(
        "The path must not contain '.' or '..' segments, backslashes or control characters, escaped or not; "
        + "leaflet ids and image file names are plain names.");
}
