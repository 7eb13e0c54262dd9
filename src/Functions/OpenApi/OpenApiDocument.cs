using Leaflets.Content.Rendering;

namespace Leaflets.Functions.OpenApi;

/// <summary>GET /api/openapi.json: the hand-written OpenAPI 3.1 description, embedded in this assembly.</summary>
public sealed class OpenApiDocument(IOptions<HttpResponseOptions> options, ILogger<OpenApiDocument> logger)
{
    public const string MediaType = "application/json";

    private static readonly Lazy<byte[]> Document = new(Load);

    [Function(nameof(OpenApiDocument))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiUrls.RoutePrefix + "/openapi.json")] HttpRequest request,
        CancellationToken cancellationToken) => FunctionResponse.RunAsync(request, logger, () =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        IActionResult result = AcceptHeader.Accepts(request.Headers.Accept, MediaType)
            ? new RepresentationResult(Document.Value, MediaType, options.Value.CacheControl, EntityTag.OfBytes(Document.Value))
            : Problems.NotAcceptable(MediaType);
        return Task.FromResult(result);
    });

    public static byte[] Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("Leaflets.Functions.OpenApi.openapi.json")
            ?? throw new InvalidOperationException("The embedded OpenAPI document is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
