using System.Text.Json;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.JsonLd;

namespace Leaflets.Content.Tests.JsonLd;

public class MedicalWebPageJsonLdTests
{
    private static JsonElement Build(LeafletDocument? document = null, string? url = null)
        => JsonDocument.Parse(MedicalWebPageJsonLd.Serialize(document ?? TestDocuments.Leaflet().Plain, url)).RootElement;

    [Fact]
    public void The_page_is_a_schema_org_MedicalWebPage_with_name_description_language_and_dates_dateModified_being_when_the_content_changed()
    {
        var page = Build();
        Assert.Equal("https://schema.org", page.GetProperty("@context").GetString());
        Assert.Equal("MedicalWebPage", page.GetProperty("@type").GetString());
        Assert.Equal("Strengthening painful bones", page.GetProperty("name").GetString());
        Assert.StartsWith("How doctors use bone cement", page.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("en-GB", page.GetProperty("inLanguage").GetString());
        Assert.Equal("2018-02-15", page.GetProperty("lastReviewed").GetString());
        Assert.Equal("2019-06-03T10:20:30Z", page.GetProperty("dateModified").GetString());
        Assert.Equal("https://schema.org/Patient", page.GetProperty("audience").GetString());
        Assert.False(page.TryGetProperty("url", out _));
    }

    [Fact]
    public void A_page_without_languages_given_names_no_translation()
    {
        var page = Build(url: "https://leaflets.example/a");

        Assert.False(page.TryGetProperty("workTranslation", out _));
        Assert.False(page.TryGetProperty("translationOfWork", out _));
    }

    [Fact]
    public void A_translation_names_the_work_it_translates_and_a_main_page_its_translations()
    {
        var document = TestDocuments.Leaflet().Plain;
        var main = new LanguagePage("en-GB", "https://leaflets.example/a");
        var welsh = new LanguagePage("cy", "https://leaflets.example/a?lang=cy");

        var translation = JsonDocument.Parse(MedicalWebPageJsonLd.Serialize(document, welsh.Url, new PageLanguages(main, []))).RootElement;
        var original = JsonDocument.Parse(MedicalWebPageJsonLd.Serialize(document, main.Url, new PageLanguages(null, [welsh]))).RootElement;

        var of = translation.GetProperty("translationOfWork");
        Assert.Equal(("MedicalWebPage", "en-GB", main.Url), (of.GetProperty("@type").GetString(), of.GetProperty("inLanguage").GetString(), of.GetProperty("url").GetString()));
        Assert.False(translation.TryGetProperty("workTranslation", out _));
        var listed = Assert.Single(original.GetProperty("workTranslation").EnumerateArray());
        Assert.Equal(("cy", welsh.Url), (listed.GetProperty("inLanguage").GetString(), listed.GetProperty("url").GetString()));
        Assert.False(original.TryGetProperty("translationOfWork", out _));
    }

    [Fact]
    public void About_is_the_medical_condition_with_every_code()
    {
        var about = Build().GetProperty("about");
        Assert.Equal("MedicalCondition", about.GetProperty("@type").GetString());
        Assert.Equal("Secondary malignant neoplasm of bone", about.GetProperty("name").GetString());
        var code = Assert.Single(about.GetProperty("code").EnumerateArray());
        Assert.Equal("MedicalCode", code.GetProperty("@type").GetString());
        Assert.Equal("94222008", code.GetProperty("codeValue").GetString());
        Assert.Equal("SNOMED-CT", code.GetProperty("codingSystem").GetString());
    }

    [Fact]
    public void Citations_come_from_the_references()
    {
        var citations = Build().GetProperty("citation").EnumerateArray().ToList();
        Assert.Equal(2, citations.Count);
        Assert.Equal("CreativeWork", citations[0].GetProperty("@type").GetString());
        Assert.Equal("National Institute for Health and Care Excellence", citations[0].GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("2006", citations[0].GetProperty("datePublished").GetString());
        Assert.Equal("https://www.nice.org.uk/guidance/ipg179", citations[0].GetProperty("url").GetString());
        Assert.False(citations[1].TryGetProperty("url", out _));
    }

    [Fact]
    public void Each_level_two_section_is_a_part_of_the_page()
    {
        var parts = Build().GetProperty("hasPart").EnumerateArray().ToList();
        Assert.Equal(["Why bones hurt", "How it is done"], parts.Select(p => p.GetProperty("name").GetString()));
        Assert.All(parts, p => Assert.Equal("WebPageElement", p.GetProperty("@type").GetString()));
        Assert.Equal("#why-bones-hurt", parts[0].GetProperty("cssSelector").GetString());
    }

    [Fact]
    public void The_page_url_is_included_when_known_and_text_is_escaped_as_json()
    {
        var metadata = TestDocuments.Metadata("Bones \"</script>\" & more");
        var document = TestDocuments.Leaflet(plainMetadata: metadata).Plain;
        var json = MedicalWebPageJsonLd.Serialize(document, "https://leaflets.example/api/leaflets/cementoplasty");
        Assert.DoesNotContain("</script>", json, StringComparison.Ordinal);
        var page = JsonDocument.Parse(json).RootElement;
        Assert.Equal("Bones \"</script>\" & more", page.GetProperty("name").GetString());
        Assert.Equal("https://leaflets.example/api/leaflets/cementoplasty", page.GetProperty("url").GetString());
    }

    [Fact]
    public void A_leaflet_without_codes_topics_or_references_leaves_those_properties_out()
    {
        var metadata = TestDocuments.Metadata("Plain title", references: []) with { Codes = [], Topics = [] };
        var page = Build(TestDocuments.Leaflet(plainMetadata: metadata).Plain);
        Assert.False(page.TryGetProperty("about", out _));
        Assert.False(page.TryGetProperty("citation", out _));
        Assert.False(page.TryGetProperty("keywords", out _));
    }

    [Fact]
    public void The_easy_read_variant_describes_itself_in_its_own_words()
        => Assert.Equal("Making painful bones stronger", Build(TestDocuments.Leaflet().Variants[LeafletVariant.EasyRead]).GetProperty("name").GetString());
}
