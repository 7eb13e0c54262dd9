using System.Text;
using Leaflets.Content.Loading;
using Leaflets.Content.Text;

namespace Leaflets.Content.Tests.Loading;

/// <summary>One bad file per rule: each must be reported with its path, line and rule id.</summary>
public class RuleTests
{
    private const string Plain = "content/leaflets/bones/plain.md";

    // The plain front matter in ContentFixture takes lines 1-11; a body given to WithPlain starts on line 12.
    private static readonly Dictionary<string, (Func<ContentFixture> Build, string Path, int Line)> Cases = new()
    {
        [ContentRules.LayoutUnexpectedFile] = (() => Good().Add("leaflets/bones/notes.txt", "x"), "content/leaflets/bones/notes.txt", 1),
        [ContentRules.LeafletIdInvalid] = (() => ContentFixture.WithPlain("Text.\n", id: "Bad_Id"), "content/leaflets/Bad_Id/", 1),
        [ContentRules.PlainMissing] = (() => new ContentFixture().Add("leaflets/bones/easy-read.md", ContentFixture.EasyReadFrontMatter + "\nText.\n"), Plain, 1),
        [ContentRules.TranslationLanguageInvalid] = (() => Good().Add("leaflets/bones/plain.welsh.md", Welsh()), "content/leaflets/bones/plain.welsh.md", 1),
        [ContentRules.TranslationLanguageMismatch] = (() => Good().Add("leaflets/bones/plain.cy.md", Welsh("language: cy", "language: pl")), "content/leaflets/bones/plain.cy.md", 4),
        [ContentRules.TranslationWithoutMain] = (() => Good().Add("leaflets/bones/easy-read.cy.md", Welsh()), "content/leaflets/bones/easy-read.cy.md", 1),
        [ContentRules.TranslationOutdated] = (() => Good().Add("leaflets/bones/plain.cy.md", Welsh("version: 2", "version: 1")), "content/leaflets/bones/plain.cy.md", 6),
        [ContentRules.TranslationStatusInvalid] = (() => Good().Add("leaflets/bones/plain.cy.md", Welsh("translationStatus: unreviewed", "translationStatus: draft")), "content/leaflets/bones/plain.cy.md", 7),
        [ContentRules.StringsMissing] = (() => Good().Add("leaflets/bones/plain.pl.md", Welsh("language: cy", "language: pl")), "content/leaflets/bones/plain.pl.md", 4),
        // A content root's strings files (words we made up): each broken one is reported where it breaks, and left out.
        [ContentRules.StringsJsonInvalid] = (() => Good().Add("strings/cy.json", "{\n  \"leaflet\": {\n    \"version\": \"Fersiwn\",\n  }\n}\n"), "content/strings/cy.json", 4),
        [ContentRules.StringsKeyUnknown] = (() => Good().Add("strings/cy.json", "{\n  \"leaflet\": {\n    \"versoin\": \"Fersiwn\"\n  }\n}\n"), "content/strings/cy.json", 3),
        [ContentRules.StringsPlaceholderInvalid] = (() => Good().Add("strings/cy.json", "{\n  \"print\": {\n    \"pageOfPages\": \"Tudalen {page}\"\n  }\n}\n"), "content/strings/cy.json", 3),
        [ContentRules.StringsMonthsInvalid] = (() => Good().Add("strings/cy.json", "{\n  \"months\": [\"Ionawr\"]\n}\n"), "content/strings/cy.json", 2),
        [ContentRules.StringsLanguageInvalid] = (() => Good().Add("strings/cy.json", "{\n  \"language\": \"ga\"\n}\n"), "content/strings/cy.json", 2),
        // Arabic: DejaVu Sans has these glyphs, but drawn one by one, unjoined and left to right, they would be broken text.
        [ContentRules.ScriptNotPrintable] = (() => ContentFixture.WithPlain("Text.\n\nمرحبا\n"), Plain, 14),
        [ContentRules.FileNotRegular] = (() => Good().AddRefused("leaflets/bones/images/pipe.png", ContentRules.FileNotRegular, "a FIFO"), "content/leaflets/bones/images/pipe.png", 1),
        [ContentRules.FileTooLarge] = (() => ContentFixture.WithPlain(new string('a', ContentLimits.MaxMarkdownBytes) + "\n"), Plain, 1),
        // A source that hands over a file without bytes (default ImmutableArray) is a fault of ours: contained, not thrown.
        [ContentRules.LoadFailed] = (() => Good().AddAsRead("leaflets/bones/images/bone.png", default(System.Collections.Immutable.ImmutableArray<byte>)), "content/leaflets/bones/images/bone.png", 1),
        [ContentRules.FileEmpty] = (() => new ContentFixture().Add("leaflets/bones/plain.md", []), Plain, 1),
        [ContentRules.FileNotText] = (() => new ContentFixture().Add("leaflets/bones/plain.md", [.. "---\ntitle: x\n"u8, 0xC3, 0x28]), Plain, 3),
        [ContentRules.FrontMatterMissing] = (() => new ContentFixture().Add("leaflets/bones/plain.md", "## Title\n\nText.\n"), Plain, 1),
        [ContentRules.FrontMatterUnterminated] = (() => new ContentFixture().Add("leaflets/bones/plain.md", "---\ntitle: x\n\nText.\n"), Plain, 1),
        [ContentRules.FrontMatterInvalid] = (() => FrontMatter("version: 2", "version: 2\n  nested: wrongly"), Plain, 7),
        [ContentRules.KeyMissing] = (() => FrontMatter("summary: How cement can support a weak bone.\n", ""), Plain, 1),
        [ContentRules.KeyUnknown] = (() => FrontMatter("version: 2", "version: 2\ntittle: Typo"), Plain, 7),
        [ContentRules.KeyDuplicate] = (() => FrontMatter("version: 2", "version: 2\ntitle: Again"), Plain, 7),
        [ContentRules.ValueInvalid] = (() => FrontMatter("version: 2", "version: two"), Plain, 6),
        [ContentRules.DateInvalid] = (() => FrontMatter("lastReviewed: 2024-03-01", "lastReviewed: 01/03/2024"), Plain, 5),
        [ContentRules.DateOutOfRange] = (() => FrontMatter("lastReviewed: 2024-03-01", "lastReviewed: 9999-12-31"), Plain, 5),
        [ContentRules.ValueTooLong] = (() => FrontMatter("title: Strengthening painful bones", "title: " + new string('x', ContentLimits.MaxTitleLength + 1)), Plain, 2),
        [ContentRules.LanguageInvalid] = (() => FrontMatter("language: en-GB", "language: English"), Plain, 4),
        [ContentRules.NextReviewBeforeLastReviewed] = (() => FrontMatter("version: 2", "version: 2\nnextReview: 2020-01-01"), Plain, 7),
        [ContentRules.CodeIncomplete] = (() => FrontMatter("version: 2", "version: 2\ncodes:\n  - system: SNOMED-CT"), Plain, 8),
        [ContentRules.ReferenceIncomplete] = (() => FrontMatter("    publisher: Example Publisher\n", ""), Plain, 8),
        [ContentRules.ReferenceUrlInvalid] = (() => FrontMatter("    year: 2020", "    year: 2020\n    url: www.nice.org.uk"), Plain, 11),
        [ContentRules.SynonymInvalid] = (() => FrontMatter("version: 2", "version: 2\nsynonyms: [bone cement, Bone Cement]"), Plain, 7),
        [ContentRules.NestingTooDeep] = (() => ContentFixture.WithPlain("Text.\n\n" + new string('[', 20_000) + "\n"), Plain, 14),
        [ContentRules.BodyEmpty] = (() => ContentFixture.WithPlain("\n"), Plain, 11),
        [ContentRules.HeadingLevelOne] = (() => ContentFixture.WithPlain("# Title\n"), Plain, 12),
        [ContentRules.HeadingTooDeep] = (() => ContentFixture.WithPlain("## A\n\n### B\n\n#### C\n"), Plain, 16),
        [ContentRules.HeadingSkipsLevel] = (() => ContentFixture.WithPlain("Text.\n\n### B\n"), Plain, 14),
        [ContentRules.HeadingSetext] = (() => ContentFixture.WithPlain("Title\n-----\n"), Plain, 12),
        [ContentRules.HeadingEmpty] = (() => ContentFixture.WithPlain("Text.\n\n##\n"), Plain, 14),
        [ContentRules.HtmlBlock] = (() => ContentFixture.WithPlain("Text.\n\n<div>Boxed</div>\n"), Plain, 14),
        [ContentRules.HtmlInline] = (() => ContentFixture.WithPlain("Text <b>bold</b>.\n"), Plain, 12),
        [ContentRules.Footnote] = (() => ContentFixture.WithPlain("Text.\n\nMore text[^1].\n\n[^1]: A note.\n"), Plain, 14),
        [ContentRules.CodeBlock] = (() => ContentFixture.WithPlain("Text.\n\n```\ncode\n```\n"), Plain, 14),
        [ContentRules.CodeInline] = (() => ContentFixture.WithPlain("Type `x` now.\n"), Plain, 12),
        [ContentRules.HorizontalRule] = (() => ContentFixture.WithPlain("Text.\n\n***\n\nMore.\n"), Plain, 14),
        [ContentRules.ListMarker] = (() => ContentFixture.WithPlain("Text.\n\n* one\n* two\n"), Plain, 14),
        [ContentRules.ListTooDeep] = (() => ContentFixture.WithPlain("- a\n  - b\n    - c\n"), Plain, 14),
        [ContentRules.TableHeaderMissing] = (() => ContentFixture.WithPlain("Text.\n\n|   |   |\n|---|---|\n| a | b |\n"), Plain, 14),
        [ContentRules.CalloutLabelMissing] = (() => ContentFixture.WithPlain("Text.\n\n> Just some words.\n"), Plain, 14),
        [ContentRules.UnsupportedMarkdown] = (() => ContentFixture.WithPlain("- ## A heading in a list\n"), Plain, 12),
        [ContentRules.ItalicEmphasis] = (() => ContentFixture.WithPlain("Some *soft* words.\n"), Plain, 12),
        [ContentRules.LinkUrlInvalid] = (() => ContentFixture.WithPlain("See [NICE guidance on cement](www.nice.org.uk).\n"), Plain, 12),
        [ContentRules.LinkTextVague] = (() => ContentFixture.WithPlain("Text.\n\nFor more, [click here](https://www.nice.org.uk).\n"), Plain, 14),
        [ContentRules.LinkTextEmpty] = (() => ContentFixture.WithPlain("See [](https://www.nice.org.uk).\n"), Plain, 12),
        [ContentRules.ImageInline] = (() => WithImage("See ![a bone](images/bone.png) here.\n"), Plain, 12),
        [ContentRules.ImagePathInvalid] = (() => WithImage("![a bone](../bone.png)\n"), Plain, 12),
        [ContentRules.ImageMissing] = (() => WithImage("![a bone](images/bone.png)\n\n![a hip](images/hip.png)\n"), Plain, 14),
        [ContentRules.ImageFormat] = (() => WithImage("![a bone](images/bone.png)\n").Add("leaflets/bones/images/fake.png", "<html>not a png</html>"), "content/leaflets/bones/images/fake.png", 1),
        [ContentRules.ImageNameInvalid] = (() => WithImage("![a bone](images/bone.png)\n").Add("leaflets/bones/images/a..png", ContentFixture.Png(2, 2)), "content/leaflets/bones/images/a..png", 1),
        [ContentRules.ImageTooLarge] = (() => WithImage("![a bone](images/bone.png)\n").Add("leaflets/bones/images/huge.png", TestPng.Build(TestPng.Header(50_000, 50_000, 8, 0), [])), "content/leaflets/bones/images/huge.png", 1),
        [ContentRules.ImageUnused] = (() => WithImage("Text.\n"), "content/leaflets/bones/images/bone.png", 1),
    };

