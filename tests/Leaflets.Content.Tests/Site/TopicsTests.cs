using Leaflets.Content.Search;

namespace Leaflets.Content.Tests.Site;

public sealed class TopicsTests
{
    [Theory]
    [InlineData("secondary bone cancer", "secondary-bone-cancer")]
    [InlineData("  Pain relief! ", "pain-relief")]
    [InlineData("X-ray / CT", "x-ray-ct")]
    [InlineData("Gofal ôl-lawdriniaeth", "gofal-ôl-lawdriniaeth")]
    [InlineData("???", "")]
    public void A_topics_slug_is_its_letters_and_digits_in_lowercase_joined_by_single_hyphens(string topic, string slug)
        => Assert.Equal(slug, Topics.Slug(topic));

    [Fact]
    public void Spellings_with_the_same_slug_are_one_topic_named_by_its_most_used_spelling()
    {
        var leaflets = new[]
        {
            SitePageSamples.Titled("a", "A", ["pain relief"]),
            SitePageSamples.Titled("b", "B", ["Pain-relief"]),
            SitePageSamples.Titled("c", "C", ["pain relief", "???"]),
        };
        var topic = Assert.Single(Topics.Of(leaflets));
        Assert.Equal(("pain-relief", "pain relief"), (topic.Slug, topic.Name));
        Assert.Equal(["a", "b", "c"], topic.Leaflets.Select(l => l.Id));
    }

    [Fact]
    public void A_leaflet_tagged_in_both_variants_counts_once()
    {
        var topic = Assert.Single(Topics.Of([TestDocuments.Leaflet()]), t => t.Slug == "pain-relief");
        Assert.Single(topic.Leaflets);
    }
}
