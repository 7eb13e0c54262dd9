using Leaflets.Content.Model;
using Leaflets.Content.Readability;

namespace Leaflets.Content.Tests.Readability;

public sealed class DocumentReadabilityTests
{
    [Fact]
    public void The_figures_of_a_document_are_computed_once_and_equal_a_fresh_analysis()
    {
        var document = TestDocuments.Leaflet().Variants[LeafletVariant.Plain];

        var first = DocumentReadability.Of(document);
        var second = DocumentReadability.Of(document);

        Assert.Same(first, second);
        Assert.Equal(ReadabilityAnalyzer.Analyze(document), first);
        Assert.True(first.Words > 0);
    }

    [Fact]
    public void Each_variant_has_its_own_figures()
    {
        var leaflet = TestDocuments.Leaflet();

        Assert.NotEqual(
            DocumentReadability.Of(leaflet.Variants[LeafletVariant.Plain]),
            DocumentReadability.Of(leaflet.Variants[LeafletVariant.EasyRead]));
    }
}
