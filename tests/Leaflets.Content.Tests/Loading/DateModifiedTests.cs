using System.Collections.Immutable;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;

namespace Leaflets.Content.Tests.Loading;

/// <summary>When a document's content last changed: the newest time among exactly the files its content hash covers.</summary>
public sealed class DateModifiedTests
{
    private static readonly DateTimeOffset Older = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Middle = new(2026, 5, 20, 14, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Newer = new(2026, 9, 12, 7, 45, 10, TimeSpan.Zero);

    private const string PlainText = ContentFixture.PlainFrontMatter + "\nWords.\n\n![A needle](images/needle.png)\n";

    private const string EasyReadText = ContentFixture.EasyReadFrontMatter + """

        ![A doctor](images/doctor.png)

        The doctor talks to you.
        """;

    [Fact]
    public void A_variant_is_dated_by_the_newest_of_its_source_and_the_images_it_uses_and_not_by_the_other_variants_images()
    {
        var loaded = new ContentFixture()
            .Add("leaflets/bones/plain.md", PlainText, Older)
            .Add("leaflets/bones/images/needle.png", ContentFixture.Png(64, 48), Middle)
            .Add("leaflets/bones/easy-read.md", EasyReadText, Older)
            .Add("leaflets/bones/images/doctor.png", ContentFixture.Png(64, 48, 9), Newer)
            .Load();

        Assert.Empty(loaded.Problems);
        var bones = loaded.Leaflets["bones"];
        Assert.Equal(Middle, bones.Plain.DateModified);
        Assert.Equal(Newer, bones.Document(LeafletVariant.EasyRead).DateModified);
        Assert.Equal(Newer, bones.DateModified);
    }

    [Fact]
    public void A_translation_is_dated_no_earlier_than_the_main_document_whose_codes_and_references_it_shows()
    {
        var loaded = new ContentFixture()
            .Add("leaflets/bones/plain.md", PlainText, Newer)
            .Add("leaflets/bones/images/needle.png", ContentFixture.Png(64, 48), Older)
            .Add("leaflets/bones/plain.cy.md", RuleTests.Welsh(), Older)
            .Load();

        Assert.Empty(loaded.Problems);
        Assert.Equal(Newer, loaded.Leaflets["bones"].Document(LeafletVariant.Plain, "cy").DateModified);
    }

    [Fact]
    public void A_file_time_is_kept_to_the_second_in_utc()
    {
        var file = new ContentFile("leaflets/bones/plain.md", ImmutableArray<byte>.Empty)
        {
            LastModified = new DateTimeOffset(2026, 5, 20, 16, 30, 0, 999, TimeSpan.FromHours(2)).AddTicks(9_999),
        };

        Assert.Equal(new DateTimeOffset(2026, 5, 20, 14, 30, 0, TimeSpan.Zero), file.LastModified);
        Assert.Equal(TimeSpan.Zero, file.LastModified.Offset);
    }
}
