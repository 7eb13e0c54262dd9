using Leaflets.Content.Model;
using Leaflets.Content.Readability;

namespace Leaflets.Content.Tests.Loading;

/// <summary>
/// The Welsh cementoplasty leaflet (content/leaflets/cementoplasty/*.cy.md): a faithful translation of the English
/// files as they are, so it has their version, their pictures in their places and their shape, and it is easy read
/// by the same rules.
/// </summary>
public sealed class RealTranslationTests
{
    private const string Welsh = "cy";

    private static Leaflet Cementoplasty => RealContent.Get("cementoplasty");

    private static IEnumerable<(LeafletDocument English, LeafletDocument Welsh)> Pairs
        => Cementoplasty.Variants.Values.Select(english => (english, Cementoplasty.Document(english.Variant, Welsh)));

    [Fact]
    public void The_cementoplasty_leaflet_loads_without_a_problem_in_English_and_Welsh_with_both_variants_in_each()
    {
        Assert.Empty(RealContent.Load.Problems.Select(problem => problem.ToString()));
        Assert.Equal(["en-GB", Welsh], Cementoplasty.Languages);
        Assert.Equal([LeafletVariant.Plain, LeafletVariant.EasyRead], Cementoplasty.Variants.Keys);
        Assert.Equal(Cementoplasty.Variants.Keys, Cementoplasty.Translations[Welsh].Keys);
    }

    [Fact]
    public void Each_Welsh_variant_translates_the_version_of_its_English_file_shares_its_codes_and_references_and_is_unreviewed()
    {
        Assert.All(Pairs, pair =>
        {
            var (english, welsh) = (pair.English.Metadata, pair.Welsh.Metadata);
            Assert.Equal((english.Version, english.LastReviewed, english.NextReview), (welsh.Version, welsh.LastReviewed, welsh.NextReview));
            Assert.Equal((Welsh, TranslationStatus.Unreviewed), (welsh.Language, welsh.TranslationStatus));
            Assert.Equal(english.Codes, welsh.Codes);
            Assert.Equal(english.References, welsh.References);
            Assert.NotEqual(english.Title, welsh.Title);
            Assert.NotEqual(english.Summary, welsh.Summary);
        });
    }

    [Fact]
    public void Each_Welsh_variant_shows_the_same_pictures_in_the_same_places_with_its_own_words_for_them()
    {
        Assert.All(Pairs, pair =>
        {
            var english = Figures(pair.English).ToList();
            var welsh = Figures(pair.Welsh).ToList();
            Assert.Equal(english.Select(f => (f.Source, f.IsDecorative, f.Caption is null)), welsh.Select(f => (f.Source, f.IsDecorative, f.Caption is null)));
            Assert.All(english.Zip(welsh).Where(f => !f.First.IsDecorative), f => Assert.NotEqual(f.First.Alt, f.Second.Alt));
        });
    }

    [Fact]
    public void Each_Welsh_variant_has_the_headings_lists_tables_boxes_and_links_of_its_English_file()
    {
        Assert.All(Pairs, pair => Assert.Equal(Shape(pair.English.Blocks), Shape(pair.Welsh.Blocks)));
    }

    [Fact]
    public void The_Welsh_variants_meet_the_reading_rules_with_no_error_or_warning()
    {
        var problems = Cementoplasty.Translations[Welsh].Values.SelectMany(document => ReadabilityCheck.Check(document)).ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static IEnumerable<FigureBlock> Figures(LeafletDocument document)
        => Flatten(document.Blocks).SelectMany(block => block switch
        {
            FigureBlock figure => [figure],
            PictureRowBlock row => [row.Figure],
            _ => Array.Empty<FigureBlock>(),
        });

    /// <summary>Each block's kind and build, in reading order, without its words: heading levels, list items, table sizes, link targets.</summary>
    private static List<string> Shape(IEnumerable<Block> blocks)
        => [.. Flatten(blocks).Select(block => block switch
        {
            HeadingBlock heading => $"h{heading.Level} {Links(heading.Inlines)}",
            ParagraphBlock paragraph => $"p {Links(paragraph.Inlines)}",
            ListBlock list => $"{(list.Ordered ? "ol" : "ul")} of {list.Items.Length}",
            TableBlock table => $"table {table.Header.Length} by {table.Rows.Length}",
            CalloutBlock callout => $"callout of {callout.Blocks.Length}",
            FigureBlock figure => $"figure {figure.Source}",
            PictureRowBlock row => $"picture row {row.Figure.Source} of {row.Blocks.Length}",
            _ => block.GetType().Name,
        })];

    private static string Links(IEnumerable<Inline> inlines)
        => string.Join(' ', inlines.SelectMany(LinksIn));

    private static IEnumerable<string> LinksIn(Inline inline) => inline switch
    {
        LinkInline link => [link.Href],
        StrongInline strong => strong.Children.SelectMany(LinksIn),
        _ => [],
    };

    private static IEnumerable<Block> Flatten(IEnumerable<Block> blocks)
        => blocks.SelectMany(block => Flatten(block switch
        {
            ListBlock list => list.Items.SelectMany(item => item.Blocks),
            CalloutBlock callout => callout.Blocks,
            PictureRowBlock row => row.Blocks,
            _ => [],
        }).Prepend(block));
}
