using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Leaflets.Content.Rendering.Audio;

namespace Leaflets.Content.Tests.Audio;

/// <summary>
/// The Ogg Opus file read back by Xiph's own tools (opusinfo, opusdec), with generated signals whose shape is known:
/// silence, a 440 Hz tone, silence again, at each sample rate the speech engines give.
/// </summary>
public sealed class OggOpusWriterTests
{
    private const int DecodedRate = 48_000;
    private const double ToneHz = 440;
    private const double ToneAmplitude = 0.5 * short.MaxValue;

    /// <summary>Silence 0–1 s, the tone 1–3 s, silence to 4.0123 s (an end that falls inside a 20 ms frame, so trimming shows).</summary>
    private static readonly TimeSpan ToneStart = TimeSpan.FromSeconds(1), ToneEnd = TimeSpan.FromSeconds(3), SignalLength = TimeSpan.FromSeconds(4.0123);

    private static readonly AudioTags Tags = new("Cementoplasty", "en-GB", "Leaflets", "Example NHS Trust");

    private static readonly AudioChapter[] Chapters =
    [
        new(TimeSpan.Zero, "Cementoplasty"),
        new(TimeSpan.FromSeconds(1.25), "Beth yw smentoplasti? ŵ ŷ"),
        new(TimeSpan.FromMilliseconds(3999.9), "After the procedure: rest & recovery"),
    ];

    [Theory]
    [InlineData(16_000)]
    [InlineData(22_050)]
    [InlineData(24_000)]
    [InlineData(48_000)]
    public void The_file_passes_opusinfo_without_a_warning_and_plays_as_long_as_the_input(int rate)
    {
        var audio = ToneBetweenSilences(rate);
        var info = OpusTools.OpusInfo(OggOpusWriter.Write(audio, Chapters, Tags));

        info.AssertClean();
        Assert.Contains($"Original sample rate: {rate} Hz", info.Output, StringComparison.Ordinal);
        Assert.Contains("Channels: 1", info.Output, StringComparison.Ordinal);
        // opusinfo prints the length to the millisecond; a frame is 20 ms.
        Assert.InRange(Math.Abs((info.PlaybackLength - audio.Duration).TotalMilliseconds), 0, 1.001);
    }

    [Theory]
    [InlineData(16_000)]
    [InlineData(22_050)]
    [InlineData(24_000)]
    [InlineData(48_000)]
    public void Decoded_audio_lasts_as_long_as_the_input_and_is_loud_only_where_the_input_is(int rate)
    {
        var audio = ToneBetweenSilences(rate);
        var decoded = OpusTools.Decode(OggOpusWriter.Write(audio, Chapters, Tags));

        // The same length to within a sample at 48 kHz plus the resampler's rounding: pre-skip and end trimming are right.
        var expected = audio.Samples.Length * (double)DecodedRate / rate;
        Assert.InRange(decoded.Length, expected - 2, expected + 2);

        var toneRms = ToneAmplitude / Math.Sqrt(2);
        var loud = Slice(decoded, ToneStart + TimeSpan.FromMilliseconds(50), ToneEnd - TimeSpan.FromMilliseconds(50));
        foreach (var window in Windows(loud))
        {
            // Each 20 ms of the tone within 1.5 dB of the input's level.
            Assert.InRange(Decibels(Rms(window) / toneRms), -1.5, 1.5);
        }

        foreach (var quiet in new[] { Slice(decoded, TimeSpan.Zero, ToneStart - TimeSpan.FromMilliseconds(50)), Slice(decoded, ToneEnd + TimeSpan.FromMilliseconds(50), SignalLength) })
        {
            // Silence stays at least 50 dB below the tone.
            Assert.True(Decibels(Rms(quiet) / toneRms) < -50, $"silence at {Decibels(Rms(quiet) / toneRms):F1} dB below the tone");
        }

        // The tone starts where it did (pre-skip removes exactly the encoder's delay) and at its pitch (the resampler kept the rate).
        static double Onset(ImmutableArray<short> samples, int rate) => samples.IndexOf(samples.First(sample => Math.Abs((int)sample) > ToneAmplitude / 4)) / (double)rate;
        Assert.InRange(Onset([.. decoded], DecodedRate) - Onset(audio.Samples, rate), -0.001, 0.001);
        var crossings = 0;
        for (var index = 1; index < loud.Length; index++)
        {
            crossings += (loud[index - 1] < 0) != (loud[index] < 0) ? 1 : 0;
        }

        Assert.InRange(crossings / 2.0 / (loud.Length / (double)DecodedRate), ToneHz * 0.995, ToneHz * 1.005);
    }

