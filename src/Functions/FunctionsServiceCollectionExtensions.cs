using Leaflets.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Everything the function classes need, for the Functions host and for <c>leaflets serve</c> alike.</summary>
    public static IServiceCollection AddLeafletFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLeafletContent(configuration);
        return services;
    }
}
