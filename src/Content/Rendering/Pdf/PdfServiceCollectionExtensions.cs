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
        // Checked when the host starts, so a setting out of range stops the app naming it rather than failing a request.
        services.AddOptions<PdfOptions>().Bind(configuration.GetSection(PdfOptions.SectionName))
            .Validate(options => options.IsValid, PdfOptions.InvalidMessage).ValidateOnStart();
        services.AddOptions<PdfStoreOptions>().Bind(configuration.GetSection(PdfStoreOptions.SectionName))
            .Validate(options => options.IsValid, PdfStoreOptions.InvalidMessage).ValidateOnStart();
        services.TryAddSingleton<ILeafletPdfRenderer, LeafletPdfRenderer>();
        services.TryAddSingleton<PdfRenderCache>();
        return services;
    }
}