    [Theory]
    [InlineData(48_000, 1)]
    [InlineData(48_000, 647)] // with the 312-sample look-ahead: one sample short of a whole frame
    [InlineData(48_000, 648)] // look-ahead and input fill exactly one frame
    [InlineData(48_000, 649)]
    [InlineData(48_000, 959)] // the second frame lies wholly past the input
    [InlineData(48_000, 960)]
    [InlineData(22_050, 1)]
    [InlineData(22_050, 441)]
    public void Audio_of_any_length_decodes_to_that_length(int rate, int length)
    {
        var samples = Enumerable.Range(0, length).Select(index => (short)(index % 2 == 0 ? 1000 : -1000)).ToImmutableArray();
        var file = OggOpusWriter.Write(new SpokenAudio(rate, samples), [], Tags);

        OpusTools.OpusInfo(file).AssertClean();
        // 22 050 Hz is resampled up to 24 kHz, a whole number of 24 kHz samples; each is two at 48 kHz.
        var encoderRate = rate == DecodedRate ? DecodedRate : 24_000;
        var encoded = (int)Math.Ceiling(length * (double)encoderRate / rate);
        Assert.Equal(encoded * (DecodedRate / encoderRate), OpusTools.Decode(file).Length);
    }

    [Fact]
    public void Chapter_names_and_times_and_the_tags_read_back_from_opusinfo()
    {
        var info = OpusTools.OpusInfo(OggOpusWriter.Write(ToneBetweenSilences(22_050), Chapters, Tags));

        info.AssertClean();
        Assert.Contains("Encoded with Concentus 2.2.2", info.Output, StringComparison.Ordinal);
        Assert.Equal(
        [
            "TITLE=Cementoplasty",
            "LANGUAGE=en-GB",
            "ARTIST=Leaflets",
            "ORGANIZATION=Example NHS Trust",
            "ENCODER=" + OggOpusWriter.Encoder,
            "CHAPTER001=00:00:00.000",
            "CHAPTER001NAME=Cementoplasty",
            "CHAPTER002=00:00:01.250",
            "CHAPTER002NAME=Beth yw smentoplasti? ŵ ŷ",
            "CHAPTER003=00:00:03.999",
            "CHAPTER003NAME=After the procedure: rest & recovery",
        ], info.Comments);
    }

    [Fact]
    public void Tags_without_artist_or_organisation_leave_those_comments_out()
    {
        var info = OpusTools.OpusInfo(OggOpusWriter.Write(ToneBetweenSilences(16_000), [], new AudioTags("Title", "cy")));

        info.AssertClean();
        Assert.Equal(["TITLE=Title", "LANGUAGE=cy", "ENCODER=" + OggOpusWriter.Encoder], info.Comments);
    }

    [Fact]
    public void The_most_chapters_with_the_longest_titles_span_several_pages_and_read_back_whole()
    {
        // 999 titles of 500 characters are about half a megabyte of comments: the comment header continues over
        // several Ogg pages of 255 segments, which opusinfo must reassemble.
        var audio = ToneBetweenSilences(16_000);
        var chapters = Enumerable.Range(0, OggOpusWriter.MaxChapters)
            .Select(index => new AudioChapter(TimeSpan.FromMilliseconds(index * 4), $"{index:000} " + new string('é', OggOpusWriter.MaxTagLength - 4)))
            .ToArray();

        var file = OggOpusWriter.Write(audio, chapters, Tags);
        var info = OpusTools.OpusInfo(file);

        info.AssertClean();
        Assert.True(OggPages(file).Count(page => (page.HeaderType & 0x01) != 0) > 1, "the comment header should continue over several pages");
        var comments = info.Comments;
        Assert.Equal(5 + 2 * OggOpusWriter.MaxChapters, comments.Count);
        Assert.Equal("CHAPTER999=00:00:03.992", comments[^2]);
        Assert.Equal("CHAPTER999NAME=" + chapters[^1].Title, comments[^1]);
    }

