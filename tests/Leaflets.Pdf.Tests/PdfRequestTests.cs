using System.Collections.Immutable;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Text;

namespace Leaflets.Pdf.Tests;

/// <summary>
/// <see cref="PdfRequest"/> is the one source of a PDF's names: the ETag's version, the memory cache key and the shared
/// store's blob name. Each must change with every input that shapes the bytes, and with nothing else.
/// </summary>
public sealed class PdfRequestTests
{
    private static readonly Leaflet Leaflet = TestLeaflets.Sample();
    private static readonly LeafletDocument Plain = Leaflet.Plain;
    private static readonly SiteOptions Site = new() { PublicBaseUrl = "https://leaflets.example.org" };

    /// <summary>A day on which the sample is current, well before its review is due.</summary>
    private static readonly DateOnly CurrentDay = Plain.Metadata.NextReview.AddDays(-(ReviewStatuses.DueSoonDays + 30));

    private static PdfRequest Print(Leaflet? leaflet = null, LeafletVariant variant = LeafletVariant.Plain, PrintChoice? choice = null, SiteOptions? site = null, DateOnly? today = null)
    {
        leaflet ??= Leaflet;
        return PdfRequest.Print(leaflet, leaflet.Document(variant), choice ?? new PrintChoice(), site ?? Site, today ?? CurrentDay, StringsLibrary.Embedded);
    }

    private static readonly PdfRequest Baseline = Print();

    /// <summary>
    /// The sample with a Welsh plain translation. Only its language and content hash differ from the English: the loader
    /// hashes each file's own bytes, so a translation always has a hash of its own.
    /// </summary>
    private static readonly Leaflet Translated = Leaflet with
    {
        Translations = Leaflet.Translations.Add("cy", ImmutableSortedDictionary.Create<LeafletVariant, LeafletDocument>().Add(
            LeafletVariant.Plain, Plain with { ContentHash = "welsh", Metadata = Plain.Metadata with { Language = "cy" } })),
    };

    private static PdfRequest PrintWelsh(PrintChoice? choice = null) =>
        PdfRequest.Print(Translated, Translated.Document(LeafletVariant.Plain, "cy"), choice ?? new PrintChoice(), Site, CurrentDay, StringsLibrary.Embedded);

    public static TheoryData<string> InputsThatShapeTheBytes => [.. Changed.Keys];

    private static readonly Dictionary<string, PdfRequest> Changed = new()
    {
        ["content"] = Print(Leaflet with { Variants = Leaflet.Variants.SetItem(LeafletVariant.Plain, Plain with { ContentHash = "edited" }) }),
        ["variant"] = Print(variant: LeafletVariant.EasyRead),
        ["size"] = Print(choice: new PrintChoice(BodySize: 24)),
        ["paper"] = Print(choice: new PrintChoice(Paper: PaperSize.A5)),
        ["review status"] = Print(today: Plain.Metadata.NextReview.AddDays(1)),
        ["base URL"] = Print(site: new SiteOptions { PublicBaseUrl = "https://other.example.org" }),
        ["no base URL"] = Print(site: new SiteOptions()),
        ["language"] = PrintWelsh(),
        ["renderer build"] = new PdfRequest(Leaflet.Id, Plain, Leaflet.Images, Baseline.Options, rendererBuild: "another-build"),
    };

    [Theory]
    [MemberData(nameof(InputsThatShapeTheBytes))]
    public void Changing_an_input_that_shapes_the_bytes_changes_the_etag_and_both_cache_keys(string input)
    {
        var changed = Changed[input];

        Assert.NotEqual(Baseline.Version, changed.Version);
        Assert.NotEqual(Baseline.CacheKey, changed.CacheKey);
        Assert.NotEqual(Baseline.StorageKey.StorageName, changed.StorageKey.StorageName);
    }

    [Fact]
    public void No_two_inputs_share_a_version_or_a_key()
    {
        var requests = Changed.Values.Append(Baseline).ToList();

        Assert.Equal(requests.Count, requests.Select(r => r.Version).Distinct().Count());
        Assert.Equal(requests.Count, requests.Select(r => r.CacheKey).Distinct().Count());
        Assert.Equal(requests.Count, requests.Select(r => r.StorageKey.StorageName).Distinct().Count());
    }

    [Fact]
    public void Another_day_with_the_same_review_status_changes_nothing()
    {
        var nextDay = Print(today: CurrentDay.AddDays(1));

        AssertSameNames(Baseline, nextDay);
    }

    [Fact]
    public void An_edit_to_the_other_variant_changes_nothing()
    {
        var easyReadEdited = Leaflet with
        {
            Variants = Leaflet.Variants.SetItem(LeafletVariant.EasyRead, Leaflet.Document(LeafletVariant.EasyRead) with { ContentHash = "edited" }),
        };

        AssertSameNames(Baseline, Print(easyReadEdited));
    }

    [Fact]
    public void A_freshly_loaded_copy_of_the_same_leaflet_changes_nothing() => AssertSameNames(Baseline, Print(TestLeaflets.Sample()));

    [Fact]
    public void A_trailing_slash_on_the_site_address_changes_nothing()
        => AssertSameNames(Baseline, Print(site: new SiteOptions { PublicBaseUrl = Site.PublicBaseUrl + "/" }));

    [Fact]
    public void The_renderer_build_names_the_bytes_but_does_not_seed_them()
    {
        var rebuilt = Changed["renderer build"];

        Assert.Equal(Baseline.DocumentIdSeed, rebuilt.DocumentIdSeed);
        var renderer = new LeafletPdfRenderer();
        Assert.Equal(renderer.Render(Baseline), renderer.Render(rebuilt));
    }

    [Fact]
    public void The_renderer_build_is_computed_once_per_process_as_a_hash()
    {
        Assert.Matches("^[0-9a-f]{32}$", RendererBuild.Current);
        Assert.Equal(RendererBuild.Current, Baseline.RendererBuild);
    }

    [Fact]
    public void Options_outside_those_offered_are_refused_when_the_request_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => new PdfRequest(Leaflet.Id, Plain, Leaflet.Images, new PdfRenderOptions(BodySize: 12)));

        Assert.Contains("12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_name_says_what_the_pdf_holds()
        => Assert.Equal($"{Leaflet.Id}-easy-read-24pt-a5-v{Plain.Metadata.Version}.pdf", Print(variant: LeafletVariant.EasyRead, choice: new PrintChoice(24, PaperSize.A5)).FileName);

    [Fact]
    public void A_translation_s_file_name_names_its_language_and_the_main_language_s_is_as_before()
    {
        Assert.Equal($"{Leaflet.Id}-plain-cy-24pt-a5-v{Plain.Metadata.Version}.pdf", PrintWelsh(new PrintChoice(24, PaperSize.A5)).FileName);
        Assert.Equal(
            $"{Leaflet.Id}-plain-24pt-a5-v{Plain.Metadata.Version}.pdf",
            PdfRequest.Print(Translated, Translated.Plain, new PrintChoice(24, PaperSize.A5), Site, CurrentDay, StringsLibrary.Embedded).FileName);
    }

    private static void AssertSameNames(PdfRequest expected, PdfRequest actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.CacheKey, actual.CacheKey);
        Assert.Equal(expected.StorageKey.StorageName, actual.StorageKey.StorageName);
        Assert.Equal(expected.DocumentIdSeed, actual.DocumentIdSeed);
    }
}
