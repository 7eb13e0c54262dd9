using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Braille;

namespace Leaflets.Content.Tests.Braille;

/// <summary>
/// The BRF layout of the repository's real leaflets, translated by the real liblouis (the copy the build ships beside
/// the tests) and read back with liblouis's own <c>lou_translate --backward</c> (Debian's liblouis-bin).
/// </summary>
public sealed partial class BrailleLayoutTests
{
    private static readonly BrailleTranslator Translator = BrailleTranslator.Shared;

    public static TheoryData<string, string, int> DocumentsAndGrades()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var document in Cementoplasty.AllDocuments)
        {
            foreach (var grade in new[] { 1, 2 })
            {
                data.Add(document.Variant.Slug(), document.Metadata.Language, grade);
            }
        }
        return data;
    }

    private static Leaflet Cementoplasty => RealContent.Get("cementoplasty");

    private static BrailleRequest Request(string variant, string language, int grade, int cells = 40, int lines = 25)
    {
        Assert.True(LeafletVariants.TryParse(variant, out var parsed));
        var document = Cementoplasty.Document(parsed, language);
        return BrailleRequest.For(Cementoplasty, document, new BrailleChoice((BrailleGrade)grade, cells, lines), Leaflets.Content.Text.StringsLibrary.Embedded)!;
    }

    private static string Render(BrailleRequest request) => Encoding.ASCII.GetString(request.Render(Translator));

    /// <summary>Each page's lines, without the CR LF and form feed that end them.</summary>
    private static List<string[]> Pages(string brf)
    {
        Assert.EndsWith("\r\n\f", brf, StringComparison.Ordinal);
        return [.. brf.Split(BrailleLayout.PageEnd)[..^1].Select(page => page[..^2].Split(BrailleLayout.LineEnd))];
    }

    /// <summary>The text of every page, page-number lines left out, lines joined with spaces and spaces collapsed.</summary>
    private static string Body(string brf)
        => Spaces().Replace(string.Join(' ', Pages(brf).SelectMany(page => page.Skip(1))), " ").Trim();

    [Theory]
    [MemberData(nameof(DocumentsAndGrades))]
    public void Back_translation_recovers_at_least_98_percent_of_the_leaflets_words(string variant, string language, int grade)
    {
        var request = Request(variant, language, grade);
        // Line by line, as a braille reader meets it (lou_translate reads at most a few thousand characters a line).
        var braille = string.Join('\n', Pages(Render(request)).SelectMany(page => page.Skip(1)))
            .Replace(BrailleLayout.TranscribersNoteOpening, " ", StringComparison.Ordinal)
            .Replace(BrailleLayout.TranscribersNoteClosing, " ", StringComparison.Ordinal);

        var back = Words(LouTranslateBackward(request.Table.TableList, braille));
        var expected = Words(BrailleLayout.SourceText(request.Document));

        // Words the table itself cannot read back, alone, are the table's loss, not the layout's: liblouis 3.24's Welsh
        // grade 2 table reads its whole-word signs back inside words ("bobl" comes back "boblwyddyn"). They are left
        // out of the count, and must stay few (about one distinct word in eight in grade 2, a handful in grade 1, where
        // "ll" words such as "lledaenu" come back with one "l"); the English tables lose none.
        var missing = expected.Where(word => back.GetValueOrDefault(word.Key) < word.Value).Select(word => word.Key).ToList();
        var tableLosses = missing.Where(word => !Words(LouTranslateBackward(request.Table.TableList, Translator.Translate(word, request.Table))).ContainsKey(word)).ToHashSet();
        var total = expected.Where(word => !tableLosses.Contains(word.Key)).Sum(word => word.Value);
        var found = expected.Where(word => !tableLosses.Contains(word.Key)).Sum(word => Math.Min(word.Value, back.GetValueOrDefault(word.Key)));
        Assert.True(found >= 0.98 * total,
            $"{variant} {language} grade {grade}: {found} of {total} words recovered ({100.0 * found / total:F1}%); missing e.g. {string.Join(", ", missing.Except(tableLosses).Take(40))}");
        Assert.True(tableLosses.Count <= (request.Table.TableList.Contains(",cy-cy-", StringComparison.Ordinal) ? expected.Count * 15 / 100 : 0),
            $"{tableLosses.Count} of {expected.Count} distinct words do not survive the table alone: {string.Join(", ", tableLosses.Take(40))}");
    }

    [Theory]
    [InlineData(40, 25)]
    [InlineData(20, 10)]
    [InlineData(32, 20)]
    [InlineData(50, 50)]
    public void No_line_is_longer_than_the_cells_and_no_page_has_more_than_the_lines(int cells, int lines)
    {
        foreach (var document in Cementoplasty.AllDocuments)
        {
            foreach (var grade in new[] { 1, 2 })
            {
                var pages = Pages(Render(Request(document.Variant.Slug(), document.Metadata.Language, grade, cells, lines)));
                Assert.True(pages.Count > 1);
                foreach (var (page, index) in pages.Select((page, index) => (page, index)))
                {
                    Assert.InRange(page.Length, 2, lines);
                    Assert.All(page, line => Assert.InRange(line.Length, 0, cells));
                    // The page number, in braille, ends the first line: ASCII braille's number sign then letters a-j as digits.
                    Assert.Equal(cells, page[0].Length);
                    Assert.Equal(Translator.Translate((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Request("plain", "en-GB", grade).Table), page[0].Trim());
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(DocumentsAndGrades))]
    public void Every_heading_and_every_picture_description_is_present(string variant, string language, int grade)
    {
        var request = Request(variant, language, grade);
        var body = Body(Render(request));
        var strings = Leaflets.Content.Text.StringsLibrary.Embedded.For(language);
        var headings = request.Document.Blocks.OfType<HeadingBlock>().Select(heading => heading.Inlines.PlainText()).Prepend(request.Document.Metadata.Title).ToList();
        var pictures = Figures(request.Document.Blocks).Where(figure => !figure.IsDecorative).ToList();
        Assert.NotEmpty(headings);
        Assert.NotEmpty(pictures);

        foreach (var heading in headings)
        {
            Assert.Contains(Translator.Translate(Spaces().Replace(heading, " ").Trim(), request.Table), body, StringComparison.Ordinal);
        }
        foreach (var picture in pictures)
        {
            var note = Leaflets.Content.Text.ReaderStrings.Fill(strings.Print.BraillePicture, ("description", Spaces().Replace(picture.Alt, " ").Trim()));
            Assert.Contains(
                BrailleLayout.TranscribersNoteOpening + Translator.Translate(note, request.Table) + BrailleLayout.TranscribersNoteClosing,
                body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Headings_are_centred_with_a_blank_line_before_them()
    {
        var pages = Pages(Render(Request("plain", "en-GB", 2)));
        var request = Request("plain", "en-GB", 2);
        var sections = request.Document.Blocks.OfType<HeadingBlock>().Where(heading => heading.Level == 2)
            .Select(heading => Translator.Translate(heading.Inlines.PlainText(), request.Table)).Where(braille => braille.Length <= 34).ToList();
        Assert.NotEmpty(sections);
        foreach (var section in sections)
        {
            var (page, line) = pages.SelectMany((lines, p) => lines.Select((text, l) => (p, l, text)))
                .Where(at => at.text.Trim() == section).Select(at => (at.p, at.l)).First();
            var text = pages[page][line];
            var left = text.Length - text.TrimStart().Length;
            Assert.InRange(40 - text.Length - left, -1, 1);
            Assert.True(line == 1 || pages[page][line - 1].Length == 0, $"no blank line before {section}");
        }
    }

    [Fact]
    public void Every_character_is_braille_ascii_and_the_bytes_repeat()
    {
        foreach (var document in Cementoplasty.AllDocuments)
        {
            var request = Request(document.Variant.Slug(), document.Metadata.Language, 2);
            var bytes = request.Render(Translator);
            Assert.Equal(bytes, request.Render(Translator));
            // North American braille ASCII is the 64 characters from space to underscore (liblouis writes letters in capitals here).
            Assert.All(Encoding.ASCII.GetString(bytes).Replace("\r\n", "", StringComparison.Ordinal).Replace("\f", "", StringComparison.Ordinal),
                character => Assert.InRange(character, ' ', '_'));
        }
    }

    [Fact]
    public void Grade_1_and_grade_2_differ_and_grade_2_is_shorter()
    {
        var grade1 = Body(Render(Request("plain", "en-GB", 1)));
        var grade2 = Body(Render(Request("plain", "en-GB", 2)));
        Assert.NotEqual(grade1, grade2);
        Assert.True(grade2.Length < grade1.Length * 0.95, $"grade 2 has {grade2.Length} cells, grade 1 {grade1.Length}");
    }

    [Fact]
    public void A_welsh_leaflet_is_translated_with_the_welsh_tables()
    {
        foreach (var grade in new[] { 1, 2 })
        {
            var welsh = Request("plain", "cy", grade);
            Assert.Contains(grade == 2 ? "cy-cy-g2.ctb" : "cy-cy-g1.utb", welsh.Table.TableList, StringComparison.Ordinal);
            var withEnglishTable = BrailleLayout.Render(welsh.Document, BrailleTable.For("en", (BrailleGrade)grade)!, welsh.Choice, Translator, welsh.Words);
            Assert.NotEqual(withEnglishTable, Render(welsh));
        }
        // "chwarae" is a whole-word contraction of the Welsh grade 2 table only.
        Assert.Single(Translator.Translate("chwarae", BrailleTable.For("cy", BrailleGrade.Contracted)!));
    }

    [Fact]
    public void Links_are_given_with_their_address()
    {
        // Wide enough for the address to fit a line whole.
        var request = Request("plain", "en-GB", 1, cells: 50);
        var back = LouTranslateBackward(request.Table.TableList, string.Join('\n', Pages(Render(request)).SelectMany(page => page)));
        Assert.Contains("https://www.nice.org.uk/guidance/ipg179", back, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3", null, null, "grade must be one of: 1, 2")]
    [InlineData("two", null, null, "grade must be one of: 1, 2")]
    [InlineData(null, "19", null, "cells must be a whole number from 20 to 50")]
    [InlineData(null, "51", null, "cells must be a whole number from 20 to 50")]
    [InlineData(null, null, "9", "lines must be a whole number from 10 to 50")]
    [InlineData(null, null, "-25", "lines must be a whole number from 10 to 50")]
    public void A_choice_outside_those_offered_is_refused_naming_the_parameter(string? grade, string? cells, string? lines, string message)
    {
        Assert.False(BrailleChoice.TryParse(grade, cells, lines, name => name, out _, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_name_follows_the_pdf_pattern()
    {
        Assert.Equal("cementoplasty-plain-grade2-v1.brf", Request("plain", "en-GB", 2).FileName);
        Assert.Equal("cementoplasty-easy-read-cy-grade1-v1.brf", Request("easy-read", "cy", 1).FileName);
        Assert.Equal("cementoplasty-plain-grade2-32x20-v1.brf", Request("plain", "en-GB", 2, 32, 20).FileName);
    }

    [Fact]
    public void The_shipped_copy_of_liblouis_and_every_table_load()
    {
        Assert.True(File.Exists(Path.Combine(BrailleInstall.ShippedFolder, "liblouis.so.20")), "the build copies liblouis beside the app");
        Assert.Equal(BrailleInstall.ShippedTables, Path.Combine(BrailleInstall.DataPath!, "liblouis", "tables"));
        Assert.All(BrailleTable.Files, file => Assert.True(File.Exists(Path.Combine(BrailleInstall.ShippedTables, file)), file));
        Assert.Null(Translator.Problem());
        Assert.Equal("3.24.0", Translator.LibraryVersion());
    }

    private static IEnumerable<FigureBlock> Figures(IEnumerable<Block> blocks)
        => blocks.SelectMany(block => block switch
        {
            FigureBlock figure => [figure],
            PictureRowBlock row => Figures(row.Blocks).Prepend(row.Figure),
            CalloutBlock callout => Figures(callout.Blocks),
            ListBlock list => list.Items.SelectMany(item => Figures(item.Blocks)),
            _ => [],
        });

    /// <summary>
    /// Words as letters only, lower case, counted: punctuation and numbers are not words. liblouis's Welsh tables read
    /// the "ae" sign back as the ligature, which is the same two letters.
    /// </summary>
    private static Dictionary<string, int> Words(string text)
        => Letters().Matches(text.ToLowerInvariant().Replace('’', '\'').Replace("æ", "ae", StringComparison.Ordinal)).GroupBy(match => match.Value, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    private static string LouTranslateBackward(string tableList, string braille)
    {
        var start = new ProcessStartInfo("lou_translate", ["--backward", tableList])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The system's tables are the same Debian package as the shipped ones.
        using var process = Process.Start(start)!;
        // lou_translate reads backslash escapes: braille ASCII's backslash (dots 1256) must be escaped.
        process.StandardInput.Write(braille.Replace("\\", "\\\\", StringComparison.Ordinal) + "\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), "lou_translate did not finish");
        Assert.True(process.ExitCode == 0, error.Result);
        return output.Result;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)*")]
    private static partial Regex Letters();
}
