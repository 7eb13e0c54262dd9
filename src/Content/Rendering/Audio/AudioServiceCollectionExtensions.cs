using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Leaflets.Content.Rendering.Audio;

public static class AudioServiceCollectionExtensions
{
    /// <summary>
    /// Registers the speech engine the "Speech" section names (espeak-ng unless <c>Speech:Engine</c> is <c>azure</c>),
    /// the renderer and its cache. Register after AddLeafletPdf: the cache keeps audio in the PDFs' shared store.
    /// </summary>
    public static IServiceCollection AddLeafletAudio(this IServiceCollection services, IConfiguration configuration)
    {
        // Checked when the host starts, so a setting out of range stops the app naming it rather than failing a request.
        services.AddOptions<SpeechOptions>().Bind(configuration.GetSection(SpeechOptions.SectionName))
            .Validate(options => options.IsValid, SpeechOptions.InvalidMessage).ValidateOnStart();
        services.TryAddSingleton<ISpeechEngine>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SpeechOptions>>().Value;
            var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
            return options.Engine == SpeechOptions.AzureEngine
                ? new AzureSpeechEngine(new HttpClient(), options.Azure, timeout)
                : new EspeakSpeechEngine(timeout: timeout);
        });
        services.TryAddSingleton<AudioRenderer>();
        services.TryAddSingleton<AudioRenderCache>();
        return services;
    }
}
