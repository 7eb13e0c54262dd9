using Leaflets.Content.Rendering;
using Leaflets.Functions.Http;

namespace Leaflets.Api.Tests;

public sealed class EntityTagTests
{
    private static readonly EntityTag Tag = EntityTag.Of(RepresentationVersions.Derive("hash", "plain", "json"));

    [Theory]
    [InlineData("*", true)]
    [InlineData(" * ", true)]
    [InlineData("{0}", true)]
    [InlineData("W/{0}", true)]
    [InlineData("\"a\", {0}", true)]
    [InlineData("\"a,b\", {0}", true)]
    [InlineData("\"a\",\"b\"", false)]
    [InlineData("", false)]
    [InlineData(" ,, {0} , ", true)]
    [InlineData("\"a\",\t{0}", true)]
    public void If_none_match_uses_weak_comparison_over_a_list(string header, bool matches)
    {
        Assert.Equal(matches, Tag.MatchesIfNoneMatch(string.Format(header, Tag.Quoted)));
    }

    [Theory]
    [InlineData("{0} garbage")]
    [InlineData("{0}x")]
    [InlineData("garbage {0}")]
    [InlineData("{0} {0}")]
    [InlineData("{0}, garbage")]
    [InlineData("{0}, \"unterminated")]
    [InlineData("\"unterminated")]
    [InlineData("*, {0}")]
    [InlineData("{0}, *")]
    [InlineData("w/{0}")]
    [InlineData("W/ {0}")]
    [InlineData("{0};q=1")]
    [InlineData("\"a\"b\", {0}")]
    [InlineData("\"a\u0001\", {0}")]
    [InlineData("'a', {0}")]
    public void A_malformed_if_none_match_matches_nothing_even_when_it_contains_the_tag(string header)
    {
        Assert.False(Tag.MatchesIfNoneMatch(string.Format(header, Tag.Quoted)));
    }

    [Fact]
    public void A_malformed_field_line_spoils_the_whole_if_none_match_list()
    {
        Assert.False(Tag.MatchesIfNoneMatch(new Microsoft.Extensions.Primitives.StringValues([Tag.Quoted, "garbage"])));
        Assert.False(Tag.MatchesIfNoneMatch(new Microsoft.Extensions.Primitives.StringValues(["*", Tag.Quoted])));
    }

    [Fact]
    public void Several_if_none_match_field_lines_are_all_considered()
    {
        Assert.True(Tag.MatchesIfNoneMatch(new Microsoft.Extensions.Primitives.StringValues(["\"a\"", Tag.Quoted])));
    }

    [Fact]
    public void A_tag_changes_with_any_of_its_parts()
    {
        Assert.NotEqual(Tag, EntityTag.Of(RepresentationVersions.Derive("hash", "easy-read", "json")));
        Assert.NotEqual(Tag.Quoted, EntityTag.Of(RepresentationVersions.Derive("hash", "plain", "json2")).Quoted);
        Assert.Equal(Tag.Quoted, EntityTag.Of(RepresentationVersions.Derive("hash", "plain", "json")).Quoted);
    }
}
