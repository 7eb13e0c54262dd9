namespace Leaflets.Functions.Routing;

/// <summary>
/// Any request no other function takes. Without it the Functions host answers an unknown path, and a known path
/// with another method, with an empty 404 of its own; with it both hosts answer 405 with <c>Allow</c> for a known
/// route and a 404 problem for anything else. The host tries a catch-all route after every other route.
/// </summary>
public sealed class Unmatched(ILogger<Unmatched> logger)
{
    [Function(nameof(Unmatched))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = "{*path}")] HttpRequest request,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, () =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = (request.PathBase + request.Path).Value ?? "/";
        var allowed = AllowedMethods.At(request.Path.Value ?? "/");
        IActionResult result = allowed.Count == 0
            ? Problems.NoSuchRoute(path)
            : Problems.MethodNotAllowed(request.Method, path, allowed);
        return Task.FromResult(result);
    });
}
