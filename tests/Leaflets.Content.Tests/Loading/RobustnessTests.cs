using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Tests.Loading;

public class RobustnessTests
{
    [Fact]
    public void One_broken_leaflet_does_not_stop_another_from_loading()
    {
        var result = ContentFixture.WithPlain("Text.\n", id: "good")
            .Add("leaflets/broken/plain.md", ContentFixture.PlainFrontMatter + "\n# Not allowed\n")
            .Load();

        Assert.Equal(["good"], result.Leaflets.Keys);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("content/leaflets/broken/plain.md", problem.Path);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void A_plain_md_the_source_refused_is_reported_once_and_not_also_as_missing()
    {
        var result = new ContentFixture()
            .AddRefused("leaflets/bones/plain.md", ContentRules.FileTooLarge, "plain.md is 200 KiB; a Markdown file may be at most 128 KiB")
            .Load();

        Assert.Empty(result.Leaflets);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ContentRules.FileTooLarge, "content/leaflets/bones/plain.md"), (problem.Rule, problem.Path));
    }

    [Fact]
    public void A_broken_easy_read_variant_leaves_the_whole_leaflet_out()
    {
        var result = ContentFixture.WithPlain("Text.\n")
            .Add("leaflets/bones/easy-read.md", ContentFixture.EasyReadFrontMatter + "\n<p>html</p>\n")
            .Load();

        Assert.Empty(result.Leaflets);
        Assert.Equal("content/leaflets/bones/easy-read.md", Assert.Single(result.Problems).Path);
    }

    [Theory]
    [InlineData("version: [2")]
    [InlineData("title: \"unclosed")]
    [InlineData("- a list\n- not a mapping")]
    [InlineData("just words")]
    [InlineData(": :")]
    [InlineData("title: &a [*a]")]
    [InlineData("\t\ttitle: tabs")]
    [InlineData("")]
    public void Malformed_front_matter_becomes_a_problem_on_a_line(string yaml)
    {
        var result = new ContentFixture().Add("leaflets/bones/plain.md", $"---\n{yaml}\n---\n\nText.\n").Load();

        Assert.Empty(result.Leaflets);
        Assert.All(result.Problems, p => Assert.InRange(p.Line, 1, 3 + yaml.Count(c => c == '\n')));
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void Random_bytes_never_make_the_loader_throw()
    {
        var random = new Random(20261128);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            var text = "---\ntitle: x\n---\n" + Encoding.Latin1.GetString(bytes);
            var result = new ContentFixture()
                .Add("leaflets/a/plain.md", bytes)
                .Add("leaflets/b/plain.md", Encoding.UTF8.GetBytes(text))
                .Add("leaflets/b/images/x.png", bytes)
                .Load();

            Assert.Empty(result.Leaflets);
            Assert.All(result.Problems, p => Assert.True(p.Line >= 1));
        }
    }

    [Fact]
    public void Random_markdown_fragments_never_make_the_loader_throw()
    {
        string[] tokens = ["#", "*", "_", "`", "[", "]", "(", ")", "!", ">", "- ", "| ", "|---|", "\n", "\n\n", " ", "  ", "<b>", "</b>",
            "1. ", ":", "[^1]", "images/x.png", "https://x.org", "\\", "&amp;", "~~~", "**", "---", "===", "word", "![", "](", "\t", "<!--"];
        var random = new Random(4711);
        for (var i = 0; i < 1500; i++)
        {
            var body = string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => tokens[random.Next(tokens.Length)]));
            var result = ContentFixture.WithPlain(body).Add("leaflets/bones/images/x.png", ContentFixture.Png(2, 2)).Load();

            Assert.All(result.Problems, p => Assert.InRange(p.Line, 1, 12 + body.Count(c => c == '\n')));
        }
    }

    [Theory]
    [InlineData("[x](", "unclosed link")]
    [InlineData("> > > **Deep:** quote", "nested quotes")]
    [InlineData("- > **Note:** quote in list", "quote in list")]
    [InlineData("| a |\n|---|\n| ![x](images/y.png) |", "image in table")]
    [InlineData("![x](images/y.png \"cap\") ![z](images/y.png)", "two images")]
    [InlineData("**bold *mixed** text*", "crossed emphasis")]
    [InlineData("&amp; &#x0; &nbsp;", "entities")]
    public void Odd_markdown_is_loaded_or_reported_without_throwing(string body, string because)
    {
        var result = ContentFixture.WithPlain(body + "\n").Load();

        Assert.True(result.Leaflets.Count + result.Problems.Length > 0, because);
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_endings_are_accepted()
    {
        var text = ContentFixture.PlainFrontMatter.Replace("\n", "\r\n") + "\r\n## Heading\r\n\r\nText.\r\n";
        var result = new ContentFixture().Add("leaflets/bones/plain.md", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]).Load();

        Assert.Empty(result.Problems);
        Assert.Equal(12, result.Leaflets["bones"].Plain.Blocks[0].Line);
    }

    [Fact]
    public void The_content_hash_covers_the_markdown_then_each_used_image_name_and_bytes()
    {
        var markdown = ContentFixture.PlainFrontMatter + "\n![a bone](images/bone.png)\n";
        var png = ContentFixture.Png(10, 10);
        var result = new ContentFixture().Add("leaflets/bones/plain.md", markdown).Add("leaflets/bones/images/bone.png", png).Load();

        var expected = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(markdown), .. "bone.png"u8, .. png]));
        Assert.Equal(expected, result.Leaflets["bones"].Plain.ContentHash);
    }

    [Fact]
    public void The_content_hash_changes_when_an_image_changes()
    {
        static string HashWith(byte fill) => ContentFixture.WithPlain("![a bone](images/bone.png)\n")
            .Add("leaflets/bones/images/bone.png", ContentFixture.Png(10, 10, fill))
            .Load().Leaflets["bones"].Plain.ContentHash;

        Assert.Equal(HashWith(1), HashWith(1));
        Assert.NotEqual(HashWith(1), HashWith(2));
    }

    public static TheoryData<string, byte[], string> BrokenFigures => new()
    {
        { "holds <html>", "<html><body>Not found</body></html>"u8.ToArray(), "not a PNG or JPEG" },
        { "declares width 0", TestPng.Build(TestPng.Header(0, 10, 8, 0), []), "0 x 10" },
        { "has a bad filter byte under a transparent palette", TestPng.TransparentPalette(4, 3, filter: 9), "filter type 9" },
    };

    [Theory]
    [MemberData(nameof(BrokenFigures))]
    public void A_used_figure_that_fails_its_checks_rejects_its_leaflet_and_no_other(string because, byte[] png, string why)
    {
        var result = ContentFixture.WithPlain("![A bone](images/t.png)\n", id: "broken").Add("leaflets/broken/images/t.png", png)
            .Add("leaflets/good/plain.md", ContentFixture.PlainFrontMatter + "\nText.\n")
            .Load();

        Assert.Equal(["good"], result.Leaflets.Keys);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("content/leaflets/broken/images/t.png", ContentRules.ImageFormat), (problem.Path, problem.Rule));
        Assert.Contains("'t.png' is refused", problem.Message);
        Assert.True(problem.Message.Contains(why, StringComparison.Ordinal), because);
    }

    [Fact]
    public void A_fault_while_loading_one_leaflet_is_that_leaflets_problem_and_the_others_load()
    {
        var result = ContentFixture.WithPlain("Text.\n", id: "good")
            .Add("leaflets/broken/plain.md", ContentFixture.PlainFrontMatter + "\nText.\n")
            .AddAsRead("leaflets/broken/easy-read.md", default)
            .Load();

        Assert.Equal(["good"], result.Leaflets.Keys);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("content/leaflets/broken/easy-read.md", 1, ContentRules.LoadFailed), (problem.Path, problem.Line, problem.Rule));
        Assert.DoesNotContain("   at ", problem.Message);
    }

    // A thousand levels of indented list or of quotes is over the Markdown size limit as well, so these nest 300 deep.
    public static TheoryData<string, int> DeeplyNested => new()
    {
        { new string('[', 20_000), 12 },
        { string.Concat(Enumerable.Range(0, 300).Select(level => new string(' ', 2 * level) + "- item\n")), 12 + ContentLimits.MaxNestingDepth },
        { string.Concat(Enumerable.Repeat("- ", 1_000)) + "item\n", 12 },
        { new string('>', 1_000) + " **Note:** deep\n", 12 },
        { string.Concat(Enumerable.Range(1, 300).Select(level => new string('>', level) + " **Note:** deeper\n")), 12 + ContentLimits.MaxNestingDepth },
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Markdown_nested_too_deep_for_the_parser_is_refused_on_its_line(string body, int line)
    {
        var result = ContentFixture.WithPlain(body).Add("leaflets/good/plain.md", ContentFixture.PlainFrontMatter + "\nText.\n").Load();

        Assert.Equal(["good"], result.Leaflets.Keys);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((line, ContentRules.NestingTooDeep), (problem.Line, problem.Rule));
        Assert.Contains($"at most {ContentLimits.MaxNestingDepth} levels", problem.Message);
    }

    [Fact]
    public void Nesting_at_the_limit_is_left_to_the_format_rules()
    {
        var body = string.Concat(Enumerable.Range(0, ContentLimits.MaxNestingDepth).Select(level => new string(' ', 2 * level) + "- item\n"));

        var result = ContentFixture.WithPlain(body).Load();

        Assert.Equal([ContentRules.ListTooDeep], result.Problems.Select(p => p.Rule).Distinct());
    }

    [Theory]
    [InlineData("lastReviewed: 9999-12-31", "lastReviewed")]
    [InlineData("lastReviewed: 0001-01-01", "lastReviewed")]
    [InlineData("lastReviewed: 2024-03-01\nnextReview: 9999-12-31", "nextReview")]
    public void A_review_date_far_outside_a_leaflets_life_is_refused_not_overflowed(string dates, string key)
    {
        var result = RuleTests.FrontMatter("lastReviewed: 2024-03-01", dates).Load();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ContentRules.DateOutOfRange, problem.Rule);
        Assert.StartsWith($"'{key}' is ", problem.Message);
    }

    [Fact]
    public void The_last_review_year_allowed_still_gets_its_default_next_review()
    {
        var result = RuleTests.FrontMatter("lastReviewed: 2024-03-01", $"lastReviewed: {ContentLimits.MaxReviewYear}-12-31").Load();

        Assert.Empty(result.Problems);
        Assert.Equal(new DateOnly(ContentLimits.MaxReviewYear + 3, 12, 31), result.Leaflets["bones"].Plain.Metadata.NextReview);
    }

    [Theory]
    [InlineData("title: Strengthening painful bones", "title", ContentLimits.MaxTitleLength)]
    [InlineData("summary: How cement can support a weak bone.", "summary", ContentLimits.MaxSummaryLength)]
    public void A_title_or_summary_over_its_limit_is_refused_naming_the_limit(string line, string key, int limit)
    {
        Assert.Empty(RuleTests.FrontMatter(line, $"{key}: {new string('a', limit)}").Load().Problems);

        var problem = Assert.Single(RuleTests.FrontMatter(line, $"{key}: {new string('a', limit + 1)}").Load().Problems);

        Assert.Equal(ContentRules.ValueTooLong, problem.Rule);
        Assert.Equal($"'{key}' is {limit + 1} characters; keep it to {limit} or fewer", problem.Message);
    }

    [Fact]
    public void A_markdown_file_over_its_limit_is_refused_before_it_is_parsed()
    {
        Assert.Empty(ContentFixture.WithPlain("Text.\n").Load().Problems);
        var body = string.Concat(Enumerable.Repeat("Some words in a paragraph.\n\n", ContentLimits.MaxMarkdownBytes / 28 + 1));

        var problem = Assert.Single(ContentFixture.WithPlain(body).Load().Problems);

        Assert.Equal((1, ContentRules.FileTooLarge), (problem.Line, problem.Rule));
        Assert.Contains($"at most {ContentLimits.MaxMarkdownBytes} bytes", problem.Message);
    }

    [Theory]
    [InlineData("a..png", "![A bone](images/a..png)")]
    [InlineData("a b.png", "![A bone](<images/a b.png>)")]
    [InlineData("-bone.png", "![A bone](images/-bone.png)")]
    public void An_image_name_the_image_route_would_refuse_is_refused_at_load_too(string fileName, string reference)
    {
        Assert.False(Leaflets.Content.Search.Slugs.IsFileName(fileName));

        var result = ContentFixture.WithPlain(reference + "\n").Add($"leaflets/bones/images/{fileName}", ContentFixture.Png(2, 2)).Load();

        Assert.Empty(result.Leaflets);
        Assert.Equal(
            [(ContentRules.ImageNameInvalid, $"content/leaflets/bones/images/{fileName}"), (ContentRules.ImagePathInvalid, "content/leaflets/bones/plain.md")],
            result.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => (p.Rule, p.Path)).Order());
    }

    [Fact]
    public void A_leaflet_folder_whose_name_ends_in_a_newline_is_not_a_leaflet_id()
    {
        var result = ContentFixture.WithPlain("Text.\n", id: "ok\n").Load();

        Assert.Empty(result.Leaflets);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ContentRules.LeafletIdInvalid, problem.Rule);
        Assert.Contains("'ok\\u000a'", problem.Message);
    }
}
