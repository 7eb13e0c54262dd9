using Leaflets.Content;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Functions.Health;
using Leaflets.Functions.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Everything the function classes need, for the Functions host and for <c>leaflets serve</c> alike.</summary>
    public static IServiceCollection AddLeafletFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLeafletContent(configuration);
        services.Configure<HttpResponseOptions>(configuration.GetSection(HttpResponseOptions.SectionName));
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.SectionName))
            .Validate(site => site.IsValid, SiteOptions.InvalidMessage)
            .Validate(_ => configuration["Http:PublicBaseUrl"] is null, SiteOptions.ReplacedSettingMessage).ValidateOnStart();
        services.AddLeafletPdf(configuration);
        services.AddHostedService<CatalogWarmup>();
        return services;
    }
}
