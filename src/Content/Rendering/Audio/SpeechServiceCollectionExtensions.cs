using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Leaflets.Content.Rendering.Audio;

public static class SpeechServiceCollectionExtensions
{
    /// <summary>
    /// Registers the speech engine the "Speech" section names (<c>Speech:Engine</c>: espeak-ng by default, or azure
    /// with <c>Speech:Azure:Region</c> and <c>Speech:Azure:Key</c>) and the audio renderer over it.
    /// </summary>
    public static IServiceCollection AddSpeech(this IServiceCollection services, IConfiguration configuration)
    {
        // Checked when the host starts, so a setting out of range stops the app naming it rather than failing a request.
        // A missing key is not: the engine then reports itself unavailable and only the audio route answers 503.
        services.AddOptions<SpeechOptions>().Bind(configuration.GetSection(SpeechOptions.SectionName))
            .Validate(options => options.IsValid, SpeechOptions.InvalidMessage).ValidateOnStart();
        services.TryAddSingleton<ISpeechEngine>(provider => Create(provider.GetRequiredService<IOptions<SpeechOptions>>().Value));
        services.TryAddSingleton(provider => new AudioRenderer(provider.GetRequiredService<ISpeechEngine>()));
        return services;
    }

    /// <summary>The engine <paramref name="options"/> names; the Azure one gets an HTTP client of its own for the life of the process.</summary>
    public static ISpeechEngine Create(SpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        return options.Engine switch
        {
            SpeechOptions.AzureEngine => new AzureSpeechEngine(
                // The engine bounds each call itself (time over all attempts); pooled connections are renewed so a DNS change is followed.
                new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
                options.Azure,
                timeout),
            SpeechOptions.EspeakEngine => new EspeakSpeechEngine(timeout: timeout),
            _ => throw new ArgumentException($"Speech:Engine is '{options.Engine}': espeak-ng or azure.", nameof(options)),
        };
    }
}
