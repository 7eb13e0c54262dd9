using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using static Leaflets.Content.Tests.Loading.RuleTests;

namespace Leaflets.Content.Tests.Loading;

/// <summary>plain.&lt;lang&gt;.md and easy-read.&lt;lang&gt;.md beside the main-language files.</summary>
public class TranslationTests
{
    [Fact]
    public void A_welsh_plain_translation_loads_beside_the_main_language_with_its_own_front_matter()
    {
        var result = Good().Add("leaflets/bones/plain.cy.md", Welsh()).Load();

        Assert.Empty(result.Problems);
        var leaflet = result.Leaflets["bones"];
        Assert.Equal(["en-GB", "cy"], leaflet.Languages);
        Assert.Equal("en-GB", leaflet.MainLanguage);
        var welsh = leaflet.Document(LeafletVariant.Plain, "cy");
        Assert.Equal(("Cryfhau esgyrn poenus", "cy", TranslationStatus.Unreviewed), (welsh.Metadata.Title, welsh.Metadata.Language, welsh.Metadata.TranslationStatus));
        Assert.Equal(("en-GB", null), (welsh.Metadata.TranslatedFrom, leaflet.Plain.Metadata.TranslatedFrom));
        Assert.Equal("content/leaflets/bones/plain.cy.md", welsh.SourcePath);
        Assert.Equal("Testun.", Assert.IsType<TextInline>(Assert.Single(Assert.IsType<ParagraphBlock>(Assert.Single(welsh.Blocks)).Inlines)).Text);
    }

    [Fact]
    public void The_main_language_is_served_exactly_as_without_a_translation()
    {
        var alone = Good().Load().Leaflets["bones"];
        var translated = Good().Add("leaflets/bones/plain.cy.md", Welsh()).Load().Leaflets["bones"];

        Assert.Equal(alone.Plain.ContentHash, translated.Plain.ContentHash);
        Assert.Equal((alone.Plain.Metadata.Title, alone.Plain.Metadata.Language), (translated.Plain.Metadata.Title, translated.Plain.Metadata.Language));
        Assert.Equal([.. alone.Plain.Metadata.References], translated.Plain.Metadata.References.ToArray());
        Assert.Equal(alone.Variants.Keys, translated.Variants.Keys);
        Assert.Same(translated.Plain, translated.Document(LeafletVariant.Plain, "en-GB"));
        Assert.Equal(["en-GB"], alone.Languages);
    }

    [Fact]
    public void A_translation_shares_the_main_files_references_and_its_hash_changes_with_them()
    {
        var result = Good().Add("leaflets/bones/plain.cy.md", Welsh()).Load();
        var renamed = RuleTests.FrontMatter("title: Cement for bones", "title: Cement for weak bones")
            .Add("leaflets/bones/plain.cy.md", Welsh()).Load();

        var welsh = result.Leaflets["bones"].Document(LeafletVariant.Plain, "cy");
        Assert.Equal("Cement for bones", Assert.Single(welsh.Metadata.References).Title);
        Assert.Equal(("en-GB", null), (welsh.Metadata.ReferencesLanguage, result.Leaflets["bones"].Plain.Metadata.ReferencesLanguage));
        Assert.NotEqual(welsh.ContentHash, renamed.Leaflets["bones"].Document(LeafletVariant.Plain, "cy").ContentHash);
    }

    [Fact]
    public void A_translation_is_found_whatever_the_case_of_its_tag_and_not_in_a_language_the_leaflet_lacks()
    {
        var leaflet = Good().Add("leaflets/bones/plain.pt-BR.md", Welsh("language: cy", "language: pt-br")).Load().Leaflets["bones"];

        Assert.NotNull(leaflet.Find(LeafletVariant.Plain, "PT-br"));
        Assert.Null(leaflet.Find(LeafletVariant.Plain, "cy"));
        Assert.Null(leaflet.Find(LeafletVariant.EasyRead, "pt-BR"));
        Assert.Throws<KeyNotFoundException>(() => leaflet.Document(LeafletVariant.Plain, "cy"));
    }

    [Fact]
    public void A_variant_lists_its_languages_main_first_and_only_a_translation_is_named_in_addresses()
    {
        var leaflet = Good().Add("leaflets/bones/plain.cy.md", Welsh()).Load().Leaflets["bones"];

        Assert.Equal(["en-GB", "cy"], leaflet.LanguagesOf(LeafletVariant.Plain));
        Assert.Equal([null, "cy", "CY"], new[] { "EN-gb", "cy", "CY" }.Select(leaflet.TranslationLanguage));
    }

    [Fact]
    public void A_leaflet_copied_with_a_translation_less_lists_its_own_languages_not_those_of_the_leaflet_it_was_copied_from()
    {
        var translated = Good().Add("leaflets/bones/plain.cy.md", Welsh()).Load().Leaflets["bones"];
        var listedBefore = (translated.Languages, translated.LanguagesOf(LeafletVariant.Plain));

        var alone = translated with { Translations = translated.Translations.Clear() };

        Assert.Equal(["en-GB", "cy"], listedBefore.Item1);
        Assert.Equal(["en-GB", "cy"], listedBefore.Item2);
        Assert.Equal(["en-GB"], alone.Languages);
        Assert.Equal(["en-GB"], alone.LanguagesOf(LeafletVariant.Plain));
        Assert.Empty(alone.LanguagesOf(LeafletVariant.EasyRead));
        Assert.Equal(["en-GB", "cy"], translated.Languages);
    }

