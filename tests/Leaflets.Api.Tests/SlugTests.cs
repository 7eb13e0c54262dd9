using Leaflets.Content.Search;

namespace Leaflets.Api.Tests;

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
