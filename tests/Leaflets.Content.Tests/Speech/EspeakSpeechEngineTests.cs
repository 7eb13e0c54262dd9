using System.Diagnostics;
using Leaflets.Content.Rendering.Audio;

namespace Leaflets.Content.Tests.Speech;

/// <summary>
/// The embedded voice: the real libespeak-ng the build ships beside the tests (Debian's, with the English and Welsh
/// data), and the espeak-ng command line (Debian's espeak-ng) for the phonemes of each sentence.
/// </summary>
[Collection(EspeakCollection.Name)]
public sealed class EspeakSpeechEngineTests
{
    private static readonly EspeakSpeechEngine Engine = new();

    [Fact]
    public void The_tests_use_the_espeak_ng_the_build_ships_beside_them()
    {
        Assert.True(File.Exists(Path.Combine(EspeakInstall.Shipped.LibraryFolder, "libespeak-ng.so.1")));
        Assert.Equal(Path.Combine(EspeakInstall.Shipped.Folder, "espeak-ng-data"), EspeakInstall.Shipped.DataFolder);
        Assert.Null(Engine.Problem());
        Assert.StartsWith("espeak-ng 1.51", Engine.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "Cementoplasty is a treatment for painful bones. A doctor injects bone cement through a needle.")]
    [InlineData("cy", "Mae smentoplasti yn driniaeth ar gyfer esgyrn poenus. Mae meddyg yn chwistrellu sment drwy nodwydd.")]
    public async Task Espeak_ng_speaks_English_and_Welsh_SSML_to_PCM_at_its_own_rate_for_as_long_as_the_words_take(string language, string text)
    {
        var ssml = HandMadeScripts.Ssml(language, [text]);

        var audio = await Engine.SpeakAsync(ssml, language, CancellationToken.None);

        Assert.Equal(22050, audio.SampleRate);
        var words = HandMadeScripts.Words(text);
        var (shortest, longest) = AudioRenderer.ExpectedDuration(words, 1);
        Assert.InRange(audio.Duration, shortest, longest + TimeSpan.FromSeconds(2));
        // Speech, not silence: a good share of the samples are well away from zero.
        Assert.True(audio.Samples.Count(sample => Math.Abs((int)sample) > 1000) > audio.Samples.Length / 10);
    }

    [Fact]
    public async Task English_and_Welsh_sound_different_because_each_has_its_own_voice()
    {
        const string Text = "Ffoniwch y meddyg.";
        var english = await Engine.SpeakAsync(HandMadeScripts.Ssml("en-GB", [Text]), "en-GB", CancellationToken.None);
        var welsh = await Engine.SpeakAsync(HandMadeScripts.Ssml("cy", [Text]), "cy", CancellationToken.None);

        Assert.NotEqual(english.Samples.AsSpan().ToArray(), welsh.Samples.AsSpan().ToArray());
    }

    [Fact]
    public async Task The_same_SSML_gives_the_same_samples_every_time()
    {
        var ssml = HandMadeScripts.Ssml("en-GB", ["Take your tablets with food."]);

        var first = await Engine.SpeakAsync(ssml, "en-GB", CancellationToken.None);
        var second = await Engine.SpeakAsync(ssml, "en-GB", CancellationToken.None);

        Assert.Equal(first.Samples.AsSpan().ToArray(), second.Samples.AsSpan().ToArray());
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("en-GB", true)]
    [InlineData("en-US", true)]
    [InlineData("cy", true)]
    [InlineData("cy-GB", true)]
    [InlineData("fr", false)]
    [InlineData("pl", false)]
    public void Only_English_and_Welsh_have_a_voice(string language, bool speaks) => Assert.Equal(speaks, Engine.Speaks(language));

