using Leaflets.Content.Loading;
using Leaflets.Content.Model;

namespace Leaflets.Content.Tests.Loading;

public class HappyPathTests
{
    [Fact]
    public void A_small_leaflet_loads_into_the_exact_model()
    {
        var result = ContentFixture.WithPlain("""

            ## What it is

            Cement makes a **weak bone** stronger
            and eases pain. See [NICE guidance on cementoplasty](https://www.nice.org.uk/guidance/ipg179).

            ![A needle going into a bone](images/needle.png "The needle")

            - First step
            - Second step
              1. Nested detail

            > **Important:** Call your team
            > if you get a fever.
            >
            > Keep this leaflet.

            | When | What |
            |------|------|
            | Day 1 | Rest |

            ### What it is
            """).Add("leaflets/bones/images/needle.png", ContentFixture.Png(640, 480)).Load();

        Assert.Empty(result.Problems);
        var leaflet = result.Leaflets["bones"];
        var document = leaflet.Plain;
        Assert.Equal("content/leaflets/bones/plain.md", document.SourcePath);
        Assert.Equal(new LeafletMetadata("Strengthening painful bones", "How cement can support a weak bone.", "en-GB",
            new DateOnly(2024, 3, 1), new DateOnly(2027, 3, 1), 2, [], [],
            [new LeafletReference("Cement for bones", "Example Publisher", 2020, null)]), document.Metadata, new MetadataComparer());

        var blocks = document.Blocks;
        Assert.Equal(7, blocks.Length);
        var heading = Assert.IsType<HeadingBlock>(blocks[0]);
        Assert.Equal((13, 2, "What it is", "what-it-is"), (heading.Line, heading.Level, heading.Inlines.PlainText(), heading.Anchor));

        var paragraph = Assert.IsType<ParagraphBlock>(blocks[1]);
        Assert.Equal(15, paragraph.Line);
        Assert.Equal(5, paragraph.Inlines.Length);
        Assert.Equal(new TextInline("Cement makes a "), paragraph.Inlines[0]);
        Assert.Equal("weak bone", Assert.IsType<StrongInline>(paragraph.Inlines[1]).Children.PlainText());
        Assert.Equal(new TextInline(" stronger and eases pain. See "), paragraph.Inlines[2]);
        var link = Assert.IsType<LinkInline>(paragraph.Inlines[3]);
        Assert.Equal(("https://www.nice.org.uk/guidance/ipg179", "NICE guidance on cementoplasty"), (link.Href, link.Children.PlainText()));
        Assert.Equal(new TextInline("."), paragraph.Inlines[4]);

        var figure = Assert.IsType<FigureBlock>(blocks[2]);
        Assert.Equal(new FigureBlock(18, "images/needle.png", "A needle going into a bone", "The needle"), figure);
        Assert.False(figure.IsDecorative);

        var list = Assert.IsType<ListBlock>(blocks[3]);
        Assert.Equal((20, false, 2), (list.Line, list.Ordered, list.Items.Length));
        Assert.Equal("First step", Assert.IsType<ParagraphBlock>(Assert.Single(list.Items[0].Blocks)).Inlines.PlainText());
        var nested = Assert.IsType<ListBlock>(list.Items[1].Blocks[1]);
        Assert.True(nested.Ordered);

        var callout = Assert.IsType<CalloutBlock>(blocks[4]);
        Assert.Equal((24, "Important", 2), (callout.Line, callout.Label, callout.Blocks.Length));
        Assert.Equal("Call your team if you get a fever.", Assert.IsType<ParagraphBlock>(callout.Blocks[0]).Inlines.PlainText());
        Assert.Equal("Keep this leaflet.", Assert.IsType<ParagraphBlock>(callout.Blocks[1]).Inlines.PlainText());

        var table = Assert.IsType<TableBlock>(blocks[5]);
        Assert.Equal(new[] { "When", "What" }, table.Header.Select(c => c.Inlines.PlainText()).ToArray());
        Assert.Equal(new[] { "Day 1", "Rest" }, Assert.Single(table.Rows).Select(c => c.Inlines.PlainText()).ToArray());

        var repeated = Assert.IsType<HeadingBlock>(blocks[6]);
        Assert.Equal((3, "what-it-is-2"), (repeated.Level, repeated.Anchor));

        var image = leaflet.Images["needle.png"];
        Assert.Equal(("image/png", 640, 480), (image.ContentType, image.PixelWidth, image.PixelHeight));
        Assert.Matches("^[0-9a-f]{64}$", document.ContentHash);
    }

