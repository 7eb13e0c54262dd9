using System.Collections.Immutable;
using Leaflets.Content.Model;

namespace Leaflets.Content.Tests;

/// <summary>
/// A rich leaflet built in code, with every block type in both variants, so renderers and checks can be
/// tested before (and independently of) the real content and the loader.
/// </summary>
public static class TestDocuments
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    public static ImmutableArray<Inline> Text(string text) => [new TextInline(text)];

    public static ParagraphBlock Paragraph(int line, string text) => new(line, Text(text));

    public static HeadingBlock Heading(int line, int level, string text, string anchor) => new(line, level, Text(text), anchor);

    public static LeafletMetadata Metadata(string title, string language = "en-GB", ImmutableArray<LeafletReference>? references = null) => new(
        title,
        "How doctors use bone cement to ease pain & support bones weakened by cancer.",
        language,
        new DateOnly(2018, 2, 15),
        new DateOnly(2021, 2, 15),
        3,
        ["secondary bone cancer", "pain relief"],
        [new ClinicalCode("SNOMED-CT", "94222008", "Secondary malignant neoplasm of bone")],
        references ?? [
            new LeafletReference("Percutaneous cementoplasty for palliative treatment of bony malignancies", "National Institute for Health and Care Excellence", 2006, "https://www.nice.org.uk/guidance/ipg179"),
            new LeafletReference("A textbook without a web address", "A publisher", 2015, null),
        ]);

    public static ImmutableArray<Block> PlainBlocks() =>
    [
        new FigureBlock(12, "images/banner.png", "", null),
        Heading(14, 2, "Why bones hurt", "why-bones-hurt"),
        new ParagraphBlock(16, [new TextInline("Cancer that spreads to a bone can cause pain. It can also make the bone "), new StrongInline(Text("weaker")), new TextInline(", so it breaks more easily.")]),
        Heading(18, 3, "What a fracture is", "what-a-fracture-is"),
        Paragraph(20, "A break caused this way is called a pathological fracture."),
        Heading(22, 2, "How it is done", "how-it-is-done"),
        new ListBlock(24, Ordered: true, [
            new ListItem([Paragraph(24, "You have a sedative or a general anaesthetic.")]),
            new ListItem([Paragraph(25, "X-ray pictures guide the needle.")]),
            new ListItem([Paragraph(26, "The doctor injects the cement.")]),
        ]),
        new FigureBlock(28, "images/spine.png", "A needle passing through the skin into a bone of the spine, with cement flowing into the bone.", "Cement is injected into the damaged bone."),
        new CalloutBlock(30, "Important", [new ParagraphBlock(30, [new TextInline("Call your care team if the pain gets worse. "), new LinkInline("https://www.nice.org.uk/guidance/ipg179", Text("NICE guidance on cementoplasty"))])]),
        new TableBlock(32, [new TableCell(Text("When")), new TableCell(Text("What to do"))], [
            [new TableCell(Text("The day before")), new TableCell(Text("Eat and drink as usual."))],
            [new TableCell(Text("On the day")), new TableCell(Text("Do not eat for 6 hours."))],
        ]),
        new ListBlock(36, Ordered: false, [
            new ListItem([Paragraph(36, "Bring your medicines.")]),
            new ListItem([Paragraph(37, "Bring a list of questions.")]),
        ]),
    ];

    public static ImmutableArray<Block> EasyReadBlocks() =>
    [
        Heading(12, 2, "Your bones", "your-bones"),
        new PictureRowBlock(14, new FigureBlock(14, "images/spine.png", "A doctor pointing at a bone of the spine.", null), [Paragraph(15, "Cancer can make your bones hurt.")]),
        Heading(17, 2, "What happens", "what-happens"),
        new PictureRowBlock(19, new FigureBlock(19, "images/banner.png", "", null), [Paragraph(20, "The doctor puts cement in your bone.")]),
    ];

    /// <summary>When the plain document's content last changed: a fix after its review, as editors make.</summary>
    public static readonly DateTimeOffset PlainModified = new(2019, 6, 3, 10, 20, 30, TimeSpan.Zero);

    public static Leaflet Leaflet(ImmutableArray<Block>? plainBlocks = null, LeafletMetadata? plainMetadata = null, bool withEasyRead = true)
    {
        var plain = new LeafletDocument("cementoplasty", LeafletVariant.Plain, plainMetadata ?? Metadata("Strengthening painful bones"), plainBlocks ?? PlainBlocks(), "abc", "content/leaflets/cementoplasty/plain.md")
        {
            DateModified = PlainModified,
        };
        var variants = ImmutableSortedDictionary.CreateBuilder<LeafletVariant, LeafletDocument>();
        variants.Add(LeafletVariant.Plain, plain);
        if (withEasyRead)
        {
            variants.Add(LeafletVariant.EasyRead, new LeafletDocument("cementoplasty", LeafletVariant.EasyRead, Metadata("Making painful bones stronger"), EasyReadBlocks(), "def", "content/leaflets/cementoplasty/easy-read.md"));
        }
        var images = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new[]
        {
            KeyValuePair.Create("banner.png", new LeafletImage("banner.png", "image/png", [], 800, 200)),
            KeyValuePair.Create("spine.png", new LeafletImage("spine.png", "image/png", [], 600, 400)),
        });
        return new Leaflet("cementoplasty", variants.ToImmutable(), images);
    }
}
