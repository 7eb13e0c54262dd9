using System.Net;
using System.Xml.Linq;
using Leaflets.Content.Rendering.Audio;

namespace Leaflets.Content.Tests.Speech;

/// <summary>
/// The Azure AI Speech engine against a local listener that checks each request and answers as the service documents
/// (raw 24 kHz 16-bit mono PCM, or an error status). This proves what we send and how we read the answer; the real
/// service is not called here.
/// </summary>
public sealed class AzureSpeechEngineTests
{
    private const string Key = "test-key-0123456789abcdef";
    private static readonly XNamespace Ssml = HandMadeScripts.SsmlNamespace;
    private static readonly short[] Pcm = [0, 1000, -1000, 32767, -32768, 12345];

    private static readonly HttpClient Http = new();

    private static AzureSpeechEngine Engine(LocalSpeechService service, Action<AzureSpeechOptions>? change = null, double timeoutSeconds = 10)
    {
        var options = new AzureSpeechOptions { Key = Key, Region = "uksouth", Endpoint = service.Endpoint, RetryDelaySeconds = 0.01 };
        change?.Invoke(options);
        return new AzureSpeechEngine(Http, options, TimeSpan.FromSeconds(timeoutSeconds));
    }

    private static async Task AnswerPcm(HttpListenerResponse response, short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        response.ContentType = "audio/x-wav";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    [Theory]
    [InlineData("en-GB", "en-GB-SoniaNeural")]
    [InlineData("cy", "cy-GB-NiaNeural")]
    public async Task The_request_is_what_the_service_expects_and_the_PCM_it_answers_comes_back_as_samples(string language, string voice)
    {
        using var service = new LocalSpeechService((_, _, response) => AnswerPcm(response, Pcm));
        var ssml = HandMadeScripts.Ssml(language, ["Take one tablet.", "Drink water & rest."]);

        var audio = await Engine(service).SpeakAsync(ssml, language, CancellationToken.None);

        Assert.Equal(AzureSpeechEngine.SampleRate, audio.SampleRate);
        Assert.Equal(Pcm, audio.Samples.AsSpan().ToArray());
        var request = Assert.Single(service.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(LocalSpeechService.Path, request.Path);
        Assert.Equal(Key, request.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.Equal("application/ssml+xml; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal("raw-24khz-16bit-mono-pcm", request.Headers["X-Microsoft-OutputFormat"]);
        Assert.Equal(AzureSpeechEngine.UserAgent, request.Headers["User-Agent"]);
        var speak = XDocument.Parse(request.Body).Root!;
        Assert.Equal(Ssml + "speak", speak.Name);
        Assert.Equal("1.0", speak.Attribute("version")?.Value);
        Assert.Equal(language, speak.Attribute(XNamespace.Xml + "lang")?.Value);
        var voiceElement = Assert.Single(speak.Elements());
        Assert.Equal(Ssml + "voice", voiceElement.Name);
        Assert.Equal(voice, voiceElement.Attribute("name")?.Value);
        Assert.Equal(["Take one tablet.", "Drink water & rest."], voiceElement.Descendants(Ssml + "s").Select(s => s.Value));
    }

    [Fact]
    public async Task A_refused_key_is_a_clear_unavailable_error_that_never_shows_the_key()
    {
        using var service = new LocalSpeechService((_, _, response) =>
        {
            response.StatusCode = 401;
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<SpeechUnavailableException>(() => Engine(service).SpeakAsync(HandMadeScripts.Ssml("en-GB", ["Hello."]), "en-GB", CancellationToken.None));

        Assert.Contains("refused the key (401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_after_a_wait_and_then_succeeds()
    {
        using var service = new LocalSpeechService((attempt, _, response) =>
        {
            if (attempt == 1)
            {
                response.StatusCode = 429;
                return Task.CompletedTask;
            }
            return AnswerPcm(response, Pcm);
        });

        var audio = await Engine(service).SpeakAsync(HandMadeScripts.Ssml("en-GB", ["Hello."]), "en-GB", CancellationToken.None);

        Assert.Equal(Pcm.Length, audio.Samples.Length);
        Assert.Equal(2, service.Requests.Count);
    }

    [Fact]
    public async Task A_service_error_that_persists_is_retried_a_few_times_then_reported()
    {
        using var service = new LocalSpeechService((_, _, response) =>
        {
            response.StatusCode = 503;
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<SpeechFailedException>(() => Engine(service, options => options.Retries = 2).SpeakAsync(HandMadeScripts.Ssml("en-GB", ["Hello."]), "en-GB", CancellationToken.None));

        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, service.Requests.Count);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_in_time_is_a_clear_error()
    {
        using var service = new LocalSpeechService(async (_, _, response) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await AnswerPcm(response, Pcm);
        });

        var error = await Assert.ThrowsAsync<SpeechFailedException>(() => Engine(service, timeoutSeconds: 0.5).SpeakAsync(HandMadeScripts.Ssml("en-GB", ["Hello."]), "en-GB", CancellationToken.None));

        Assert.Contains("did not answer within 0.5 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task More_audio_than_a_chapter_may_have_is_refused_whether_its_length_is_declared_or_not(bool declared)
    {
        using var service = new LocalSpeechService(async (_, _, response) =>
        {
            var bytes = new byte[4000];
            if (declared)
            {
                response.ContentLength64 = bytes.Length;
            }
            else
            {
                response.SendChunked = true;
            }
            await response.OutputStream.WriteAsync(bytes);
        });

        var error = await Assert.ThrowsAsync<SpeechFailedException>(() => Engine(service, options => options.MaxResponseBytes = 1000).SpeakAsync(HandMadeScripts.Ssml("en-GB", ["Hello."]), "en-GB", CancellationToken.None));

        Assert.Contains("more than the 1000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_the_engine_is_unavailable_and_asks_nothing()
    {
        using var service = new LocalSpeechService((_, _, response) => AnswerPcm(response, Pcm));
        var engine = Engine(service, options => options.Key = null);

        Assert.Equal("Azure AI Speech has no key: set Speech:Azure:Key", engine.Problem());
        await Assert.ThrowsAsync<SpeechUnavailableException>(() => engine.SpeakAsync(HandMadeScripts.Ssml("en-GB", ["Hello."]), "en-GB", CancellationToken.None));
        Assert.Empty(service.Requests);
    }

    [Fact]
    public void Only_languages_with_a_configured_voice_are_spoken()
    {
        using var service = new LocalSpeechService((_, _, response) => AnswerPcm(response, Pcm));
        var engine = Engine(service);

        Assert.True(engine.Speaks("en-GB"));
        Assert.True(engine.Speaks("cy"));
        Assert.False(engine.Speaks("fr"));
    }
}
