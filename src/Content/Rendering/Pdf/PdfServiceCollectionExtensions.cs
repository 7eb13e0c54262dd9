using Leaflets.Content.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Leaflets.Content.Rendering.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PDF renderer and its cache (limits from the "Pdf" section). The cache consults an
    /// <see cref="IRenderedPdfStore"/> when one is registered (AddLeafletStorage), with the "PdfCache" timeouts.
    /// </summary>
    public static IServiceCollection AddLeafletPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.SectionName));
        services.Configure<PdfStoreOptions>(configuration.GetSection(PdfStoreOptions.SectionName));
        services.TryAddSingleton<ILeafletPdfRenderer, LeafletPdfRenderer>();
        services.TryAddSingleton<PdfRenderCache>();
        return services;
    }
}
