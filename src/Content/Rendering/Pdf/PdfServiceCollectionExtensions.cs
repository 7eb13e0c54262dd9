using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Leaflets.Content.Rendering.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>Registers the PDF renderer and its in-memory cache (size from the "Pdf" section).</summary>
    public static IServiceCollection AddLeafletPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.SectionName));
        services.TryAddSingleton<ILeafletPdfRenderer, LeafletPdfRenderer>();
        services.TryAddSingleton<PdfRenderCache>();
        return services;
    }
}