    [Fact]
    public void The_pages_begin_with_the_two_headers_and_end_with_a_granule_that_trims_the_padding()
    {
        const int rate = 24_000;
        var audio = ToneBetweenSilences(rate);
        var pages = OggPages(OggOpusWriter.Write(audio, Chapters, Tags));

        Assert.Equal(0x02, pages[0].HeaderType);
        Assert.True(pages[0].Body.AsSpan().StartsWith("OpusHead"u8));
        Assert.Equal(0, pages[0].Granule);
        Assert.True(pages[1].Body.AsSpan().StartsWith("OpusTags"u8));
        Assert.Equal(0, pages[1].Granule);
        Assert.Equal(0x04, pages[^1].HeaderType);
        Assert.All(pages[..^1], page => Assert.Equal(0, page.HeaderType & 0x04));
        Assert.All(pages, page => Assert.Equal(pages[0].Serial, page.Serial));
        Assert.Equal(Enumerable.Range(0, pages.Count).Select(index => (uint)index), pages.Select(page => page.Sequence));

        var preSkip = BinaryPrimitives.ReadUInt16LittleEndian(pages[0].Body.AsSpan(10));
        var audioPages = pages.Skip(2).ToList();
        Assert.True(audioPages.Zip(audioPages.Skip(1)).All(pair => pair.First.Granule < pair.Second.Granule), "granule positions must rise");
        // The last page's granule: pre-skip plus exactly the input's samples counted at 48 kHz, short of a whole frame.
        Assert.Equal(preSkip + (long)audio.Samples.Length * (DecodedRate / rate), pages[^1].Granule);
        Assert.NotEqual(0, (pages[^1].Granule - preSkip) % 960);
    }

