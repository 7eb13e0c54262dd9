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
        // Files mode: the results `leaflets check --save-results` left in the content folder, if it did.
        services.TryAddSingleton<ICheckResultStore>(sp => new FileCheckResultStore(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Root));
        // Its own renderer, not the one serving /pdf: the check renders the same bytes, and a request's render
        // count or cache is never affected by a background check.
        services.TryAddSingleton(sp => new LeafletCheckResults(
            LeafletCheckResults.LoadTimeChecks(new LeafletPdfRenderer(), sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LeafletCheckResults>>(),
            sp.GetRequiredService<ICheckResultStore>()));
        return services;
    }
}
