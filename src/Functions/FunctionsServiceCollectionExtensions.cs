using Leaflets.Content;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Functions.Health;
using Leaflets.Functions.Http;
using Leaflets.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Everything the function classes need, for the Functions host and for <c>leaflets serve</c> alike.</summary>
    public static IServiceCollection AddLeafletFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        // With Content:Source=blob: leaflets from a container, and the shared PDF store between the memory cache and the renderer.
        services.AddLeafletStorage(configuration);
        services.AddLeafletPdf(configuration);
        services.AddLeafletContent(configuration);
        services.Configure<HttpResponseOptions>(configuration.GetSection(HttpResponseOptions.SectionName));
        services.AddHostedService<CatalogWarmup>();
        return services;
    }
}
