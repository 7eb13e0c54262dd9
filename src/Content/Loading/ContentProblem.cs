namespace Leaflets.Content.Loading;

public enum ProblemSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One broken rule of the authoring format (or a readability threshold), named so an editor can fix it:
/// <c>path:line: rule: message</c>. <see cref="Path"/> is the path as the editor knows it
/// (for example <c>content/leaflets/cementoplasty/plain.md</c>). A warning's message is printed after
/// "warning: ", so the line keeps the same four fields whatever the severity.
/// </summary>
public sealed record ContentProblem(string Path, int Line, string Rule, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString() =>
        $"{Path}:{Line}: {Rule}: {(Severity == ProblemSeverity.Warning ? "warning: " : string.Empty)}{Message}";
}
