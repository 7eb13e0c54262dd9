using System.Collections.Immutable;
using System.Xml.Linq;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Audio;
using Leaflets.Content.Text;
using static Leaflets.Content.Tests.TestDocuments;

namespace Leaflets.Content.Tests.Audio;

/// <summary>What the spoken script says and where it pauses, for the rich test leaflet and the real one.</summary>
public sealed class SpeechScriptBuilderTests
{
    private static readonly XNamespace Ssml = SpeechScriptBuilder.Namespace;

    private static SpeechScript Script(LeafletDocument document) => SpeechScriptBuilder.Build(document, StringsLibrary.Embedded);

    private static SpeechScript Plain => Script(Leaflet().Plain);

    private static XElement Chapter(SpeechScript script, string title) => XElement.Parse(script.Chapters.Single(chapter => chapter.Title == title).Ssml);

    /// <summary>What a listener hears of an element, markup left out and whitespace collapsed.</summary>
    private static string Heard(XElement element) => string.Join(' ', element.DescendantNodes().OfType<XText>().Select(text => text.Value.Trim()).Where(text => text.Length > 0));

    private static LeafletDocument Document(params Block[] blocks) => Leaflet(plainBlocks: [.. blocks]).Plain;

    [Fact]
    public void Chapter_titles_are_the_title_then_the_section_headings_then_about_this_leaflet()
    {
        Assert.Equal(["Strengthening painful bones", "Why bones hurt", "How it is done", "About this leaflet"], Plain.Chapters.Select(chapter => chapter.Title));
    }

    [Fact]
    public void The_real_leaflets_chapters_are_its_section_headings()
    {
        var document = RealContent.Get("cementoplasty").Plain;
        var sections = document.Blocks.OfType<HeadingBlock>().Where(heading => heading.Level == 2).Select(heading => heading.Inlines.PlainText());

        Assert.Equal([document.Metadata.Title, .. sections, "About this leaflet"], Script(document).Chapters.Select(chapter => chapter.Title));
    }

