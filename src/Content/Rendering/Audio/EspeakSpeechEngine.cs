using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// The embedded voice: espeak-ng 1.51 through its C library, which runs anywhere the app does and needs no key. The
/// library is process-global and not thread-safe (one voice, one callback, one synthesis at a time), so every call
/// goes through one gate, waits for it at most <see cref="Timeout"/>, and is stopped from the sample callback when it
/// runs past <see cref="Timeout"/>, is cancelled, or would make more than <see cref="MaxDuration"/> of audio. Each call
/// loads the library afresh (<see cref="EspeakNg"/>), so the same SSML always gives the same samples.
/// </summary>
public sealed class EspeakSpeechEngine : ISpeechEngine
{
    /// <summary>
    /// The voice for each language we serve, by its file in <c>espeak-ng-data/lang</c>: British English (en-gb, the
    /// NHS's; <c>espeak_SetVoiceByName("en-gb")</c> finds no voice of that name in 1.51, the file is exact) and Welsh.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> Voices =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["en"] = "gmw/en", ["cy"] = "cel/cy" };

    /// <summary>The library's state is per process, so the gate and the sample collector are too.</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static Synthesis? current;

    private readonly EspeakInstall install;
    private string? version;

    public EspeakSpeechEngine(EspeakInstall? install = null, TimeSpan? timeout = null)
    {
        this.install = install ?? EspeakInstall.Shipped;
        Timeout = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero);
    }

    /// <summary>How long one chapter may wait for the library and then take to speak: a leaflet section speaks in a second or two.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The most audio one call may make (a chapter of 2,000 words at the slowest pace is under 17 minutes).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(20);

    public TimeSpan Timeout { get; }

    public string Name => $"espeak-ng {LibraryVersion() ?? "unavailable"} voices {string.Join(",", Voices.Values)} default rate";

    public bool Speaks(string language) => VoiceFor(language) is not null;

    /// <summary>The espeak-ng voice for a BCP 47 tag: its primary language's (every English region speaks en-gb).</summary>
    public static string? VoiceFor(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var primary = language.Split('-')[0];
        return Voices.TryGetValue(primary, out var voice) ? voice : null;
    }

    /// <summary>Null when the library loads and starts with the voices' data, else what is missing (the health check's words).</summary>
    public string? Problem()
    {
        try
        {
            if (!Gate.Wait(Timeout))
            {
                return null; // Busy speaking, so it loads.
            }
            try
            {
                using var espeak = Start();
                return null;
            }
            finally
            {
                Gate.Release();
            }
        }
        catch (SpeechUnavailableException missing)
        {
            return missing.Message;
        }
    }

    /// <summary>The version espeak-ng reports, or null when it cannot be loaded.</summary>
    public string? LibraryVersion() => version ?? (Problem() is null ? version : null);

    public async Task<SpokenAudio> SpeakAsync(string ssml, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ssml);
        var voice = VoiceFor(language) ?? throw new ArgumentException($"espeak-ng has no voice for {language}.", nameof(language));
        var clock = Stopwatch.StartNew();
        if (!await Gate.WaitAsync(Timeout, cancellationToken).ConfigureAwait(false))
        {
            throw new SpeechFailedException($"espeak-ng was busy for {Timeout.TotalSeconds:0} s: too many documents are being spoken at once");
        }
        try
        {
            using var espeak = Start(out var sampleRate);
            if (espeak.SetVoice(voice) != EspeakNg.Ok)
            {
                throw new SpeechUnavailableException($"espeak-ng has no voice {voice} in {install.DataFolder}");
            }
            var synthesis = new Synthesis(Timeout - clock.Elapsed, (int)(MaxDuration.TotalSeconds * sampleRate), cancellationToken);
            current = synthesis;
            int result;
            try
            {
                result = espeak.SpeakSsml(ssml);
            }
            finally
            {
                current = null;
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (synthesis.Stopped is { } reason)
            {
                throw new SpeechFailedException($"espeak-ng stopped: {reason}");
            }
            if (result != EspeakNg.Ok)
            {
                throw new SpeechFailedException($"espeak-ng could not speak the SSML (error {result})");
            }
            return new SpokenAudio(sampleRate, synthesis.Samples.ToImmutable());
        }
        finally
        {
            Gate.Release();
        }
    }

    private EspeakNg Start() => Start(out _);

    /// <summary>Checks the data, loads the library and starts it; the caller holds the gate and disposes what it gets.</summary>
    private unsafe EspeakNg Start(out int sampleRate)
    {
        if (install.MissingData() is { Count: > 0 } missing)
        {
            throw new SpeechUnavailableException($"espeak-ng's voice data is missing: {string.Join(", ", missing)} (apt-get install espeak-ng-data)");
        }
        var espeak = install.Open();
        try
        {
            sampleRate = espeak.Initialize(install.DataParent, &OnSamples);
            if (sampleRate <= 0)
            {
                throw new SpeechUnavailableException($"espeak-ng could not start with the data in {install.DataFolder} (error {sampleRate})");
            }
            version ??= espeak.Version();
            return espeak;
        }
        catch
        {
            espeak.Dispose();
            throw;
        }
    }

    /// <summary>espeak-ng hands over each block of samples here; returning 1 stops the synthesis.</summary>
    [UnmanagedCallersOnly]
    private static unsafe int OnSamples(short* samples, int count, IntPtr events)
    {
        var synthesis = current;
        if (synthesis is null || samples is null || count <= 0)
        {
            return 0;
        }
        return synthesis.Take(new ReadOnlySpan<short>(samples, count)) ? 0 : 1;
    }

    /// <summary>One call's samples and its limits, checked on every block so a runaway synthesis stops promptly.</summary>
    private sealed class Synthesis(TimeSpan timeLeft, int maxSamples, CancellationToken cancellationToken)
    {
        private readonly long deadline = Stopwatch.GetTimestamp() + (long)(timeLeft.TotalSeconds * Stopwatch.Frequency);

        public ImmutableArray<short>.Builder Samples { get; } = ImmutableArray.CreateBuilder<short>();

        private const string TimedOutMessage = "it took longer than its time limit";
        private static readonly string TooLongMessage = $"it would speak for more than {MaxDuration.TotalMinutes:0} minutes";

        /// <summary>Why synthesis was stopped early, for the exception that reports it; null while it runs.</summary>
        public string? Stopped { get; private set; }

        public bool Take(ReadOnlySpan<short> block)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Stopped = "cancelled";
            }
            else if (Stopwatch.GetTimestamp() > deadline)
            {
                Stopped = TimedOutMessage;
            }
            else if (Samples.Count + block.Length > maxSamples)
            {
                Stopped = TooLongMessage;
            }
            if (Stopped is not null)
            {
                return false;
            }
            foreach (var sample in block)
            {
                Samples.Add(sample);
            }
            return true;
        }
    }
}
