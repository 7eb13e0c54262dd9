using Leaflets.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Everything the function classes need, for the Functions host and for <c>leaflets serve</c> alike.</summary>
    public static IServiceCollection AddLeafletFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        // With Content:Source=blob: leaflets from a container, and the shared PDF store between the memory cache and the renderer.
        Leaflets.Storage.StorageServiceCollectionExtensions.AddLeafletStorage(services, configuration);
        Leaflets.Content.Rendering.Pdf.PdfServiceCollectionExtensions.AddLeafletPdf(services, configuration);
        services.AddLeafletContent(configuration);
        return services;
    }
}