    [Fact]
    public async Task Speaking_a_language_without_a_voice_is_refused_before_the_library_is_asked()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Engine.SpeakAsync(HandMadeScripts.Ssml("fr", ["Bonjour."]), "fr", CancellationToken.None));
        Assert.Contains("fr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_voice_data_makes_the_engine_unavailable_naming_the_missing_files()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "espeak-ng-data"));
        File.WriteAllBytes(Path.Combine(folder.Path, "espeak-ng-data", "phontab"), [0]);
        var engine = new EspeakSpeechEngine(new EspeakInstall(folder.Path));

        var problem = engine.Problem();

        Assert.NotNull(problem);
        Assert.Contains(Path.Combine(folder.Path, "espeak-ng-data", "en_dict"), problem, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder.Path, "espeak-ng-data", "lang/cel/cy"), problem, StringComparison.Ordinal);
        Assert.DoesNotContain("phontab", problem, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<SpeechUnavailableException>(() => engine.SpeakAsync(HandMadeScripts.Ssml("en-GB", ["Hello."]), "en-GB", CancellationToken.None));
        Assert.Equal(problem, error.Message);
    }

    [Fact]
    public void A_missing_shipped_library_makes_the_engine_unavailable_naming_it()
    {
        using var folder = new TemporaryFolder();
        var data = Path.Combine(folder.Path, "espeak-ng-data");
        foreach (var file in EspeakInstall.DataFiles)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(data, file))!);
            File.Copy(Path.Combine(EspeakInstall.Shipped.DataFolder, file), Path.Combine(data, file));
        }
        Directory.CreateDirectory(Path.Combine(folder.Path, "lib"));
        File.WriteAllLines(Path.Combine(folder.Path, "lib", EspeakInstall.LoadOrderFileName), ["libsonic.so.0", "libespeak-ng.so.1"]);

        var error = Assert.Throws<SpeechUnavailableException>(() => new EspeakSpeechEngine(new EspeakInstall(folder.Path)).SpeakAsync(HandMadeScripts.Ssml("en-GB", ["Hello."]), "en-GB", CancellationToken.None).GetAwaiter().GetResult());

        Assert.Contains("libsonic.so.0", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder.Path, "lib"), error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, new EspeakSpeechEngine(new EspeakInstall(folder.Path)).Problem());
    }

    [Fact]
    public async Task A_synthesis_past_its_time_limit_is_stopped_with_a_clear_error()
    {
        var engine = new EspeakSpeechEngine(timeout: TimeSpan.FromMilliseconds(1));
        var long_ = HandMadeScripts.Ssml("en-GB", Enumerable.Repeat("This sentence is spoken again and again to take a long time.", 200));

        var error = await Assert.ThrowsAsync<SpeechFailedException>(() => engine.SpeakAsync(long_, "en-GB", CancellationToken.None));

        Assert.Contains("time limit", error.Message, StringComparison.Ordinal);
        // The library is usable afterwards: the stopped synthesis left nothing behind.
        var after = await Engine.SpeakAsync(HandMadeScripts.Ssml("en-GB", ["Still here."]), "en-GB", CancellationToken.None);
        Assert.True(after.Duration > TimeSpan.FromSeconds(0.3));
    }

    [Fact]
    public void The_espeak_ng_command_line_gives_phonemes_for_every_sentence_of_a_real_leaflet_in_English_and_Welsh()
    {
        foreach (var document in RealContent.Get("cementoplasty").AllDocuments)
        {
            // The script the audio route speaks, each <s> of every chapter (its text, say-as and all).
            var script = SpeechScriptBuilder.Build(document, Leaflets.Content.Text.StringsLibrary.Embedded);
            var sentences = script.Chapters
                .SelectMany(chapter => System.Xml.Linq.XElement.Parse(chapter.Ssml).Descendants(System.Xml.Linq.XName.Get("s", HandMadeScripts.SsmlNamespace)))
                .Select(sentence => sentence.Value.Trim())
                .ToList();
            Assert.True(sentences.Count > 10);
            var phonemes = Phonemes(EspeakSpeechEngine.VoiceFor(script.Language)!, sentences);
            Assert.Equal(sentences.Count, phonemes.Count);
            for (var i = 0; i < sentences.Count; i++)
            {
                Assert.False(string.IsNullOrWhiteSpace(phonemes[i]), $"no phonemes for \"{sentences[i]}\" ({document.SourcePath})");
            }
        }
    }

    /// <summary>
    /// <c>espeak-ng -x -q</c> with one sentence a line on standard input (each a paragraph: <c>--stdin</c> reads lines):
    /// one line of phonemes per sentence. A sentence with a break inside it would make two lines, so each is run alone.
    /// </summary>
    private static List<string> Phonemes(string voice, IReadOnlyList<string> sentences)
    {
        var lines = new List<string>();
        foreach (var sentence in sentences)
        {
            var start = new ProcessStartInfo("espeak-ng", ["-q", "-x", "-v", voice, "--stdin"])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            process.StandardInput.Write(sentence);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "espeak-ng did not finish");
            Assert.Equal(0, process.ExitCode);
            lines.Add(string.Join(" ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }
        return lines;
    }
}
