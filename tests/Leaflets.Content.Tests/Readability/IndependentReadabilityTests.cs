using System.Text.Json;
using System.Text.RegularExpressions;
using Leaflets.Content.Readability;
using Xunit.Abstractions;

namespace Leaflets.Content.Tests.Readability;

/// <summary>
/// Our figures against an independent implementation (npm text-readability, run by tests/node/readability.mjs)
/// on texts written for this test: simple, easy read, medical, long sentences, lists, numbers, dialogue.
/// </summary>
public partial class IndependentReadabilityTests(ITestOutputHelper output)
{
    private const double GradeTolerance = 1.0;

    private static string TextsFolder => Path.Combine(AppContext.BaseDirectory, "Readability", "Texts");

    [Fact]
    public void Our_Flesch_Kincaid_grade_is_within_one_grade_of_an_independent_implementation_on_every_text()
    {
        var files = Directory.GetFiles(TextsFolder, "*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 20, $"Only {files.Count} comparison texts in {TextsFolder}; at least 20 are needed.");

        var result = NodeScripts.Run("readability.mjs", files, TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, $"readability.mjs failed (exit {result.ExitCode}): {result.Error}");
        using var json = JsonDocument.Parse(result.Output);
        var theirs = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("file").GetString()!, e => e);
        Assert.Equal(files.Count, theirs.Count);

        var failures = new List<string>();
        foreach (var file in files)
        {
            var ours = ReadabilityAnalyzer.AnalyzeText(Passages(File.ReadAllText(file)), "en");
            var other = theirs[Path.GetFileName(file)];
            var theirGrade = other.GetProperty("fleschKincaidGrade").GetDouble();
            var difference = Math.Abs(ours.FleschKincaidGrade!.Value - theirGrade);
            var line = $"{Path.GetFileName(file),-32} grade ours {ours.FleschKincaidGrade,5:0.0} theirs {theirGrade,5:0.0} (diff {difference:0.00}); " +
                $"words {ours.Words}/{other.GetProperty("words").GetInt32()}, sentences {ours.Sentences}/{other.GetProperty("sentences").GetInt32()}, " +
                $"syllables {ours.Syllables}/{other.GetProperty("syllables").GetInt32()}, ease {ours.FleschReadingEase}/{other.GetProperty("fleschReadingEase").GetDouble()}";
            output.WriteLine(line);
            if (difference > GradeTolerance)
            {
                failures.Add(line);
            }
        }
        Assert.True(failures.Count == 0, "Flesch-Kincaid grade differs by more than 1.0:\n" + string.Join('\n', failures));
    }

    /// <summary>Paragraphs are separated by blank lines; each list item ("- ", "1. ") is a passage of its own.</summary>
    internal static IEnumerable<string> Passages(string text)
    {
        foreach (var block in BlankLine().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.All(l => ListMarker().IsMatch(l)))
            {
                foreach (var item in lines)
                {
                    yield return ListMarker().Replace(item, "");
                }
            }
            else if (!string.IsNullOrWhiteSpace(block))
            {
                yield return block;
            }
        }
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^\s*(?:-|\d+\.)\s+")]
    private static partial Regex ListMarker();
}
