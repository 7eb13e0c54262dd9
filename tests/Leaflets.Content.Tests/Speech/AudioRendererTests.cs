using System.Collections.Immutable;
using System.Diagnostics;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Audio;
using Leaflets.Content.Tests.Audio;
using Xunit.Abstractions;

namespace Leaflets.Content.Tests.Speech;

/// <summary>
/// The spoken version end to end: the repository's real leaflet (a script made by hand from its headings and text),
/// spoken by the real espeak-ng, encoded by the Ogg Opus writer, and read back by Xiph's opusinfo and opusdec.
/// </summary>
[Collection(EspeakCollection.Name)]
public sealed class AudioRendererTests(ITestOutputHelper output)
{
    private static readonly AudioRenderer Renderer = new(new EspeakSpeechEngine());

    public static TheoryData<string, string> Documents()
    {
        var data = new TheoryData<string, string>();
        foreach (var document in Cementoplasty.AllDocuments)
        {
            data.Add(document.Variant.Slug(), document.Metadata.Language);
        }
        return data;
    }

    private static Leaflet Cementoplasty => RealContent.Get("cementoplasty");

    private static LeafletDocument Document(string variant, string language)
    {
        Assert.True(LeafletVariants.TryParse(variant, out var parsed));
        return Cementoplasty.Document(parsed, language);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_real_leaflet_spoken_by_espeak_ng_decodes_and_lasts_as_long_as_its_words_take_at_120_to_200_a_minute(string variant, string language)
    {
        var document = Document(variant, language);
        var script = HandMadeScripts.From(document);
        var clock = Stopwatch.StartNew();

        var rendered = await Renderer.RenderAsync(script, new AudioTags(document.Metadata.Title, language), CancellationToken.None);

        output.WriteLine($"{variant} {language}: {script.Chapters.Sum(c => c.WordCount)} words, {rendered.Spoken.Audio.Duration:m\\:ss\\.f}, {rendered.Bytes.Length} bytes in {clock.ElapsedMilliseconds} ms");
        var info = OpusTools.OpusInfo(rendered.Bytes);
        info.AssertClean();
        var (shortest, longest) = AudioRenderer.ExpectedDuration(script.Chapters.Sum(chapter => chapter.WordCount), script.Chapters.Length);
        Assert.InRange(info.PlaybackLength, shortest, longest);
        var decoded = OpusTools.Decode(rendered.Bytes);
        Assert.InRange(decoded.Length / 48000.0, shortest.TotalSeconds, longest.TotalSeconds);
        Assert.True(decoded.Count(sample => Math.Abs((int)sample) > 1000) > decoded.Length / 10, "the decoded file is mostly silence");
    }

    [Fact]
    public async Task Each_chapter_starts_where_the_one_before_it_ended_after_the_pause_and_carries_its_title()
    {
        var document = Document("plain", "en-GB");
        var script = HandMadeScripts.From(document);

        var spoken = await Renderer.SpeakAsync(script, CancellationToken.None);

        Assert.Equal(script.Chapters.Select(chapter => chapter.Title), spoken.Chapters.Select(chapter => chapter.Title));
        Assert.Equal(TimeSpan.Zero, spoken.Chapters[0].Start);
        var lengths = new List<int>();
        foreach (var chapter in script.Chapters)
        {
            lengths.Add((await Renderer.Engine.SpeakAsync(chapter.Ssml, script.Language, CancellationToken.None)).Samples.Length);
        }
        var pause = (int)(AudioRenderer.ChapterPause.TotalSeconds * spoken.Audio.SampleRate);
        for (var i = 1; i < lengths.Count; i++)
        {
            var start = lengths.Take(i).Sum() + pause * i;
            Assert.Equal(TimeSpan.FromSeconds((double)start / spoken.Audio.SampleRate), spoken.Chapters[i].Start);
            // The pause is silence.
            Assert.All(spoken.Audio.Samples.Skip(start - pause).Take(pause), sample => Assert.Equal(0, sample));
        }
        Assert.Equal(lengths.Sum() + pause * (lengths.Count - 1), spoken.Audio.Samples.Length);
    }

    [Fact]
    public async Task The_same_leaflet_gives_the_same_Ogg_Opus_bytes_twice()
    {
        var document = Document("easy-read", "cy");
        // Its first three chapters: enough to cross chapter joins, a quarter of the time of the whole.
        var whole = HandMadeScripts.From(document);
        var script = whole with { Chapters = whole.Chapters[..3] };
        var tags = new AudioTags(document.Metadata.Title, "cy");

        var first = await Renderer.RenderAsync(script, tags, CancellationToken.None);
        var second = await Renderer.RenderAsync(script, tags, CancellationToken.None);

        Assert.Equal(first.Bytes, second.Bytes);
    }

    [Fact]
    public async Task A_script_of_more_words_than_a_leaflet_has_is_refused_before_anything_is_spoken()
    {
        var chapter = new SpeechChapter("Long", HandMadeScripts.Ssml("en-GB", ["Words."]), AudioRenderer.MaxWords + 1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Renderer.SpeakAsync(new SpeechScript("en-GB", [chapter]), CancellationToken.None));

        Assert.Contains(AudioRenderer.MaxWords.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speech_much_longer_than_its_word_count_allows_is_a_clear_error()
    {
        // Ten words claimed, five hundred spoken: more than ten words take at 120 a minute, and the minute allowed for pauses.
        var chapter = new SpeechChapter("Padded", HandMadeScripts.Ssml("en-GB", Enumerable.Repeat("Please read every word of this leaflet with care now.", 50)), 10);

        var error = await Assert.ThrowsAsync<SpeechFailedException>(() => Renderer.SpeakAsync(new SpeechScript("en-GB", [chapter]), CancellationToken.None));

        Assert.Contains("10 words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_without_a_voice_makes_the_spoken_version_unavailable()
    {
        var chapter = new SpeechChapter("Bonjour", HandMadeScripts.Ssml("fr", ["Bonjour."]), 1);

        var error = await Assert.ThrowsAsync<SpeechUnavailableException>(() => Renderer.SpeakAsync(new SpeechScript("fr", [chapter]), CancellationToken.None));

        Assert.Contains("fr", error.Message, StringComparison.Ordinal);
    }
}
