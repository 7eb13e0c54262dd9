using System.Collections.Immutable;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Audio;

namespace Leaflets.Content.Tests.Speech;

/// <summary>The publish gate's audio check, with the real espeak-ng and Ogg Opus writer, on real content and on leaflets built to fail it.</summary>
[Collection(EspeakCollection.Name)]
public sealed class AudioCheckTests
{
    private static readonly AudioCheck Check = new(new AudioRenderer(new EspeakSpeechEngine()));

    private static ContentLoadResult Content(params Leaflet[] leaflets)
        => new(leaflets.ToImmutableSortedDictionary(leaflet => leaflet.Id, leaflet => leaflet, StringComparer.Ordinal), []);

    [Fact]
    public void The_repository_leaflets_pass_in_both_variants_and_both_languages()
    {
        Assert.Empty(Check.Check(RealContent.Load));
    }

    [Fact]
    public void Numbers_the_voice_reads_out_at_length_make_the_audio_too_long_for_its_word_count()
    {
        // Each counts as one word but is spoken as a dozen ("nine hundred and eighty-seven billion, ...").
        var numbers = string.Join(' ', Enumerable.Range(0, 60).Select(i => (987_654_321_987L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var leaflet = TestDocuments.Leaflet([.. TestDocuments.PlainBlocks(), TestDocuments.Paragraph(40, numbers)], withEasyRead: false);

        var problem = Assert.Single(Check.Check(Content(leaflet)));

        Assert.Equal(AudioCheck.DurationRule, problem.Rule);
        Assert.Equal(leaflet.Plain.SourcePath, problem.Path);
        Assert.StartsWith("audio (plain, en-GB): ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("120 words a minute", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_espeak_ng_every_document_is_reported_unavailable_naming_what_is_missing()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "lib"));
        File.WriteAllLines(Path.Combine(folder.Path, "lib", EspeakInstall.LoadOrderFileName), ["libespeak-ng.so.1"]);
        var check = new AudioCheck(new AudioRenderer(new EspeakSpeechEngine(new EspeakInstall(folder.Path))));
        var leaflet = TestDocuments.Leaflet();

        var problems = check.Check(Content(leaflet)).ToList();

        Assert.Equal(leaflet.AllDocuments.Count(), problems.Count);
        Assert.All(problems, problem =>
        {
            Assert.Equal(AudioCheck.UnavailableRule, problem.Rule);
            Assert.Contains("libespeak-ng.so.1", problem.Message, StringComparison.Ordinal);
            Assert.Contains(folder.Path, problem.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_rule_is_documented_in_the_content_rules()
    {
        var rules = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "content-rules.md"));
        Assert.All(AudioCheck.Rules, rule => Assert.Contains($"`{rule}`", rules, StringComparison.Ordinal));
    }
}