    [Fact]
    public void Identical_input_gives_identical_bytes()
    {
        var first = OggOpusWriter.Write(ToneBetweenSilences(22_050), Chapters, Tags);
        var second = OggOpusWriter.Write(ToneBetweenSilences(22_050), [.. Chapters], Tags with { });

        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_input_gives_a_different_stream_serial_number()
    {
        var tone = OggPages(OggOpusWriter.Write(ToneBetweenSilences(22_050), Chapters, Tags))[0].Serial;
        var retitled = OggPages(OggOpusWriter.Write(ToneBetweenSilences(22_050), Chapters, Tags with { Title = "Another" }))[0].Serial;
        var louder = ToneBetweenSilences(22_050);
        var changedSound = OggPages(OggOpusWriter.Write(louder with { Samples = louder.Samples.SetItem(0, 1) }, Chapters, Tags))[0].Serial;

        Assert.Equal(3, new[] { tone, retitled, changedSound }.Distinct().Count());
    }

    [Fact]
    public void Audio_without_samples_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => OggOpusWriter.Write(new SpokenAudio(22_050, []), [], Tags));
        Assert.Contains("no samples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Audio_longer_than_an_hour_is_refused()
    {
        // Wrapped, not copied: 57 MB once is enough.
        var hourAndASecond = new SpokenAudio(8_000, ImmutableCollectionsMarshal.AsImmutableArray(new short[8_000 * 3601]));
        var error = Assert.Throws<ArgumentException>(() => OggOpusWriter.Write(hourAndASecond, [], Tags));
        Assert.Contains("OggOpusWriter.MaxDuration", error.Message, StringComparison.Ordinal);
        Assert.Contains("60 minutes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7_999)]
    [InlineData(96_000)]
    [InlineData(0)]
    public void A_sample_rate_outside_8_to_48_kHz_is_refused(int rate)
    {
        var error = Assert.Throws<ArgumentException>(() => OggOpusWriter.Write(new SpokenAudio(rate, [0, 0, 0]), [], Tags));
        Assert.Contains("OggOpusWriter.MinSampleRate, MaxSampleRate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chapters_out_of_order_or_at_the_same_time_are_refused()
    {
        var audio = ToneBetweenSilences(16_000);
        AudioChapter[][] cases =
        [
            [new(TimeSpan.FromSeconds(2), "Second"), new(TimeSpan.FromSeconds(1), "First")],
            [new(TimeSpan.FromSeconds(1), "One"), new(TimeSpan.FromSeconds(1), "Same time")],
        ];
        foreach (var chapters in cases)
        {
            var error = Assert.Throws<ArgumentException>(() => OggOpusWriter.Write(audio, chapters, Tags));
            Assert.Contains("ascending order", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_chapter_outside_the_audio_is_refused()
    {
        var audio = ToneBetweenSilences(16_000);
        foreach (var start in new[] { -TimeSpan.FromMilliseconds(1), audio.Duration, SignalLength + TimeSpan.FromSeconds(1) })
        {
            var error = Assert.Throws<ArgumentException>(() => OggOpusWriter.Write(audio, [new AudioChapter(start, "Outside")], Tags));
            Assert.Contains("outside the audio", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void More_than_999_chapters_are_refused()
    {
        var chapters = Enumerable.Range(0, OggOpusWriter.MaxChapters + 1).Select(index => new AudioChapter(TimeSpan.FromMilliseconds(index), "Chapter")).ToArray();
        var error = Assert.Throws<ArgumentException>(() => OggOpusWriter.Write(ToneBetweenSilences(16_000), chapters, Tags));
        Assert.Contains("OggOpusWriter.MaxChapters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("Two\nlines", "contains a control character")]
    [InlineData("Tab\there", "contains a control character")]
    public void An_empty_or_multi_line_title_is_refused(string title, string reason)
    {
        var audio = ToneBetweenSilences(16_000);
        var chapterError = Assert.Throws<ArgumentException>(() => OggOpusWriter.Write(audio, [new AudioChapter(TimeSpan.Zero, title)], Tags));
        Assert.Contains("The CHAPTER001NAME comment " + reason, chapterError.Message, StringComparison.Ordinal);
        var tagError = Assert.Throws<ArgumentException>(() => OggOpusWriter.Write(audio, [], Tags with { Title = title }));
        Assert.Contains("The TITLE comment " + reason, tagError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_longer_than_the_limit_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            OggOpusWriter.Write(ToneBetweenSilences(16_000), [], Tags with { Organization = new string('x', OggOpusWriter.MaxTagLength + 1) }));
        Assert.Contains("OggOpusWriter.MaxTagLength", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "00:00:00.000")]
    [InlineData(1_234.5678, "00:00:01.234")]
    [InlineData(3_599_999.9, "00:59:59.999")]
    public void Chapter_times_are_written_to_the_millisecond_never_rounded_up(double milliseconds, string expected)
        => Assert.Equal(expected, OggOpusWriter.ChapterTime(TimeSpan.FromTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond))));

    /// <summary>Silence, the tone with 10 ms fades (no click to smear), silence: <see cref="SignalLength"/> at <paramref name="rate"/>.</summary>
    internal static SpokenAudio ToneBetweenSilences(int rate)
    {
        var samples = new short[(int)Math.Round(SignalLength.TotalSeconds * rate)];
        var first = (int)(ToneStart.TotalSeconds * rate);
        var last = (int)(ToneEnd.TotalSeconds * rate);
        var fade = rate / 100;
        for (var index = first; index < last; index++)
        {
            var envelope = Math.Min(1, Math.Min(index - first, last - index) / (double)fade);
            samples[index] = (short)Math.Round(ToneAmplitude * envelope * Math.Sin(2 * Math.PI * ToneHz * (index - first) / rate));
        }

        return new SpokenAudio(rate, ImmutableArray.Create(samples));
    }

    private sealed record OggPage(byte HeaderType, long Granule, uint Serial, uint Sequence, byte[] Body);

    /// <summary>The file's pages, read by their headers; each page's CRC is checked by opusinfo in the other tests.</summary>
    private static List<OggPage> OggPages(byte[] file)
    {
        var pages = new List<OggPage>();
        for (var offset = 0; offset < file.Length;)
        {
            Assert.True(file.AsSpan(offset, 4).SequenceEqual("OggS"u8), $"no page at byte {offset}");
            var segments = file[offset + 26];
            var bodyLength = file.AsSpan(offset + 27, segments).ToArray().Sum(value => value);
            var bodyStart = offset + 27 + segments;
            pages.Add(new OggPage(
                file[offset + 5],
                BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(offset + 6)),
                BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 14)),
                BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 18)),
                file[bodyStart..(bodyStart + bodyLength)]));
            offset = bodyStart + bodyLength;
        }

        return pages;
    }

    private static short[] Slice(short[] samples, TimeSpan from, TimeSpan to)
        => samples[(int)(from.TotalSeconds * DecodedRate)..Math.Min(samples.Length, (int)(to.TotalSeconds * DecodedRate))];

    private static IEnumerable<short[]> Windows(short[] samples) => samples.Chunk(DecodedRate / 50).Where(window => window.Length == DecodedRate / 50);

    private static double Rms(short[] samples) => Math.Sqrt(samples.Average(sample => (double)sample * sample));

    private static double Decibels(double ratio) => 20 * Math.Log10(Math.Max(ratio, 1e-9));
}