    public static TheoryData<string> Rules => [.. ContentRules.All];

    [Fact]
    public void Every_rule_id_is_a_distinct_kebab_case_name_with_a_bad_file_below() =>
        Assert.All(ContentRules.All, rule =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", rule);
            Assert.Single(ContentRules.All, r => r == rule);
            Assert.True(Cases.ContainsKey(rule), $"no bad-file case for {rule}");
        });

    [Fact]
    public void The_rules_page_documents_every_rule_with_its_severity()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "content-rules.md"));

        Assert.All(ContentRules.All, rule =>
            Assert.Contains($"| `{rule}` | {ContentRules.SeverityOf(rule).ToString().ToLowerInvariant()} |", page, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_file_breaking_the_rule_is_reported_with_path_line_and_rule(string rule)
    {
        var (build, path, line) = Cases[rule];
        var result = build().Load();

        // Some mistakes are reported at each place they touch (a footnote and its note): the first names the case.
        var problem = result.Problems.FirstOrDefault(p => p.Rule == rule);
        Assert.NotNull(problem);
        Assert.Equal((path, line), (problem.Path, problem.Line));
        Assert.Equal(ContentRules.SeverityOf(rule), problem.Severity);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        if (path.StartsWith("content/" + StringsLoader.Folder, StringComparison.Ordinal))
        {
            // A broken strings file is left out alone: the leaflets load, shown with the service's own words.
            Assert.Single(result.Leaflets);
            Assert.Same(StringsLibrary.Embedded, result.Strings);
        }
        else if (problem.Severity == ProblemSeverity.Error)
        {
            Assert.Empty(result.Leaflets);
        }
        else
        {
            Assert.Single(result.Leaflets);
            Assert.DoesNotContain(result.Problems, p => p.Severity == ProblemSeverity.Error);
        }
    }

    public static TheoryData<string, string> BadSynonyms => new()
    {
        { "synonyms: [" + string.Join(", ", Enumerable.Range(1, ContentLimits.MaxSynonyms + 1).Select(n => $"word {n}")) + "]", "21 entries" },
        { "synonyms: [" + new string('a', ContentLimits.MaxSynonymLength + 1) + "]", "61 characters" },
        { "synonyms: [bone cement, Bone Cement]", "given 2 times" },
    };

    [Theory]
    [MemberData(nameof(BadSynonyms))]
    public void Synonyms_are_a_few_short_names_none_twice(string line, string expected)
    {
        var problem = Assert.Single(FrontMatter("version: 2", "version: 2\n" + line).Load().Problems);
        Assert.Equal((Plain, 7, ContentRules.SynonymInvalid), (problem.Path, problem.Line, problem.Rule));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synonyms_within_the_bounds_load()
    {
        var result = FrontMatter("version: 2", "version: 2\nsynonyms: [bone cement, spine injection]").Load();
        Assert.Empty(result.Problems);
        Assert.Equal(["bone cement", "spine injection"], result.Leaflets.Values.Single().Plain.Metadata.Synonyms.AsEnumerable());
    }

    [Theory]
    [InlineData("/images/bone.png")]
    [InlineData("C:/images/bone.png")]
    [InlineData("images/../bone.png")]
    [InlineData("images\\bone.png")]
    [InlineData("https://example.org/bone.png")]
    [InlineData("//example.org/bone.png")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("bone.png")]
    [InlineData("pictures/bone.png")]
    [InlineData("images/sub/bone.png")]
    public void An_image_path_outside_the_leaflets_images_folder_is_rejected(string path)
    {
        var result = WithImage($"![a bone](<{path}>)\n").Load();

        var problem = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal((Plain, 12, ContentRules.ImagePathInvalid), (problem.Path, problem.Line, problem.Rule));
    }

    [Theory]
    [InlineData("here")]
    [InlineData("Click here")]
    [InlineData("read more")]
    [InlineData("More")]
    [InlineData("this link")]
    [InlineData("link")]
    [InlineData("https://www.nice.org.uk/guidance/ipg179")]
    [InlineData("www.nice.org.uk")]
    public void Link_text_that_means_nothing_out_of_context_is_rejected(string text)
    {
        var result = ContentFixture.WithPlain($"See [{text}](https://www.nice.org.uk/guidance/ipg179).\n").Load();

        Assert.Equal(ContentRules.LinkTextVague, Assert.Single(result.Problems).Rule);
    }

    [Fact]
    public void A_bare_autolink_is_rejected_as_link_text()
    {
        var result = ContentFixture.WithPlain("See <https://www.nice.org.uk>.\n").Load();

        Assert.Equal((ContentRules.LinkTextVague, 12), (Assert.Single(result.Problems).Rule, result.Problems[0].Line));
    }

    [Theory]
    [InlineData("mailto:team@example.org")]
    [InlineData("tel:+441234567890")]
    [InlineData("http://example.org/page")]
    public void Mail_phone_and_web_links_are_accepted(string href)
    {
        var result = ContentFixture.WithPlain($"Contact [the pain team]({href}).\n").Load();

        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("cy")]
    [InlineData("zh-Hant-TW")]
    [InlineData("es-419")]
    public void Well_formed_language_tags_are_accepted(string tag)
    {
        var result = FrontMatter("language: en-GB", $"language: {tag}").Load();

        // A language with no strings file is only warned of (strings-missing).
        Assert.All(result.Problems, problem => Assert.Equal(ContentRules.StringsMissing, problem.Rule));
        Assert.Single(result.Leaflets);
    }

    [Fact]
    public void A_heading_that_skips_a_level_is_rejected()
    {
        var result = ContentFixture.WithPlain("## A\n\n#### D\n").Load();

        Assert.Contains(result.Problems, p => p.Rule == ContentRules.HeadingTooDeep && p.Line == 14);
    }

    [Fact]
    public void A_quoted_version_is_not_an_integer()
    {
        var result = FrontMatter("version: 2", "version: \"2\"").Load();

        Assert.Equal((ContentRules.ValueInvalid, 6), (Assert.Single(result.Problems).Rule, result.Problems[0].Line));
    }

    [Fact]
    public void An_easy_read_variant_need_not_list_references()
    {
        var result = Good().Add("leaflets/bones/easy-read.md", ContentFixture.EasyReadFrontMatter + "\nText.\n").Load();

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Leaflets["bones"].Variants.Count);
    }

    [Fact]
    public void A_stray_file_directly_in_leaflets_is_named()
    {
        var result = Good().Add("leaflets/README.md", "hello").Add("leaflets/.gitkeep", "").Load();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("content/leaflets/README.md", ContentRules.LayoutUnexpectedFile), (problem.Path, problem.Rule));
        Assert.Single(result.Leaflets);
    }

    [Fact]
    public void An_svg_source_beside_its_png_is_neither_an_error_nor_an_image()
    {
        var result = WithImage("![a bone](images/bone.png)\n").Add("leaflets/bones/images/bone.svg", "<svg/>").Load();

        Assert.Empty(result.Problems);
        Assert.Equal(["bone.png"], result.Leaflets["bones"].Images.Keys);
    }

    [Fact]
    public void A_leaflet_id_longer_than_100_characters_is_rejected()
    {
        var id = string.Join('-', Enumerable.Repeat("abcdefghi", 11));
        var result = ContentFixture.WithPlain("Text.\n", id).Load();

        Assert.Equal(ContentRules.LeafletIdInvalid, Assert.Single(result.Problems).Rule);
    }

    internal static ContentFixture Good() => ContentFixture.WithPlain("Text.\n");

    internal static ContentFixture WithImage(string body) =>
        ContentFixture.WithPlain(body).Add("leaflets/bones/images/bone.png", ContentFixture.Png(10, 10));

    internal static ContentFixture FrontMatter(string find, string replace)
    {
        Assert.Contains(find, ContentFixture.PlainFrontMatter, StringComparison.Ordinal);
        return new ContentFixture().Add("leaflets/bones/plain.md", ContentFixture.PlainFrontMatter.Replace(find, replace, StringComparison.Ordinal) + "\nText.\n");
    }

    /// <summary>A valid Welsh plain translation, or one with <paramref name="find"/> replaced in its front matter.</summary>
    internal static string Welsh(string find = "", string replace = "")
    {
        Assert.Contains(find, ContentFixture.WelshPlainFrontMatter, StringComparison.Ordinal);
        var frontMatter = find.Length == 0 ? ContentFixture.WelshPlainFrontMatter : ContentFixture.WelshPlainFrontMatter.Replace(find, replace, StringComparison.Ordinal);
        return frontMatter + "\nTestun.\n";
    }

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
