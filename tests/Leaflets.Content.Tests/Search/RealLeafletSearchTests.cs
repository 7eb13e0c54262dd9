using Leaflets.Content.Search;

namespace Leaflets.Content.Tests.Search;

/// <summary>The issue's own examples, on the real leaflet as the loader reads it (synonyms from its front matter).</summary>
public sealed class RealLeafletSearchTests
{
    private static readonly Lazy<LuceneLeafletIndex> Index = new(() => LuceneLeafletIndex.Build(RealContent.Load.Leaflets.Values));

    private static SearchPage Find(string q) => Index.Value.SearchNow(LeafletQuery.Parse(q, null, null, null, null).Query!);

    [Fact]
    public void The_loader_reads_synonyms_from_the_front_matter_of_each_language()
    {
        var leaflet = RealContent.Get("cementoplasty");
        Assert.Contains("bone cement", leaflet.Plain.Metadata.Synonyms);
        Assert.Equal(["sment esgyrn"], leaflet.Document(Model.LeafletVariant.Plain, "cy").Metadata.Synonyms.AsEnumerable());
    }

    [Theory]
    [InlineData("bone cement")]
    [InlineData("bone metastases")]
    [InlineData("vertebroplasy")]
    [InlineData("kyphoplasties")]
    [InlineData("balloons")]
    [InlineData("fertebroplasti")]
    public void The_real_leaflet_is_found_by_what_people_type(string q)
        => Assert.Equal(["cementoplasty"], Find(q).Items.Select(leaflet => leaflet.Id));

    [Fact]
    public void The_real_leaflets_snippet_marks_the_word_found()
        => Assert.Contains(Find("anaesthetic").Snippets["cementoplasty"].Parts, part => part.IsMatch && part.Text == "anaesthetic");
}
