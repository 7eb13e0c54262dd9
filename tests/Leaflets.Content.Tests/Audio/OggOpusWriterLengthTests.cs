using System.Collections.Immutable;
using Leaflets.Content.Rendering.Audio;

namespace Leaflets.Content.Tests.Audio;

/// <summary>
/// Audio of any length is written: the encoder's look-ahead can push the last frame wholly past the samples (a spoken
/// leaflet whose length in samples fell in that gap failed to encode before), and the file still reads clean in opusinfo.
/// </summary>
public sealed class OggOpusWriterLengthTests
{
    private const int Rate = 24_000;

    /// <summary>A 20 ms frame at 24 kHz.</summary>
    private const int FrameSamples = Rate / 50;

    public static TheoryData<int> Remainders()
    {
        var data = new TheoryData<int>();
        for (var remainder = 0; remainder < FrameSamples; remainder += 23)
        {
            data.Add(remainder);
        }
        data.Add(FrameSamples - 1);
        return data;
    }

    [Theory]
    [MemberData(nameof(Remainders))]
    public void Audio_ending_anywhere_in_a_frame_is_written_and_reads_clean(int remainder)
    {
        var samples = Enumerable.Range(0, Rate + remainder).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / Rate))).ToImmutableArray();

        var file = OggOpusWriter.Write(new SpokenAudio(Rate, samples), [new AudioChapter(TimeSpan.Zero, "One")], new AudioTags("Title", "en-GB"));

        var info = OpusTools.OpusInfo(file);
        info.AssertClean();
        Assert.InRange(info.PlaybackLength.TotalSeconds, (double)samples.Length / Rate - 0.01, (double)samples.Length / Rate + 0.01);
    }
}
