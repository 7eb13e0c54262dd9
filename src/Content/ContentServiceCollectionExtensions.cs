using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaflets.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>Registers the leaflet catalog over the content source named by configuration.</summary>
    public static IServiceCollection AddLeafletContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ContentOptions>(configuration.GetSection(ContentOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IContentSource>(sp => new FileContentSource(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Root));
        services.TryAddSingleton<LeafletCatalog>();
        // Uses the registered PDF renderer when there is one (AddLeafletPdf), else its own.
        services.TryAddSingleton(sp => new LeafletCheckResults(
            LeafletCheckResults.LoadTimeChecks(sp.GetService<ILeafletPdfRenderer>() ?? new LeafletPdfRenderer()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LeafletCheckResults>>()));
        return services;
    }
}
