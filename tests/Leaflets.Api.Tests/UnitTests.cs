using Leaflets.Content.Search;
using Leaflets.Functions.Http;

namespace Leaflets.Api.Tests;

public sealed class EntityTagTests
{
    private static readonly EntityTag Tag = EntityTag.Derive("hash", "plain", "json");

    [Theory]
    [InlineData("*", true)]
    [InlineData(" * ", true)]
    [InlineData("{0}", true)]
    [InlineData("W/{0}", true)]
    [InlineData("\"a\", {0}", true)]
    [InlineData("\"a,b\", {0}", true)]
    [InlineData("\"a\",\"b\"", false)]
    [InlineData("", false)]
    [InlineData("{0}x", true)]
    [InlineData("garbage {0}", false)]
    [InlineData("\"unterminated", false)]
    public void If_none_match_uses_weak_comparison_over_a_list(string header, bool matches)
    {
        Assert.Equal(matches, Tag.MatchesIfNoneMatch(string.Format(header, Tag.Quoted)));
    }

    [Fact]
    public void Several_if_none_match_field_lines_are_all_considered()
    {
        Assert.True(Tag.MatchesIfNoneMatch(new Microsoft.Extensions.Primitives.StringValues(["\"a\"", Tag.Quoted])));
    }

    [Fact]
    public void A_tag_changes_with_any_of_its_parts()
    {
        Assert.NotEqual(Tag, EntityTag.Derive("hash", "easy-read", "json"));
        Assert.NotEqual(Tag.Quoted, EntityTag.Derive("hash", "plain", "json2").Quoted);
        Assert.Equal(Tag.Quoted, EntityTag.Derive("hash", "plain", "json").Quoted);
    }
}

public sealed class AcceptHeaderTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("application/json", true)]
    [InlineData("APPLICATION/JSON", true)]
    [InlineData("application/*;q=0.5", true)]
    [InlineData("*/*", true)]
    [InlineData("text/html", false)]
    [InlineData("application/json;q=0", false)]
    [InlineData("*/*, application/json;q=0", false)]
    [InlineData("application/json;q=0, */*", false)]
    [InlineData("application/*;q=0, application/json", true)]
    public void Accept_is_decided_by_the_most_specific_matching_range(string accept, bool accepted)
    {
        Assert.Equal(accepted, AcceptHeader.Accepts(accept, "application/json"));
    }
}

public sealed class SlugTests
{
    [Theory]
    [InlineData("cementoplasty", true)]
    [InlineData("bone-scan-2", true)]
    [InlineData("Bone", false)]
    [InlineData("bone--scan", false)]
    [InlineData("bone-", false)]
    [InlineData("..", false)]
    [InlineData("a/b", false)]
    [InlineData("bone\n", false)]
    [InlineData("", false)]
    public void A_leaflet_id_is_a_lowercase_slug(string id, bool valid) => Assert.Equal(valid, Slugs.IsLeafletId(id));

    [Theory]
    [InlineData("scanner.png", true)]
    [InlineData("step_1-arm.jpeg", true)]
    [InlineData("scanner", false)]
    [InlineData(".hidden.png", false)]
    [InlineData("a..png", false)]
    [InlineData("../a.png", false)]
    [InlineData("a\\b.png", false)]
    [InlineData("a b.png", false)]
    public void A_file_name_is_plain_words_with_an_extension(string name, bool valid) => Assert.Equal(valid, Slugs.IsFileName(name));

    [Fact]
    public void Names_over_100_characters_are_refused()
    {
        Assert.True(Slugs.IsLeafletId(new string('a', 100)));
        Assert.False(Slugs.IsLeafletId(new string('a', 101)));
        Assert.False(Slugs.IsFileName(new string('a', 97) + ".png"));
    }
}

public sealed class LeafletQueryTests
{
    [Fact]
    public void No_parameters_give_the_first_page_of_25()
    {
        var parsed = LeafletQuery.Parse(null, null, null, null, null);

        Assert.Equal(LeafletQuery.Default with { Words = parsed.Query!.Words }, parsed.Query);
        Assert.Equal((1, 25), (parsed.Query.Page, parsed.Query.PageSize));
    }

    [Fact]
    public void Words_are_split_on_white_space_and_a_code_on_the_bar()
    {
        var query = LeafletQuery.Parse("  bone   pain ", " pain relief ", "SNOMED-CT|94222008", "2", "100").Query!;

        Assert.Equal(["bone", "pain"], query.Words.ToArray());
        Assert.Equal("pain relief", query.Topic);
        Assert.Equal(new CodeFilter("SNOMED-CT", "94222008"), query.Code);
        Assert.Equal((2, 100), (query.Page, query.PageSize));
    }

    [Fact]
    public void A_page_of_1_000_000_000_does_not_overflow()
    {
        var query = LeafletQuery.Parse(null, null, null, "1000000000", "100").Query!;

        Assert.Empty(LeafletSearch.Search([], query).Items);
    }
}
