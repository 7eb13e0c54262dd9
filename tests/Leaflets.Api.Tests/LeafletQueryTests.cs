using Leaflets.Content.Search;

namespace Leaflets.Api.Tests;

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

        Assert.Empty(LeafletSearch.List([], query).Items);
    }

    [Theory]
    [InlineData("cy")]
    [InlineData("en-GB")]
    public void A_language_tag_is_kept_to_filter_on(string lang)
        => Assert.Equal(lang, LeafletQuery.Parse(null, null, null, null, null, lang).Query!.Language);

    [Theory]
    [InlineData("")]
    [InlineData("welsh!")]
    [InlineData("*")]
    public void A_lang_that_is_not_a_language_tag_is_an_error_naming_lang(string lang)
    {
        var parsed = LeafletQuery.Parse(null, null, null, null, null, lang);

        Assert.False(parsed.IsValid);
        Assert.Equal("lang", Assert.Single(parsed.Errors).Parameter);
    }
}
