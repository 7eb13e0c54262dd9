using System.Collections.Immutable;
using Leaflets.Content.Model;

namespace Leaflets.Pdf.Tests;

/// <summary>Leaflets built in code from the model, covering every block type the renderer knows.</summary>
internal static class TestLeaflets
{
    public const string LongWord = "Supercalifragilisticexpialidociousandthensomemoreletterstomakeitlongerthananylineeverdrawn";
    public const string LinkUrl = "https://www.nice.org.uk/guidance/ipg770";

    public static ImmutableArray<Inline> T(string text) => [new TextInline(text)];

    public static Leaflet Sample(int tableRows = 4)
    {
        var images = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new[]
        {
            KeyValuePair.Create("banner.png", new LeafletImage("banner.png", "image/png", [.. TestImages.Png(60, 15, 200)], 600, 150)),
            KeyValuePair.Create("spine.png", new LeafletImage("spine.png", "image/png", [.. TestImages.Png(40, 30, 120)], 400, 300)),
            KeyValuePair.Create("nurse.png", new LeafletImage("nurse.png", "image/png", [.. TestImages.Png(30, 30, 90)], 300, 300)),
        });
        var plainBlocks = ImmutableArray.Create<Block>(
            new FigureBlock(5, "images/banner.png", "", null),
            new ParagraphBlock(6, T("This leaflet explains cementoplasty, a treatment that puts medical cement into a damaged bone to make it stronger and ease pain.")),
            new HeadingBlock(8, 2, T("What is cementoplasty?"), "what-is-cementoplasty"),
            new ParagraphBlock(10, [new TextInline("Cementoplasty is a "), new StrongInline(T("minimally invasive")), new TextInline(" procedure. Read the "), new LinkInline(LinkUrl, T("NICE guidance")), new TextInline(" for more detail about who can have it and why.")]),
            new FigureBlock(12, "images/spine.png", "A drawing of the spine with cement in one vertebra", "The cement sets hard inside the bone within an hour."),
            new HeadingBlock(14, 3, T("Why would I have it?"), "why"),
            new ListBlock(16, false, [Item("To ease pain from a weak or broken bone."), Item("To make the bone stronger so it does not collapse."), Item("To help you move about more easily.")]),
            new CalloutBlock(20, "Important", [new ParagraphBlock(21, T("Tell us if you take medicine to thin your blood, such as warfarin or apixaban, at least a week before."))]),
            new HeadingBlock(23, 2, T("What happens on the day"), "day"),
            new ListBlock(25, true, [Item("You come to the ward in the morning."), Item("A nurse checks your details and your medicines."), Item("The doctor explains the procedure and asks you to sign a form.")]),
            new TableBlock(30, [new TableCell(T("Time")), new TableCell(T("What happens"))], [.. Enumerable.Range(0, tableRows).Select(Row)]),
            new ParagraphBlock(40, T($"Some words are very long, like {LongWord}, and must still stay inside the margins.")),
            new HeadingBlock(42, 2, T("After the procedure"), "after"),
            new ParagraphBlock(44, T("You lie flat for about two hours while the cement sets. Most people go home the same day. Symbols such as → and ≥ are drawn by the fallback font.")));
        var metadata = new LeafletMetadata(
            "Cementoplasty: what to expect", "What cementoplasty is, why you might have it and what happens.", "en-GB",
            new DateOnly(2026, 3, 1), new DateOnly(2029, 3, 1), 2, ["bones"], [],
            [new LeafletReference("Percutaneous cementoplasty for palliative treatment of bony malignancies", "National Institute for Health and Care Excellence", 2006, LinkUrl)]);
        var plain = new LeafletDocument("cementoplasty", LeafletVariant.Plain, metadata, plainBlocks, "0123456789abcdef", "leaflets/cementoplasty/plain.md");

        var easyBlocks = ImmutableArray.Create<Block>(
            new PictureRowBlock(5, new FigureBlock(5, "images/nurse.png", "A nurse talking to a patient", null), [new ParagraphBlock(6, T("A nurse will talk to you first."))]),
            new HeadingBlock(8, 2, T("On the day"), "on-the-day"),
            new PictureRowBlock(10, new FigureBlock(10, "images/spine.png", "A drawing of a bone", null), [new ParagraphBlock(11, T("The doctor puts cement in your bone. This makes the bone strong."))]));
        var easy = new LeafletDocument("cementoplasty", LeafletVariant.EasyRead, metadata with { Title = "Cementoplasty: easy read", References = [] }, easyBlocks, "fedcba9876543210", "leaflets/cementoplasty/easy-read.md");

        return new Leaflet("cementoplasty", ImmutableSortedDictionary.CreateRange(new[] { KeyValuePair.Create(LeafletVariant.Plain, plain), KeyValuePair.Create(LeafletVariant.EasyRead, easy) }), images);
    }

    private static ListItem Item(string text) => new([new ParagraphBlock(0, T(text))]);

    private static ImmutableArray<TableCell> Row(int index)
        => [new TableCell(T($"{8 + (index % 10)}:{(index * 7 % 60):00}")), new TableCell(T($"Step {index + 1}: checks, questions and a short wait while the team gets ready."))];
}