    [Theory]
    [InlineData("en", "en-GB", true)]
    [InlineData("EN-gb", "en-GB", true)]
    [InlineData("*", "cy", true)]
    [InlineData("en-GB", "en", false)]
    [InlineData("e", "en-GB", false)]
    [InlineData("en-G", "en-GB", false)]
    public void A_range_covers_a_tag_it_names_or_is_a_whole_subtag_prefix_of(string range, string tag, bool covers)
        => Assert.Equal(covers, LanguageTags.Covers(range, tag));

    [Fact]
    public void A_translation_without_a_status_is_reviewed()
    {
        var leaflet = Good().Add("leaflets/bones/plain.cy.md", Welsh("translationStatus: unreviewed\n", "")).Load().Leaflets["bones"];

        Assert.Equal(TranslationStatus.Reviewed, leaflet.Document(LeafletVariant.Plain, "cy").Metadata.TranslationStatus);
    }

    [Fact]
    public void A_main_language_file_may_not_state_a_translation_status()
    {
        var result = RuleTests.FrontMatter("version: 2", "version: 2\ntranslationStatus: reviewed").Load();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("content/leaflets/bones/plain.md", 7, ContentRules.TranslationStatusInvalid), (problem.Path, problem.Line, problem.Rule));
        Assert.Empty(result.Leaflets);
    }

    [Fact]
    public void A_translation_in_the_main_language_itself_is_refused()
    {
        var result = Good().Add("leaflets/bones/plain.en-GB.md", Welsh("language: cy", "language: en-GB")).Load();

        Assert.Equal(ContentRules.TranslationLanguageMismatch, Assert.Single(result.Problems).Rule);
        Assert.Empty(result.Leaflets);
    }

    [Fact]
    public void Two_files_for_one_language_differing_only_in_case_are_refused()
    {
        var result = Good().Add("leaflets/bones/plain.cy.md", Welsh()).Add("leaflets/bones/plain.CY.md", Welsh()).Load();

        // The second one read is named, and the message names the first.
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("content/leaflets/bones/plain.CY.md", ContentRules.TranslationLanguageInvalid), (problem.Path, problem.Rule));
        Assert.Contains("'plain.cy.md'", problem.Message, StringComparison.Ordinal);
        Assert.Empty(result.Leaflets);
    }

    [Theory]
    [InlineData("Ελληνικά και кириллица, Cymraeg: ŵ ŷ, Tiếng Việt")]
    [InlineData("Digits 10, symbols € ° → ✓ and punctuation « » belong to no script")]
    public void Latin_greek_and_cyrillic_letters_print(string text) =>
        Assert.Empty(ContentFixture.WithPlain(text + "\n").Load().Problems);

    [Theory]
    [InlineData("שלום", 0x05E9)] // Hebrew
    [InlineData("नमस्ते", 0x0928)] // Devanagari
    [InlineData("বাংলা", 0x09AC)] // Bengali
    [InlineData("中文", 0x4E2D)] // CJK
    public void A_letter_of_a_script_the_pdf_cannot_shape_refuses_the_leaflet_naming_it(string text, int codePoint)
    {
        var result = ContentFixture.WithPlain("Text " + text + "\n").Load();

        var problem = Assert.Single(result.Problems);
        Assert.Equal((12, ContentRules.ScriptNotPrintable), (problem.Line, problem.Rule));
        Assert.Contains($"U+{codePoint:X4}", problem.Message, StringComparison.Ordinal);
        Assert.Empty(result.Leaflets);
    }

    [Fact]
    public void An_unprintable_letter_after_lines_of_printable_letters_and_symbols_beyond_ascii_is_named_whole_on_its_own_line()
    {
        // Letters and symbols beyond ASCII come first (é, Greek, an emoji outside the Basic Multilingual Plane), so the
        // lines are counted across them; the letter outside that plane is named whole, not by half of its surrogate pair.
        var result = ContentFixture.WithPlain("Café.\n\nΑλφα 😀 done.\n\nText 𠀀 here.\n").Load();

        var problem = Assert.Single(result.Problems);
        Assert.Equal((16, ContentRules.ScriptNotPrintable), (problem.Line, problem.Rule));
        Assert.Contains("U+20000", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unprintable_script_in_a_translations_title_is_reported_on_its_line()
    {
        var result = Good().Add("leaflets/bones/plain.ar.md", Welsh("language: cy", "language: ar").Replace("Cryfhau esgyrn poenus", "تقوية العظام", StringComparison.Ordinal)).Load();

        var problem = Assert.Single(result.Problems, problem => problem.Severity == ProblemSeverity.Error);
        Assert.Equal(("content/leaflets/bones/plain.ar.md", 2, ContentRules.ScriptNotPrintable), (problem.Path, problem.Line, problem.Rule));
    }
}
