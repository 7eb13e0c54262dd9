using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Audio;
using Leaflets.Content.Text;

namespace Leaflets.Content.Tests.Audio;

/// <summary>
/// Every spoken script, each chapter and the whole document, validates against the W3C SSML 1.1 schema (Core Profile:
/// Ssml11Schema/README.md says where the files came from), read by .NET's own validating reader.
/// </summary>
public sealed class SsmlSchemaTests
{
    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "Leaflets.Content.Tests", "Audio", "Ssml11Schema");
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(SpeechScriptBuilder.Namespace, Path.Combine(folder, "synthesis-core.xsd"));
        schemas.Compile();
        return schemas;
    });

    /// <summary>The schema's errors and warnings about <paramref name="ssml"/>; none means valid.</summary>
    public static List<string> Problems(string ssml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schema.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(ssml), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    public static TheoryData<string, string> RealDocuments()
    {
        var data = new TheoryData<string, string>();
        foreach (var leaflet in RealContent.Load.Leaflets.Values)
        {
            foreach (var document in leaflet.AllDocuments)
            {
                data.Add(leaflet.Id, document.Variant.Slug() + ":" + document.Metadata.Language);
            }
        }
        return data;
    }

    private static LeafletDocument RealDocument(string id, string variantAndLanguage)
    {
        var (variant, language) = (variantAndLanguage.Split(':')[0], variantAndLanguage.Split(':')[1]);
        Assert.True(LeafletVariants.TryParse(variant, out var parsed));
        return RealContent.Get(id).Document(parsed, language);
    }

    [Theory]
    [MemberData(nameof(RealDocuments))]
    public void Every_chapter_and_the_whole_script_of_every_real_document_is_valid_ssml_1_1(string id, string variantAndLanguage)
    {
        var script = SpeechScriptBuilder.Build(RealDocument(id, variantAndLanguage), StringsLibrary.Embedded);

        Assert.True(script.Chapters.Length >= 3, $"{script.Chapters.Length} chapters");
        foreach (var chapter in script.Chapters)
        {
            Assert.Empty(Problems(chapter.Ssml));
        }
        Assert.Empty(Problems(SpeechScriptBuilder.WholeDocument(script)));
    }

    [Fact]
    public void The_rich_test_leaflet_in_both_variants_is_valid_ssml_1_1()
    {
        foreach (var document in TestDocuments.Leaflet().AllDocuments)
        {
            var script = SpeechScriptBuilder.Build(document, StringsLibrary.Embedded);
            Assert.All(script.Chapters, chapter => Assert.Empty(Problems(chapter.Ssml)));
            Assert.Empty(Problems(SpeechScriptBuilder.WholeDocument(script)));
        }
    }

    [Theory]
    [InlineData("p", "paragraph")]
    [InlineData("break", "pause")]
    [InlineData("mark", "mark")]
    public void A_damaged_script_fails_the_schema(string element, string damage)
    {
        var speak = XElement.Parse(SpeechScriptBuilder.WholeDocument(SpeechScriptBuilder.Build(TestDocuments.Leaflet().Plain, StringsLibrary.Embedded)));
        XNamespace ssml = SpeechScriptBuilder.Namespace;
        var target = speak.Descendants(ssml + element).First();
        switch (damage)
        {
            case "paragraph":
                // SSML has no paragraph inside a paragraph.
                target.Add(new XElement(ssml + "p", "nested"));
                break;
            case "pause":
                target.SetAttributeValue("time", "a while");
                break;
            case "mark":
                target.Attribute("name")!.Remove();
                break;
        }

        Assert.NotEmpty(Problems(speak.ToString()));
    }

    [Fact]
    public void A_speak_without_its_language_fails_the_schema()
    {
        var chapter = SpeechScriptBuilder.Build(TestDocuments.Leaflet().Plain, StringsLibrary.Embedded).Chapters[0].Ssml;

        Assert.Empty(Problems(chapter));
        Assert.NotEmpty(Problems(chapter.Replace(" xml:lang=\"en-GB\"", "", StringComparison.Ordinal)));
    }
}