    [Fact]
    public void A_heading_named_like_the_pages_own_footer_headings_gets_an_anchor_of_its_own()
    {
        var result = ContentFixture.WithPlain("## About this leaflet\n\nWords.\n\n## References\n\nMore words.\n").Load();

        var anchors = result.Leaflets["bones"].Plain.Blocks.OfType<HeadingBlock>().Select(heading => heading.Anchor);

        Assert.Equal(["about-this-leaflet-2", "references-2"], anchors);
    }

    [Fact]
    public void In_easy_read_a_figure_then_words_then_a_list_form_one_picture_row()
    {
        var result = ContentFixture.WithPlain("Words.\n")
            .Add("leaflets/bones/easy-read.md", ContentFixture.EasyReadFrontMatter + """

                ![A doctor](images/doctor.jpg)

                The doctor talks to you.
                - about pain
                - about cement

                ![](images/doctor.jpg)

                ## Next
                """)
            .Add("leaflets/bones/images/doctor.jpg", ContentFixture.Jpeg(300, 200))
            .Load();

        Assert.Empty(result.Problems);
        var easy = result.Leaflets["bones"].Variants[LeafletVariant.EasyRead];
        Assert.Equal(3, easy.Blocks.Length);
        var row = Assert.IsType<PictureRowBlock>(easy.Blocks[0]);
        Assert.Equal((8, "A doctor"), (row.Line, row.Figure.Alt));
        Assert.Collection(row.Blocks, b => Assert.IsType<ParagraphBlock>(b), b => Assert.IsType<ListBlock>(b));
        Assert.True(Assert.IsType<FigureBlock>(easy.Blocks[1]).IsDecorative);
        var image = result.Leaflets["bones"].Images["doctor.jpg"];
        Assert.Equal(("image/jpeg", 300, 200), (image.ContentType, image.PixelWidth, image.PixelHeight));
    }

    [Fact]
    public void Next_review_given_in_the_front_matter_is_kept()
    {
        var result = new ContentFixture().Add("leaflets/bones/plain.md",
            ContentFixture.PlainFrontMatter.Replace("version: 2", "version: 2\nnextReview: 2025-01-31\ntopics: [pain, bones]\ncodes:\n  - system: SNOMED-CT\n    code: \"94222008\"") + "\nText.\n").Load();

        Assert.Empty(result.Problems);
        var metadata = result.Leaflets["bones"].Plain.Metadata;
        Assert.Equal(new DateOnly(2025, 1, 31), metadata.NextReview);
        Assert.Equal(new[] { "pain", "bones" }, metadata.Topics.ToArray());
        Assert.Equal(new ClinicalCode("SNOMED-CT", "94222008", null), Assert.Single(metadata.Codes));
    }

    [Fact]
    public void A_problem_inside_a_wrapped_paragraph_names_the_line_it_is_on()
    {
        var result = ContentFixture.WithPlain("First line of words\nand then `code` on the second.\n").Load();

        Assert.Equal((ContentRules.CodeInline, 13), (Assert.Single(result.Problems).Rule, result.Problems[0].Line));
    }

    [Fact]
    public void A_callout_label_loses_its_colon_wherever_it_sits()
    {
        var result = ContentFixture.WithPlain("> **Warning**: Do not lift heavy things.\n").Load();

        var callout = Assert.IsType<CalloutBlock>(Assert.Single(result.Leaflets["bones"].Plain.Blocks));
        Assert.Equal("Warning", callout.Label);
        Assert.Equal("Do not lift heavy things.", Assert.IsType<ParagraphBlock>(Assert.Single(callout.Blocks)).Inlines.PlainText());
    }

    [Fact]
    public void Italics_load_as_strong_emphasis_with_a_warning()
    {
        var result = ContentFixture.WithPlain("Some *soft* words.\n").Load();

        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(result.Leaflets["bones"].Plain.Blocks));
        Assert.Equal("soft", Assert.IsType<StrongInline>(paragraph.Inlines[1]).Children.PlainText());
        Assert.Equal(ProblemSeverity.Warning, Assert.Single(result.Problems).Severity);
    }

    private sealed class MetadataComparer : IEqualityComparer<LeafletMetadata>
    {
        public bool Equals(LeafletMetadata? x, LeafletMetadata? y) =>
            x is not null && y is not null
            && x with { Topics = [], Codes = [], References = [] } == y with { Topics = [], Codes = [], References = [] }
            && x.Topics.SequenceEqual(y.Topics) && x.Codes.SequenceEqual(y.Codes) && x.References.SequenceEqual(y.References);

        public int GetHashCode(LeafletMetadata obj) => obj.Title.GetHashCode(StringComparison.Ordinal);
    }
}
