using System.Collections.Immutable;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Readability;
using Leaflets.Content.Rendering.Audio;
using Leaflets.Content.Rendering.Braille;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Text;

namespace Leaflets.Content.Checking;

/// <summary>A check that runs over loaded content after the authoring rules (e.g. readability, PDF accessibility).</summary>
public interface IContentCheck
{
    IEnumerable<ContentProblem> Check(ContentLoadResult content);
}

/// <summary>What the publish gate found: the loaded content and every problem, loader's and extra checks' alike.</summary>
public sealed record ContentCheckReport(ContentLoadResult Content, ImmutableArray<ContentProblem> Problems)
{
    /// <summary>Each loaded leaflet's check result by content (<see cref="CheckResultSet.KeyOf"/>): what publish stores.</summary>
    public CheckResultSet Results { get; init; } = CheckResultSet.Empty;

    /// <summary>Leaflets checked (rendered) by this run; the others' results were known already for their content.</summary>
    public int LeafletsChecked { get; init; }

    public int ErrorCount => Problems.Count(p => p.Severity == ProblemSeverity.Error);

    public int WarningCount => Problems.Count(p => p.Severity == ProblemSeverity.Warning);

    public bool Passed => ErrorCount == 0;

    /// <summary>One line for the end of a run, e.g. "1 leaflet checked: 1 loaded, 0 rejected; 0 errors, 2 warnings".</summary>
    public string Summary
    {
        get
        {
            var rejected = Problems.Where(p => p.Severity == ProblemSeverity.Error)
                .Select(p => LeafletFolderOf(p.Path)).OfType<string>().Distinct(StringComparer.Ordinal).Count();
            var checkedCount = Content.Leaflets.Count + rejected;
            return $"{checkedCount} {Plural(checkedCount, "leaflet")} checked: {Content.Leaflets.Count} loaded, {rejected} rejected; "
                + $"{ErrorCount} {Plural(ErrorCount, "error")}, {WarningCount} {Plural(WarningCount, "warning")}";
        }
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";

    private static string? LeafletFolderOf(string path)
    {
        var marker = path.IndexOf("/leaflets/", StringComparison.Ordinal);
        if (marker < 0)
        {
            return null;
        }
        var start = marker + "/leaflets/".Length;
        var end = path.IndexOf('/', start);
        return end < 0 ? null : path[..end];
    }
}

/// <summary>
/// The publish gate: loads every leaflet (enforcing the authoring format), then runs any further checks.
/// Commands and hosts stay thin; what counts as a problem lives here.
/// </summary>
public sealed class ContentCheck(IEnumerable<IContentCheck> checks, string checker, TimeProvider? time = null)
{
    /// <summary>A check that failed on a leaflet instead of giving findings: an error, so the leaflet is not published.</summary>
    public const string CheckFailedRule = "check-failed";

    public ContentCheck() : this([], "none")
    {
    }

    public ContentCheck(IEnumerable<IContentCheck> checks) : this(checks, "custom")
    {
    }

    /// <summary>Names these checks in the results they make (<see cref="CheckResultSet.Checker"/>): results are reused only by the same checks.</summary>
    public string Checker => checker;

    /// <summary>
    /// What must pass before content is published: the authoring rules, the readability thresholds, and
    /// the PDF/UA checkpoints on every variant at every print size and paper, as printed today (<paramref name="time"/>,
    /// else the system clock, decides each leaflet's printed review status), the braille of every document at both
    /// grades, the EPUB's structure, and the spoken version of every document (espeak-ng), decoded and timed.
    /// </summary>
    public static ContentCheck PublishGate(TimeProvider? time = null) => new([
        new ReadabilityContentCheck(),
        new PrintAccessibilityCheck(new LeafletPdfRenderer(), PrintAccessibilityCheck.AllPrintOptions, time),
        new BrailleCheck(BrailleTranslator.Shared),
        new EpubAccessibilityCheck(time),
        new AudioCheck(new AudioRenderer(new EspeakSpeechEngine())),
    ], CheckResultSet.CurrentChecker, time);

    /// <summary>Reads and checks a content source. A source that cannot be read at all (no such folder) throws.</summary>
    public async Task<ContentCheckReport> RunAsync(IContentSource source, CancellationToken cancellationToken, CheckResultSet? known = null)
    {
        var files = await source.ReadAllAsync(cancellationToken);
        return Run(LeafletLoader.Load(source.DisplayRoot, files), known);
    }

    /// <summary>
    /// Runs every check on each leaflet in its own fault boundary: a check that throws becomes that leaflet's
    /// <see cref="CheckFailedRule"/> finding (so publish refuses it), and the other leaflets are still checked. A leaflet
    /// whose content <paramref name="known"/> (made by these same checks) has a result for is not checked again: its
    /// findings are that result's, so one changed leaflet of thousands checks one.
    /// </summary>
    public ContentCheckReport Run(ContentLoadResult content, CheckResultSet? known = null)
    {
        var reusable = known is not null && known.Checker == checker ? known : null;
        var problems = content.Problems.ToBuilder();
        var results = new Dictionary<string, LeafletCheckResult>(StringComparer.Ordinal);
        var checkedNow = 0;
        foreach (var leaflet in content.Leaflets.Values)
        {
            var key = CheckResultSet.KeyOf(leaflet);
            if (reusable?.Results.GetValueOrDefault(key) is not { } result)
            {
                result = LeafletCheckResult.Of(leaflet.Id, CheckLeaflet(checks, leaflet, content.Strings), (time ?? TimeProvider.System).GetUtcNow());
                checkedNow++;
            }
            results[key] = result;
            problems.AddRange(result.Errors);
            problems.AddRange(result.Warnings);
        }
        return new ContentCheckReport(content, [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line)])
        {
            Results = new CheckResultSet(checker, results.ToImmutableSortedDictionary(StringComparer.Ordinal)),
            LeafletsChecked = checkedNow,
        };
    }

    /// <summary>
    /// Every check on one leaflet alone, each in its own fault boundary: a check that throws becomes a
    /// <see cref="CheckFailedRule"/> finding (reported to <paramref name="onFault"/> too, for a log), never an exception.
    /// Cancellation still propagates. The publish gate and the load-time checks both check a leaflet this way.
    /// </summary>
    internal static List<ContentProblem> CheckLeaflet(
        IEnumerable<IContentCheck> checks, Leaflet leaflet, StringsLibrary strings, Action<IContentCheck, Exception>? onFault = null)
    {
        var alone = new ContentLoadResult(ImmutableSortedDictionary.Create<string, Leaflet>(StringComparer.Ordinal).Add(leaflet.Id, leaflet), [])
        {
            Strings = strings,
        };
        var problems = new List<ContentProblem>();
        foreach (var check in checks)
        {
            try
            {
                problems.AddRange(check.Check(alone));
            }
            catch (Exception error) when (error is not (OperationCanceledException or OutOfMemoryException))
            {
                onFault?.Invoke(check, error);
                problems.Add(new ContentProblem(leaflet.Plain.SourcePath, 1, CheckFailedRule,
                    $"the {check.GetType().Name} check failed on this leaflet ({error.GetType().Name}: {error.Message}); please report this leaflet to the maintainers"));
            }
        }
        return problems;
    }
}
