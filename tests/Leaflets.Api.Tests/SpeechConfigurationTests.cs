using Leaflets.Content.Rendering.Audio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Leaflets.Api.Tests;

/// <summary>The "Speech" section picks the engine the audio is spoken with, and its bounds are checked when it is read.</summary>
public sealed class SpeechConfigurationTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddSpeech(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    [Fact]
    public void Without_settings_the_embedded_espeak_ng_voice_speaks()
    {
        using var services = Services([]);

        Assert.IsType<EspeakSpeechEngine>(services.GetRequiredService<ISpeechEngine>());
        Assert.Same(services.GetRequiredService<ISpeechEngine>(), services.GetRequiredService<AudioRenderer>().Engine);
    }

    [Fact]
    public void Speech_Engine_azure_with_a_region_and_key_speaks_with_the_configured_neural_voices()
    {
        using var services = Services(new()
        {
            ["Speech:Engine"] = "azure",
            ["Speech:Azure:Region"] = "uksouth",
            ["Speech:Azure:Key"] = "secret-key",
            ["Speech:Azure:Voices:cy"] = "cy-GB-AledNeural",
        });

        var engine = Assert.IsType<AzureSpeechEngine>(services.GetRequiredService<ISpeechEngine>());

        Assert.Null(engine.Problem());
        Assert.Equal("en-GB-SoniaNeural", engine.VoiceFor("en-GB"));
        Assert.Equal("cy-GB-AledNeural", engine.VoiceFor("cy"));
        Assert.Equal(new Uri("https://uksouth.tts.speech.microsoft.com/cognitiveservices/v1"), services.GetRequiredService<IOptions<SpeechOptions>>().Value.Azure.SynthesisUri);
        Assert.DoesNotContain("secret-key", engine.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Speech:Engine", "festival")]
    [InlineData("Speech:TimeoutSeconds", "0")]
    [InlineData("Speech:Azure:Retries", "50")]
    [InlineData("Speech:Azure:Region", "uk south/../x")]
    public void A_speech_setting_out_of_range_is_refused_naming_the_section(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SpeechOptions>>().Value);

        Assert.Contains("Speech settings", error.Message, StringComparison.Ordinal);
    }
}
