namespace Leaflets.Content.Loading;

/// <summary>Collects the problems found in one file, each tagged with its severity from <see cref="ContentRules"/>.</summary>
internal sealed class ProblemLog(string path, List<ContentProblem> sink)
{
    public string Path => path;

    public int ErrorCount => sink.Count(p => p.Severity == ProblemSeverity.Error);

    public void Add(int line, string rule, string message) =>
        sink.Add(new ContentProblem(path, Math.Max(1, line), rule, message, ContentRules.SeverityOf(rule)));

    public ProblemLog For(string otherPath) => new(otherPath, sink);
}
