using System.Collections.Immutable;
using Leaflets.Content.Model;

namespace Leaflets.Content.Tests.Search;

/// <summary>
/// A fixed small library for search tests, built in code: test words chosen so that each leaflet is found by one
/// kind of match (title, body, synonym, code name, a typing error, Welsh). The codes are test codes, not clinical ones.
/// </summary>
internal static class SearchLeaflets
{
    public static ImmutableArray<Leaflet> Library { get; } =
    [
        Make("bone-scan", "Having a bone scan", "A scan shows how your bones are working.",
            ["The camera takes pictures while you lie still."], topics: ["scans"], codes: [new("TEST", "1", "Radionuclide imaging of bone")],
            reviewed: new DateOnly(2024, 1, 10)),
        Make("blood-test", "Giving a blood sample", "What happens when a nurse takes some blood.",
            ["The nurse may scan your wristband before the test."], topics: ["blood tests", "Pain relief"], codes: [new("TEST", "2", null)],
            reviewed: new DateOnly(2025, 6, 1)),
        Make("cementoplasty", "Strengthening painful bones", "How a special cement can ease pain in a weak bone.",
            ["In vertebroplasty, a doctor puts cement into a bone of the spine.", "Call your care team if the pain gets worse."],
            topics: ["pain relief", "secondary bone cancer"], synonyms: ["bone cement", "spine injection"],
            codes: [new("TEST", "3", "Secondary malignant neoplasm of bone")], reviewed: new DateOnly(2018, 2, 15),
            welsh: ("Cryfhau esgyrn poenus", "Mae sment arbennig yn gallu lleddfu poen yn yr esgyrn.")),
        Make("knee-scar", "Looking after a scar", "How to care for the scar after an operation on your knee.",
            ["Keep the scar clean and dry."], topics: ["wounds"], reviewed: new DateOnly(2023, 3, 3)),
        Make("pain-diary", "Keeping a pain diary", "Writing down your pain helps your care team.",
            ["Write down each injection you have and how your pain felt after it."], topics: ["pain relief"], reviewed: new DateOnly(2025, 6, 1)),
    ];

    /// <summary>A plain-only leaflet with its own id, words and review date; a Welsh plain translation when given one.</summary>
    public static Leaflet Make(
        string id, string title, string summary, IEnumerable<string> paragraphs,
        ImmutableArray<string>? topics = null, ImmutableArray<string>? synonyms = null, ImmutableArray<ClinicalCode>? codes = null,
        DateOnly? reviewed = null, (string Title, string Body)? welsh = null)
    {
        var lastReviewed = reviewed ?? new DateOnly(2024, 1, 1);
        var metadata = TestDocuments.Metadata(title) with
        {
            Summary = summary,
            Topics = topics ?? [],
            Codes = codes ?? [],
            LastReviewed = lastReviewed,
            NextReview = lastReviewed.AddYears(3),
            Synonyms = synonyms ?? [],
        };
        var blocks = paragraphs.Select((text, i) => (Block)TestDocuments.Paragraph(12 + (2 * i), text)).ToImmutableArray();
        var leaflet = TestDocuments.Leaflet(plainBlocks: blocks, plainMetadata: metadata, withEasyRead: false);
        var plain = leaflet.Plain with { LeafletId = id, SourcePath = $"content/leaflets/{id}/plain.md" };
        leaflet = leaflet with { Id = id, Variants = leaflet.Variants.SetItem(LeafletVariant.Plain, plain) };
        if (welsh is not { } cy)
        {
            return leaflet;
        }
        var translated = plain with
        {
            Metadata = metadata with { Title = cy.Title, Summary = cy.Title + ".", Language = "cy", Synonyms = [], Topics = [] },
            Blocks = [TestDocuments.Paragraph(12, cy.Body)],
            SourcePath = $"content/leaflets/{id}/plain.cy.md",
        };
        return leaflet with
        {
            Translations = leaflet.Translations.SetItem("cy", ImmutableSortedDictionary.CreateRange([KeyValuePair.Create(LeafletVariant.Plain, translated)])),
        };
    }
}
