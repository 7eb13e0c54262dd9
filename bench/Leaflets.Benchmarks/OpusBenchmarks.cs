using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Leaflets.Content.Rendering.Audio;

namespace Leaflets.Benchmarks;

/// <summary>
/// A minute of mono PCM to an Ogg Opus file (<see cref="OggOpusWriter"/>), warm, in process, at the rates the speech
/// engines give: espeak-ng's 22 050 Hz (resampled to 24 kHz first) and Azure's 24 000 Hz (encoded as it is). The sound
/// is generated, not spoken (the engines are measured on their own): a voice-like buzz (a gliding 100–250 Hz pitch with
/// ten harmonics) in 4 Hz syllables, with a pause every three seconds. No baseline: nothing else writes our chapters.
/// </summary>
[MemoryDiagnoser]
public class OpusBenchmarks
{
    private SpokenAudio audio = null!;
    private AudioChapter[] chapters = [];
    private readonly AudioTags tags = new("A minute of speech-like sound", "en-GB", "Leaflets", "Benchmark");

    [Params(22_050, 24_000)]
    public int SampleRate { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        audio = SpeechLikeMinute(SampleRate);
        // A chapter every ten seconds, as a leaflet's sections might be.
        chapters = [.. Enumerable.Range(0, 6).Select(index => new AudioChapter(TimeSpan.FromSeconds(index * 10), $"Section {index + 1}"))];
        if (EncodeMinute().Length < 100_000)
        {
            throw new InvalidOperationException("A minute at 32 kbit/s should take over 100 kB.");
        }
    }

    /// <summary>60 s of PCM to Ogg Opus bytes.</summary>
    [Benchmark]
    public byte[] EncodeMinute() => OggOpusWriter.Write(audio, chapters, tags);

    private static SpokenAudio SpeechLikeMinute(int rate)
    {
        var samples = new short[rate * 60];
        var phase = 0.0;
        for (var index = 0; index < samples.Length; index++)
        {
            var time = index / (double)rate;
            var pitch = 175 + 75 * Math.Sin(2 * Math.PI * 0.3 * time);
            phase += 2 * Math.PI * pitch / rate;
            var buzz = 0.0;
            for (var harmonic = 1; harmonic <= 10; harmonic++)
            {
                buzz += Math.Sin(harmonic * phase) / harmonic;
            }

            var syllable = Math.Max(0, Math.Sin(2 * Math.PI * 4 * time));
            var pause = time % 3 > 2.5 ? 0 : 1;
            samples[index] = (short)(6000 * buzz * syllable * pause);
        }

        return new SpokenAudio(rate, ImmutableArray.Create(samples));
    }
}
