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
}