    [Fact]
    public void The_first_chapter_says_the_title_and_the_summary()
    {
        var heard = Heard(XElement.Parse(Plain.Chapters[0].Ssml));

        Assert.StartsWith("Strengthening painful bones How doctors use bone cement", heard, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_inside_a_chapter_has_a_pause_before_it_and_after_it()
    {
        var chapter = Chapter(Plain, "Why bones hurt");
        var heading = chapter.Elements(Ssml + "p").Single(p => Heard(p) == "What a fracture is");

        var before = Assert.IsType<XElement>(heading.PreviousNode);
        var after = Assert.IsType<XElement>(heading.NextNode);
        Assert.Equal(Ssml + "break", before.Name);
        Assert.Equal(SpeechScriptBuilder.PauseBeforeHeading, (string?)before.Attribute("time"));
        Assert.Equal(Ssml + "break", after.Name);
        Assert.Equal(SpeechScriptBuilder.PauseAfterHeading, (string?)after.Attribute("time"));
    }

    [Fact]
    public void A_chapter_starts_with_a_pause_then_its_heading_then_a_pause_and_the_title_with_no_pause_before_it()
    {
        var section = Chapter(Plain, "How it is done").Elements().ToList();
        var title = XElement.Parse(Plain.Chapters[0].Ssml).Elements().ToList();

        Assert.Equal(SpeechScriptBuilder.PauseBeforeHeading, (string?)section[0].Attribute("time"));
        Assert.Equal("How it is done", Heard(section[1]));
        Assert.Equal(SpeechScriptBuilder.PauseAfterHeading, (string?)section[2].Attribute("time"));
        Assert.Equal("Strengthening painful bones", Heard(title[0]));
        Assert.Equal(SpeechScriptBuilder.PauseAfterHeading, (string?)title[1].Attribute("time"));
    }

    [Fact]
    public void No_whitespace_is_written_inside_a_sentence_that_starts_with_a_number()
    {
        var ssml = Plain.Chapters.Single(chapter => chapter.Title == "How it is done").Ssml;

        Assert.Contains("<s><say-as interpret-as=\"cardinal\">1</say-as>. You have a sedative", ssml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lists_items_are_separate_sentences_and_a_numbered_item_says_its_number()
    {
        var chapter = Chapter(Plain, "How it is done");
        var numbered = chapter.Elements(Ssml + "p").Single(p => Heard(p).Contains("sedative", StringComparison.Ordinal));
        var bulleted = chapter.Elements(Ssml + "p").Single(p => Heard(p).Contains("medicines", StringComparison.Ordinal));

        Assert.Equal(["1 . You have a sedative or a general anaesthetic.", "2 . X-ray pictures guide the needle.", "3 . The doctor injects the cement."],
            numbered.Elements(Ssml + "s").Select(Heard));
        Assert.All(numbered.Elements(Ssml + "s"), sentence => Assert.Equal("cardinal", (string?)sentence.Element(Ssml + "say-as")!.Attribute("interpret-as")));
        Assert.Equal(["Bring your medicines.", "Bring a list of questions."], bulleted.Elements(Ssml + "s").Select(Heard));
    }

    [Fact]
    public void A_list_inside_a_list_item_is_read_item_by_item_after_it()
    {
        var nested = new ListBlock(3, Ordered: false, [
            new ListItem([Paragraph(3, "Before the operation:"), new ListBlock(4, Ordered: false, [
                new ListItem([Paragraph(4, "stop eating")]), new ListItem([Paragraph(5, "take your tablets")])])]),
            new ListItem([Paragraph(6, "After it, rest.")]),
        ]);
        var chapter = XElement.Parse(Script(Document(nested)).Chapters[0].Ssml);

        Assert.Equal(["Before the operation:", "stop eating", "take your tablets", "After it, rest."],
            chapter.Descendants(Ssml + "s").Skip(1).Select(Heard));
    }

    [Fact]
    public void An_informative_pictures_description_is_read_after_Picture_and_then_its_caption()
    {
        var heard = Heard(Chapter(Plain, "How it is done"));

        Assert.Contains("Picture: A needle passing through the skin into a bone of the spine, with cement flowing into the bone. Cement is injected into the damaged bone.", heard, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decorative_picture_is_not_read()
    {
        var script = Script(Document(new FigureBlock(2, "images/banner.png", "", null), Paragraph(3, "Words.")));

        Assert.DoesNotContain("Picture", script.Chapters[0].Ssml, StringComparison.Ordinal);
        Assert.DoesNotContain("banner", script.Chapters[0].Ssml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decorative_pictures_caption_is_read_as_words_on_the_page_without_Picture()
    {
        var heard = Heard(XElement.Parse(Script(Document(new FigureBlock(2, "images/banner.png", "", "Our hospital"))).Chapters[0].Ssml));

        Assert.Contains("Our hospital", heard, StringComparison.Ordinal);
        Assert.DoesNotContain("Picture", heard, StringComparison.Ordinal);
    }

    [Fact]
    public void An_easy_read_picture_row_reads_the_picture_then_its_words_and_skips_a_decorative_one()
    {
        var easyRead = Script(Leaflet().Document(LeafletVariant.EasyRead));

        Assert.Equal("Your bones Picture: A doctor pointing at a bone of the spine. Cancer can make your bones hurt.", Heard(XElement.Parse(easyRead.Chapters[1].Ssml)));
        Assert.Equal("What happens The doctor puts cement in your bone.", Heard(XElement.Parse(easyRead.Chapters[2].Ssml)));
    }

    [Fact]
    public void A_link_is_read_by_its_words_and_its_address_is_never_spoken()
    {
        var all = SpeechScriptBuilder.WholeDocument(Plain);

        Assert.Contains("NICE guidance on cementoplasty", all, StringComparison.Ordinal);
        Assert.DoesNotContain("nice.org.uk", all, StringComparison.Ordinal);
        Assert.DoesNotContain("http", all.Replace(SpeechScriptBuilder.Namespace, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void No_address_of_the_real_leaflet_is_spoken()
    {
        foreach (var document in RealContent.Get("cementoplasty").AllDocuments)
        {
            var all = SpeechScriptBuilder.WholeDocument(Script(document)).Replace(SpeechScriptBuilder.Namespace, "", StringComparison.Ordinal);
            Assert.DoesNotContain("http", all, StringComparison.Ordinal);
            Assert.DoesNotContain("www.", all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_callouts_label_leads_its_words()
    {
        var heard = Heard(Chapter(Plain, "How it is done"));

        Assert.Contains("Important: Call your care team if the pain gets worse.", heard, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_is_read_row_by_row_each_cell_after_its_heading()
    {
        var table = Chapter(Plain, "How it is done").Elements(Ssml + "p").Single(p => Heard(p).StartsWith("Table", StringComparison.Ordinal));

        Assert.Equal(["Table", "When: The day before What to do: Eat and drink as usual.", "When: On the day What to do: Do not eat for 6 hours."],
            table.Elements(Ssml + "s").Select(Heard));
        Assert.All(table.Elements(Ssml + "s").Skip(1), row => Assert.Single(row.Elements(Ssml + "break")));
    }

    [Fact]
    public void Review_dates_are_spoken_as_dates_in_words_never_as_digits()
    {
        var about = Heard(Chapter(Plain, "About this leaflet"));

        Assert.Equal("About this leaflet Version: 3. Last reviewed: 15 February 2018. Next review due: 15 February 2021.", about);
        Assert.DoesNotContain("2018-02-15", SpeechScriptBuilder.WholeDocument(Plain), StringComparison.Ordinal);
        Assert.DoesNotContain("15/02/2018", SpeechScriptBuilder.WholeDocument(Plain), StringComparison.Ordinal);
    }

    [Fact]
    public void A_welsh_document_is_spoken_in_welsh_with_welsh_words_and_dates()
    {
        var welsh = RealContent.Get("cementoplasty").Document(LeafletVariant.Plain, "cy");
        var script = Script(welsh);
        var speak = XElement.Parse(SpeechScriptBuilder.WholeDocument(script));

        Assert.Equal("cy", script.Language);
        Assert.Equal("cy", (string?)speak.Attribute(XNamespace.Xml + "lang"));
        Assert.All(script.Chapters, chapter => Assert.Equal("cy", (string?)XElement.Parse(chapter.Ssml).Attribute(XNamespace.Xml + "lang")));
        Assert.Equal("Am y daflen hon", script.Chapters[^1].Title);
        Assert.Contains("Llun: ", Heard(speak), StringComparison.Ordinal);
        Assert.Contains($"Adolygwyd ddiwethaf: 15 Chwefror 2018.", Heard(speak), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreviewed_translations_notice_is_read_in_each_language_with_its_own_voice()
    {
        var english = Leaflet().Plain;
        var welsh = english with
        {
            Metadata = english.Metadata with { Language = "cy", TranslationStatus = TranslationStatus.Unreviewed, TranslatedFrom = "en-GB" },
        };
        var first = XElement.Parse(Script(welsh).Chapters[0].Ssml);
        var notice = first.Descendants(Ssml + "s").Where(sentence => sentence.Attribute(XNamespace.Xml + "lang") is not null).ToList();

        Assert.Equal(StringsLibrary.Embedded.For("en").Leaflet.TranslationUnreviewed, Heard(Assert.Single(notice)));
        Assert.Equal("en-GB", (string?)notice[0].Attribute(XNamespace.Xml + "lang"));
        Assert.Contains(StringsLibrary.Embedded.For("cy").Leaflet.TranslationUnreviewed, Heard(first), StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_document_marks_each_chapters_start_and_says_every_chapters_words()
    {
        var script = Plain;
        var speak = XElement.Parse(SpeechScriptBuilder.WholeDocument(script));

        Assert.Equal(Enumerable.Range(1, script.Chapters.Length).Select(SpeechScriptBuilder.ChapterMark),
            speak.Elements(Ssml + "mark").Select(mark => (string)mark.Attribute("name")!));
        Assert.Equal(script.Chapters.Sum(chapter => chapter.WordCount), SpeechScriptBuilder.CountWords(speak));
        Assert.Equal("1.1", (string?)speak.Attribute("version"));
    }

    [Fact]
    public void A_chapters_word_count_is_the_words_it_says()
    {
        var script = Script(Document(Paragraph(2, "One two three."), new ListBlock(3, Ordered: false, [new ListItem([Paragraph(3, "four five")])])));

        // Title (3 words), summary (13: "&" is no word), the paragraph (3), the list item (2).
        Assert.Equal(3 + 13 + 3 + 2, script.Chapters[0].WordCount);
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes()
    {
        var document = RealContent.Get("cementoplasty").Document(LeafletVariant.EasyRead);

        Assert.Equal(SpeechScriptBuilder.WholeDocument(Script(document)), SpeechScriptBuilder.WholeDocument(Script(document)));
        Assert.Equal(Script(document).Chapters.Select(chapter => chapter.Ssml), Script(document).Chapters.Select(chapter => chapter.Ssml));
    }

    [Fact]
    public void Markup_characters_in_the_words_are_escaped()
    {
        var ssml = SpeechScriptBuilder.WholeDocument(Script(Document(Paragraph(2, "Less <than> & more \"quoted\"."))));

        Assert.Contains("Less &lt;than&gt; &amp; more", ssml, StringComparison.Ordinal);
        Assert.Empty(SsmlSchemaTests.Problems(ssml));
    }
}
