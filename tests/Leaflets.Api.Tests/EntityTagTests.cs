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
