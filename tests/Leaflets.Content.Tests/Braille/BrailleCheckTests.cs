using System.Collections.Immutable;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Braille;

namespace Leaflets.Content.Tests.Braille;

/// <summary>The publish gate's braille check, with the real liblouis, on the real content and on leaflets built to fail it.</summary>
public sealed class BrailleCheckTests
{
    private static readonly BrailleCheck Check = new(BrailleTranslator.Shared);

    private static ContentLoadResult Content(params Leaflet[] leaflets)
        => new(leaflets.ToImmutableSortedDictionary(leaflet => leaflet.Id, leaflet => leaflet, StringComparer.Ordinal), []);

    [Fact]
    public void The_repository_leaflets_pass_in_both_grades_and_both_languages()
    {
        Assert.Empty(Check.Check(RealContent.Load));
    }

    [Fact]
    public void The_test_leaflet_with_every_block_type_passes()
    {
        Assert.Empty(Check.Check(Content(TestDocuments.Leaflet())));
    }

    [Fact]
    public void A_character_liblouis_has_no_braille_for_is_an_error_naming_the_file_variant_language_and_grade()
    {
        var leaflet = TestDocuments.Leaflet([.. TestDocuments.PlainBlocks(), TestDocuments.Paragraph(40, "Turn left ⟶ then right.")], withEasyRead: false);

        var problems = Check.Check(Content(leaflet)).ToList();

        Assert.Equal(2, problems.Count);
        Assert.All(problems, problem =>
        {
            Assert.Equal(BrailleCheck.UntranslatableRule, problem.Rule);
            Assert.Equal(leaflet.Plain.SourcePath, problem.Path);
            Assert.Contains("(plain, en-GB)", problem.Message, StringComparison.Ordinal);
            // The escape is in braille ASCII too: its hex digits in braille, the digits 1 to 9 and 0 being the letters A to J.
            Assert.Contains("wrote as '\\X", problem.Message, StringComparison.Ordinal);
        });
        Assert.Contains(problems, problem => problem.Message.StartsWith("braille grade 1 ", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Message.StartsWith("braille grade 2 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_the_braille_does_not_give_back_fail_the_back_translation_rule()
    {
        // A word longer than a braille line is split across two with a hyphen, and neither half reads back as the word.
        const string tooLong = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz";
        var leaflet = TestDocuments.Leaflet(
            [.. TestDocuments.PlainBlocks(), TestDocuments.Paragraph(40, string.Join(' ', Enumerable.Repeat(tooLong, 20)))], withEasyRead: false);

        var problems = Check.Check(Content(leaflet)).ToList();

        Assert.Equal(2, problems.Count);
        Assert.All(problems, problem =>
        {
            Assert.Equal(BrailleCheck.BackTranslationRule, problem.Rule);
            Assert.Contains("(plain, en-GB)", problem.Message, StringComparison.Ordinal);
            Assert.Contains(tooLong, problem.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_rule_is_documented_in_the_content_rules()
    {
        var rules = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "content-rules.md"));
        Assert.All(BrailleCheck.Rules, rule => Assert.Contains($"`{rule}`", rules, StringComparison.Ordinal));
    }
}
