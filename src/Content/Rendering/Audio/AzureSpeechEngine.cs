using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// Azure AI Speech's neural voices through its text-to-speech REST API (no SDK: one POST of SSML, raw PCM back). Every
/// call is bounded: a time limit over all its attempts, a few retries with doubling waits on 429 and 5xx, and a cap on
/// the bytes read back. The key goes only into the request header, never into a message or log line.
/// </summary>
public sealed class AzureSpeechEngine(HttpClient http, AzureSpeechOptions options, TimeSpan timeout) : ISpeechEngine
{
    /// <summary>16-bit mono PCM at 24 kHz with no header: what <see cref="SampleRate"/> and the decoding below assume.</summary>
    public const string OutputFormat = "raw-24khz-16bit-mono-pcm";

    public const int SampleRate = 24_000;

    /// <summary>The service asks every caller to name itself.</summary>
    public const string UserAgent = "leaflets-audio";

    private static readonly XNamespace Ssml = "http://www.w3.org/2001/10/synthesis";
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(10);

    public string Name => $"azure-speech {OutputFormat} voices {string.Join(",", options.Voices.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Value))}";

    public bool Speaks(string language) => VoiceFor(language) is not null;

    public string? VoiceFor(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return options.Voices.TryGetValue(language.Split('-')[0], out var voice) ? voice : null;
    }

    /// <summary>Null when the engine has a region and key, else which setting is missing (the key's value is never shown).</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(options.Key) ? NoKeyMessage
        : string.IsNullOrWhiteSpace(options.Region) && options.Endpoint is null ? NoRegionMessage
        : null;

    private const string NoKeyMessage = "Azure AI Speech has no key: set Speech:Azure:Key";
    private const string NoRegionMessage = "Azure AI Speech has no region: set Speech:Azure:Region";

    public async Task<SpokenAudio> SpeakAsync(string ssml, string language, CancellationToken cancellationToken)
    {
        var voice = VoiceFor(language) ?? throw new ArgumentException($"Azure AI Speech has no voice set for {language}.", nameof(language));
        if (Problem() is { } missing)
        {
            throw new SpeechUnavailableException(missing);
        }
        var body = WithVoice(ssml, voice, language);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                using var request = Request(body);
                HttpResponseMessage response;
                try
                {
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
                }
                catch (HttpRequestException) when (attempt < options.Retries)
                {
                    await Task.Delay(Backoff(attempt, null), limit.Token).ConfigureAwait(false);
                    continue;
                }
                using (response)
                {
                    if (response.IsSuccessStatusCode)
                    {
                        return new SpokenAudio(SampleRate, await ReadPcmAsync(response, limit.Token).ConfigureAwait(false));
                    }
                    var status = (int)response.StatusCode;
                    if ((status == 429 || status >= 500) && attempt < options.Retries)
                    {
                        await Task.Delay(Backoff(attempt, response.Headers.RetryAfter?.Delta), limit.Token).ConfigureAwait(false);
                        continue;
                    }
                    throw response.StatusCode switch
                    {
                        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                            new SpeechUnavailableException($"Azure AI Speech refused the key ({status} {response.ReasonPhrase}): check Speech:Azure:Key and Speech:Azure:Region"),
                        _ when attempt > 0 => new SpeechFailedException($"Azure AI Speech answered {status} {response.ReasonPhrase} after {attempt + 1} attempts"),
                        _ => new SpeechFailedException($"Azure AI Speech answered {status} {response.ReasonPhrase}"),
                    };
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpeechFailedException($"Azure AI Speech did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException error)
        {
            throw new SpeechFailedException($"Azure AI Speech could not be reached: {error.Message}", error);
        }
    }

    /// <summary>
    /// The SSML as the service requires it: version 1.0, the document's language, and everything inside one
    /// <c>&lt;voice name&gt;</c> naming the neural voice.
    /// </summary>
    public static string WithVoice(string ssml, string voice, string language)
    {
        ArgumentNullException.ThrowIfNull(ssml);
        var document = XDocument.Parse(ssml, LoadOptions.PreserveWhitespace);
        var speak = document.Root is { } root && root.Name == Ssml + "speak"
            ? root
            : throw new ArgumentException("The SSML is not a <speak> document in the SSML namespace.", nameof(ssml));
        var content = speak.Nodes().ToList();
        speak.RemoveNodes();
        speak.SetAttributeValue("version", "1.0");
        speak.SetAttributeValue(XNamespace.Xml + "lang", language);
        speak.Add(new XElement(Ssml + "voice", new XAttribute("name", voice), content));
        return speak.ToString(SaveOptions.DisableFormatting);
    }

    private HttpRequestMessage Request(string ssml)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, options.SynthesisUri)
        {
            Content = new StringContent(ssml, Encoding.UTF8, "application/ssml+xml"),
        };
        request.Headers.Add("Ocp-Apim-Subscription-Key", options.Key);
        request.Headers.Add("X-Microsoft-OutputFormat", OutputFormat);
        request.Headers.UserAgent.ParseAdd(UserAgent);
        return request;
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter) =>
        retryAfter is { } asked && asked <= LongestRetryAfter
            ? asked
            : TimeSpan.FromSeconds(options.RetryDelaySeconds * Math.Pow(2, attempt));

    private async Task<ImmutableArray<short>> ReadPcmAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
        {
            throw new SpeechFailedException($"Azure AI Speech sent {response.Content.Headers.ContentLength} bytes, more than the {options.MaxResponseBytes} bytes one chapter may have");
        }
        using var bytes = new MemoryStream();
        await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (bytes.Length + read > options.MaxResponseBytes)
                {
                    throw new SpeechFailedException($"Azure AI Speech sent more than the {options.MaxResponseBytes} bytes one chapter may have");
                }
                bytes.Write(buffer, 0, read);
            }
        }
        if (bytes.Length % 2 != 0)
        {
            throw new SpeechFailedException($"Azure AI Speech sent {bytes.Length} bytes: not whole 16-bit samples");
        }
        var pcm = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
        var samples = ImmutableArray.CreateBuilder<short>(pcm.Length / 2);
        for (var i = 0; i < pcm.Length; i += 2)
        {
            samples.Add(BinaryPrimitives.ReadInt16LittleEndian(pcm[i..]));
        }
        return samples.MoveToImmutable();
    }
}
