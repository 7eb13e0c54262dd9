using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Json;

namespace Leaflets.Content.Rendering.JsonLd;

/// <summary>
/// Describes one variant of a leaflet as a schema.org <c>MedicalWebPage</c> in JSON-LD, so search engines and
/// health portals can tell what it is about (the clinical codes), who it is for, when it was reviewed and what it cites.
/// </summary>
public static class MedicalWebPageJsonLd
{
    public const string ContentType = "application/ld+json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <param name="pageUrl">The absolute URL of the page described, when the caller knows it.</param>
    /// <param name="languages">
    /// The same page in the leaflet's other languages, when the caller knows them: a translation names its main-language
    /// page (schema.org <c>translationOfWork</c>), the main-language page names each translation (<c>workTranslation</c>).
    /// </param>
    public static JsonObject Build(LeafletDocument document, string? pageUrl = null, PageLanguages? languages = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var metadata = document.Metadata;
        var page = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["name"] = metadata.Title,
            ["description"] = metadata.Summary,
            ["inLanguage"] = metadata.Language,
            ["lastReviewed"] = IsoDate(metadata.LastReviewed),
            // When the content last changed (an editorial fix within a review period too), as schema.org means it.
            ["dateModified"] = LeafletJson.WireTime(document.DateModified),
            ["version"] = metadata.Version.ToString(CultureInfo.InvariantCulture),
            ["audience"] = "https://schema.org/Patient",
            ["isAccessibleForFree"] = true,
            ["accessMode"] = new JsonArray("textual", "visual"),
            ["accessibilityFeature"] = new JsonArray("alternativeText", "structuralNavigation", "readingOrder", "largePrint"),
        };
        if (pageUrl is not null)
        {
            page["url"] = pageUrl;
        }
        if (languages?.TranslationOf is { } original)
        {
            page["translationOfWork"] = OtherLanguage(original);
        }
        if (languages is { Translations.Count: > 0 } main)
        {
            page["workTranslation"] = new JsonArray([.. main.Translations.Select(OtherLanguage)]);
        }
        if (!metadata.Topics.IsDefaultOrEmpty)
        {
            page["keywords"] = string.Join(", ", metadata.Topics);
        }
        if (About(metadata) is { } about)
        {
            page["about"] = about;
        }
        if (!metadata.References.IsDefaultOrEmpty)
        {
            page["citation"] = new JsonArray([.. metadata.References.Select(Citation)]);
        }
        var sections = document.Blocks.OfType<HeadingBlock>().Where(h => h.Level == 2).Select(Section).ToArray();
        if (sections.Length > 0)
        {
            page["hasPart"] = new JsonArray(sections);
        }
        return page;
    }

    public static string Serialize(LeafletDocument document, string? pageUrl = null, PageLanguages? languages = null)
        => Build(document, pageUrl, languages).ToJsonString(Indented);

    private static JsonNode OtherLanguage(LanguagePage page) => new JsonObject
    {
        ["@type"] = "MedicalWebPage",
        ["inLanguage"] = page.Language,
        ["url"] = page.Url,
    };

    private static JsonObject? About(LeafletMetadata metadata)
    {
        if (metadata.Codes.IsDefaultOrEmpty && metadata.Topics.IsDefaultOrEmpty)
        {
            return null;
        }
        var name = metadata.Codes.IsDefaultOrEmpty
            ? metadata.Topics[0]
            : metadata.Codes.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) ?? metadata.Topics.FirstOrDefault();
        var condition = new JsonObject { ["@type"] = "MedicalCondition" };
        if (name is not null)
        {
            condition["name"] = name;
        }
        if (!metadata.Codes.IsDefaultOrEmpty)
        {
            condition["code"] = new JsonArray([.. metadata.Codes.Select(Code)]);
        }
        return condition;
    }

    private static JsonNode Code(ClinicalCode code)
    {
        var node = new JsonObject
        {
            ["@type"] = "MedicalCode",
            ["codeValue"] = code.Code,
            ["codingSystem"] = code.System,
        };
        if (code.Display is { } display)
        {
            node["name"] = display;
        }
        return node;
    }

    private static JsonNode Citation(LeafletReference reference)
    {
        var node = new JsonObject
        {
            ["@type"] = "CreativeWork",
            ["name"] = reference.Title,
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = reference.Publisher },
            ["datePublished"] = reference.Year.ToString(CultureInfo.InvariantCulture),
        };
        if (reference.Url is { } url)
        {
            node["url"] = url;
        }
        return node;
    }

    private static JsonNode Section(HeadingBlock heading) => new JsonObject
    {
        ["@type"] = "WebPageElement",
        ["name"] = heading.Inlines.PlainText(),
        ["cssSelector"] = "#" + heading.Anchor,
    };

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A page of the same leaflet variant in another language: its BCP 47 tag and absolute address.</summary>
public sealed record LanguagePage(string Language, string Url);

/// <summary>
/// How a page relates to its other languages: a translation has <see cref="TranslationOf"/> (the main-language page)
/// and no <see cref="Translations"/>; the main-language page has the translations and no <see cref="TranslationOf"/>.
/// </summary>
public sealed record PageLanguages(LanguagePage? TranslationOf, IReadOnlyList<LanguagePage> Translations);
