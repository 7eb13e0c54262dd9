using Leaflets.Content.Checking;
using Leaflets.Content.Checking.Epub;

namespace Leaflets.Content.Tests.Epub;

public sealed class EpubStructureCheckerTests
{
    private static readonly byte[] Good = EpubFiles.Of(TestDocuments.Leaflet(), TestDocuments.Leaflet().Plain).Bytes;

    private static byte[] Changed(string name, Func<string, string> change, bool compressMimetype = false)
        => EpubFiles.WithEntryChanged(Good, name, change, compressMimetype);

    private static IEnumerable<string> Rules(byte[] epub, string language = "en-GB")
        => EpubStructureChecker.Check(epub, language).Select(finding => finding.Rule);

    [Fact]
    public void The_rendered_epub_has_no_findings()
        => Assert.Empty(EpubStructureChecker.Check(Good, "en-GB"));

    [Fact]
    public void Every_leaflet_document_under_content_passes_the_publish_gates_epub_check()
    {
        var problems = new EpubAccessibilityCheck().Check(RealContent.Load).ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void A_compressed_mimetype_is_a_container_finding()
        => Assert.Equal([EpubStructureChecker.ContainerRule], Rules(Changed("", text => text, compressMimetype: true)));

    [Fact]
    public void A_picture_without_alternative_text_is_an_images_finding()
        => Assert.Contains(EpubStructureChecker.ImagesRule, Rules(Changed("EPUB/leaflet.xhtml", text => text.Replace(" alt=\"\"", "", StringComparison.Ordinal))));

    [Fact]
    public void A_heading_missing_from_the_table_of_contents_is_a_navigation_finding()
        => Assert.Equal([EpubStructureChecker.NavigationRule],
            Rules(Changed("EPUB/nav.xhtml", text => text.Replace("<a href=\"leaflet.xhtml#why-bones-hurt\">Why bones hurt</a>", "Why bones hurt", StringComparison.Ordinal))));

    [Fact]
    public void Missing_accessibility_metadata_is_a_metadata_finding_naming_it()
    {
        var findings = EpubStructureChecker.Check(
            Changed("EPUB/package.opf", text => text.Replace("property=\"schema:accessibilityHazard\"", "property=\"schema:other\"", StringComparison.Ordinal)), "en-GB");

        var finding = Assert.Single(findings);
        Assert.Equal((EpubStructureChecker.MetadataRule, "the package has no schema:accessibilityHazard."), (finding.Rule, finding.Message));
    }

    [Fact]
    public void A_document_in_another_language_than_its_front_matter_is_a_language_finding()
        => Assert.Contains(EpubStructureChecker.LanguageRule, Rules(Good, "cy"));

    [Fact]
    public void Broken_markup_is_an_xml_finding()
        => Assert.Contains(EpubStructureChecker.XmlRule, Rules(Changed("EPUB/leaflet.xhtml", text => text.Replace("</main>", "", StringComparison.Ordinal))));

    [Fact]
    public void A_manifest_item_the_container_lacks_is_a_manifest_finding()
        => Assert.Equal([EpubStructureChecker.ManifestRule],
            Rules(Changed("EPUB/package.opf", text => text.Replace("</manifest>", "<item id=\"x\" href=\"gone.css\" media-type=\"text/css\"/></manifest>", StringComparison.Ordinal))));
}
