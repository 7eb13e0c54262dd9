namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// Bound from the "Speech" configuration section (env <c>Speech__Engine</c>, <c>Speech__Azure__Region</c>,
/// <c>Speech__Azure__Key</c>, ...): which engine speaks, and its bounds.
/// </summary>
public sealed class SpeechOptions
{
    public const string SectionName = "Speech";

    /// <summary>The embedded engine's name in <see cref="Engine"/>.</summary>
    public const string EspeakEngine = "espeak-ng";

    /// <summary>Azure AI Speech's name in <see cref="Engine"/>.</summary>
    public const string AzureEngine = "azure";

    /// <summary><see cref="EspeakEngine"/> (the default, runs anywhere) or <see cref="AzureEngine"/> (neural voices; needs a key and region).</summary>
    public string Engine { get; set; } = EspeakEngine;

    /// <summary>How long one chapter may take to speak, waiting for the engine included.</summary>
    public double TimeoutSeconds { get; set; } = 60;

    public AzureSpeechOptions Azure { get; set; } = new();

    public const string InvalidMessage =
        "Speech settings are out of range: Engine is espeak-ng or azure, TimeoutSeconds 0-600, Azure:Retries 0-5, " +
        "Azure:RetryDelaySeconds 0-10, Azure:MaxResponseBytes above 0, Azure:Region a region name (uksouth).";

    internal bool IsValid =>
        (Engine == EspeakEngine || Engine == AzureEngine) && TimeoutSeconds is > 0 and <= 600 && Azure.IsValid;
}

/// <summary>Azure AI Speech: where, with which key, and which neural voice speaks each language.</summary>
public sealed class AzureSpeechOptions
{
    /// <summary>The resource's region (<c>uksouth</c>): the host is <c>{Region}.tts.speech.microsoft.com</c>.</summary>
    public string? Region { get; set; }

    /// <summary>The resource's key. A secret: never logged, never in a message, only in the request header.</summary>
    public string? Key { get; set; }

    /// <summary>The service's address; left empty it is the region's. Tests point it at a local listener.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The neural voice for each language (primary subtag).</summary>
    public Dictionary<string, string> Voices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-GB-SoniaNeural",
        ["cy"] = "cy-GB-NiaNeural",
    };

    /// <summary>Retries of a 429 or 5xx answer (or a dropped connection), with doubling waits; the service asks for it under load.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>The first wait before a retry; each later one doubles (unless the service says how long in Retry-After, up to 10 s).</summary>
    public double RetryDelaySeconds { get; set; } = 0.5;

    /// <summary>The most PCM one chapter may return: 24,000 samples a second of 2 bytes, so 64 MB is over 20 minutes.</summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The address the SSML is posted to.</summary>
    public Uri SynthesisUri => Endpoint ?? new Uri($"https://{Region}.tts.speech.microsoft.com/cognitiveservices/v1");

    internal bool IsValid =>
        Retries is >= 0 and <= 5 && RetryDelaySeconds is >= 0 and <= 10 && MaxResponseBytes > 0
        && (Region is null || System.Text.RegularExpressions.Regex.IsMatch(Region, "^[a-z0-9]{1,40}$"));
}
