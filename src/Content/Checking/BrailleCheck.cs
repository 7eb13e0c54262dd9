using System.Globalization;
using System.Text.RegularExpressions;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Braille;

namespace Leaflets.Content.Checking;

/// <summary>
/// The publish gate's braille half: lays out every leaflet document in a language braille is offered in, at both
/// grades on the default page, as the braille route serves it, and checks the file a reader's embosser would get: every
/// line within the cells and every page within the lines, every character one liblouis could translate, and the
/// leaflet's words read back from the braille (liblouis's back-translation) all but a few. Each finding names the
/// document's file (leaflet, variant and language), the grade and a rule from <see cref="Rules"/>.
/// </summary>
public sealed partial class BrailleCheck(BrailleTranslator translator) : IContentCheck
{
    public const string PageBoundsRule = "braille-page-bounds";
    public const string UntranslatableRule = "braille-untranslatable";
    public const string BackTranslationRule = "braille-back-translation";
    public const string UnavailableRule = "braille-unavailable";

    public static IReadOnlyList<string> Rules { get; } = [PageBoundsRule, UntranslatableRule, BackTranslationRule, UnavailableRule];

    /// <summary>The share of the leaflet's words the braille must give back.</summary>
    public const double MinimumRecovered = 0.98;

    public IEnumerable<ContentProblem> Check(ContentLoadResult content)
    {
        foreach (var leaflet in content.Leaflets.Values)
        {
            foreach (var document in leaflet.AllDocuments.Where(BrailleTable.Offers))
            {
                foreach (var grade in Enum.GetValues<BrailleGrade>())
                {
                    foreach (var problem in CheckOne(leaflet, document, new BrailleChoice(grade), content.Strings))
                    {
                        yield return problem;
                    }
                }
            }
        }
    }

    private IEnumerable<ContentProblem> CheckOne(Leaflet leaflet, LeafletDocument document, BrailleChoice choice, Text.StringsLibrary strings)
    {
        var braille = BrailleRequest.For(leaflet, document, choice, strings)!;
        var what = $"braille grade {(int)choice.Grade} ({document.Variant.Slug()}, {document.Metadata.Language})";
        string text;
        try
        {
            text = BrailleLayout.Render(document, braille.Table, choice, translator, braille.Words);
        }
        catch (BrailleUnavailableException missing)
        {
            return [new ContentProblem(document.SourcePath, 1, UnavailableRule, $"{what}: {missing.Message}")];
        }
        var problems = new List<ContentProblem>();
        var pages = text.Split(BrailleLayout.PageEnd)[..^1].Select(page => page[..^BrailleLayout.LineEnd.Length].Split(BrailleLayout.LineEnd)).ToList();
        foreach (var (page, number) in pages.Select((page, index) => (page, index + 1)))
        {
            if (page.Length > choice.Lines || page.Any(line => line.Length > choice.Cells))
            {
                problems.Add(new ContentProblem(document.SourcePath, 1, PageBoundsRule,
                    $"{what}: page {number} does not fit {choice.Cells} cells by {choice.Lines} lines."));
            }
        }
        var body = string.Join('\n', pages.SelectMany(page => page.Skip(1)));
        foreach (var escape in UndefinedCharacter().Matches(body).Select(match => match.Value).Distinct(StringComparer.Ordinal))
        {
            problems.Add(new ContentProblem(document.SourcePath, 1, UntranslatableRule,
                $"{what}: liblouis has no braille for a character it wrote as {escape}; use another character in the text."));
        }
        if (Recovered(body, document, braille.Table) is { Share: < MinimumRecovered } recovered)
        {
            problems.Add(new ContentProblem(document.SourcePath, 1, BackTranslationRule,
                $"{what}: only {recovered.Share.ToString("P1", CultureInfo.InvariantCulture)} of the words are read back from the braille "
                + $"(at least {MinimumRecovered.ToString("P0", CultureInfo.InvariantCulture)} must be); missing e.g. {string.Join(", ", recovered.Missing.Take(10))}."));
        }
        return problems;
    }

    /// <summary>
    /// The share of the document's words read back from <paramref name="body"/>, line by line. A word the table cannot
    /// read back even alone is the table's loss, not the layout's, and is not counted (liblouis's Welsh grade 2 table
    /// reads its whole-word signs back inside words).
    /// </summary>
    private (double Share, IReadOnlyList<string> Missing) Recovered(string body, LeafletDocument document, BrailleTable table)
    {
        var unmarked = body.Replace(BrailleLayout.TranscribersNoteOpening, " ", StringComparison.Ordinal)
            .Replace(BrailleLayout.TranscribersNoteClosing, " ", StringComparison.Ordinal);
        var back = Words(string.Join('\n', unmarked.Split('\n').Select(line => translator.BackTranslate(line, table))));
        var expected = Words(BrailleLayout.SourceText(document));
        var missing = expected.Where(word => back.GetValueOrDefault(word.Key) < word.Value).Select(word => word.Key).ToList();
        var tableLosses = missing.Where(word => !Words(translator.BackTranslate(translator.Translate(word, table), table)).ContainsKey(word)).ToHashSet(StringComparer.Ordinal);
        var counted = expected.Where(word => !tableLosses.Contains(word.Key)).ToList();
        var total = counted.Sum(word => word.Value);
        var found = counted.Sum(word => Math.Min(word.Value, back.GetValueOrDefault(word.Key)));
        return (total == 0 ? 1 : (double)found / total, [.. missing.Except(tableLosses)]);
    }

    /// <summary>Words as letters only, lower case, counted; liblouis's Welsh tables read the "ae" sign back as the ligature.</summary>
    private static Dictionary<string, int> Words(string text)
        => Letters().Matches(text.ToLowerInvariant().Replace('’', '\'').Replace("æ", "ae", StringComparison.Ordinal))
            .GroupBy(match => match.Value, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)*")]
    private static partial Regex Letters();

    /// <summary>How liblouis writes a character its tables do not define: its code in hex (X) or its own letters (Y), quoted.</summary>
    [GeneratedRegex(@"'\\[XY][0-9A-Z]+'")]
    private static partial Regex UndefinedCharacter();
}
