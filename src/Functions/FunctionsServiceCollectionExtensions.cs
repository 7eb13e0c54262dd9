using Leaflets.Content;
using Leaflets.Content.Catalog;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Audio;
using Leaflets.Content.Rendering.Braille;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Functions.Health;
using Leaflets.Functions.Leaflets;
using Leaflets.Functions.Site;
using Leaflets.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Everything the function classes need, for the Functions host and for <c>leaflets serve</c> alike.</summary>
    public static IServiceCollection AddLeafletFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        // First: with Content:Source=blob it registers the blob content source and puts the shared PDF store between
        // the memory cache and the renderer; the registrations below only add what is not there yet.
        services.AddLeafletStorage(configuration);
        services.AddLeafletContent(configuration);
        services.AddOptions<HttpResponseOptions>().Bind(configuration.GetSection(HttpResponseOptions.SectionName))
            .Validate(http => http.FrameAncestorsAreValid, HttpResponseOptions.InvalidFrameAncestorsMessage).ValidateOnStart();
        services.AddOptions<CrossOriginOptions>().Bind(configuration.GetSection(CrossOriginOptions.SectionName))
            .Validate(cors => cors.IsValid, CrossOriginOptions.InvalidMessage).ValidateOnStart();
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.SectionName))
            .Validate(site => site.IsValid, SiteOptions.InvalidMessage).ValidateOnStart();
        services.AddOptions<RepresentationCacheOptions>().Bind(configuration.GetSection(RepresentationCacheOptions.SectionName))
            .Validate(cache => cache.IsValid, RepresentationCacheOptions.InvalidMessage).ValidateOnStart();
        services.AddSingleton<RepresentationCache>();
        services.AddLeafletPdf(configuration);
        // The engine Speech:Engine names and the renderer over it; the cache keeps audio in the PDFs' shared store, so after AddLeafletPdf.
        services.AddSpeech(configuration);
        services.AddSingleton<AudioRenderCache>();
        // liblouis's tables are process-wide state: one translator serialises every use of them.
        services.AddSingleton(BrailleTranslator.Shared);
        services.AddSingleton<LeafletRoutes>();
        services.AddSingleton<SiteRoutes>();
        // Both hosts run every function through FunctionResponse, which says when an answer has been sent: the catalog
        // and the warmup hold a start's background work until then.
        services.AddSingleton<FirstAnswer>();
        services.AddHostedService<CatalogWarmup>();
        return services;
    }
}
