using System.Text.Json;
using Leaflets.Content.Tests;
using Xunit.Abstractions;

namespace Leaflets.Api.Tests;

/// <summary>
/// openapi.json passes Redocly CLI's recommended rules (npm @redocly/cli, pinned in tests/node) with no error; any rule
/// turned off is turned off in tests/node/redocly.yaml with its reason. Warnings are listed in the test output.
/// </summary>
public sealed class OpenApiLintTests(ITestOutputHelper output)
{
    [Fact]
    public void The_openapi_document_has_no_error_under_redoclys_recommended_rules()
    {
        var document = Path.Combine(RepositoryPaths.Root, "src", "Functions", "OpenApi", "openapi.json");

        var result = NodeScripts.Run("openapi-lint.mjs", [document], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode is 0 or 1, $"openapi-lint.mjs could not run (exit {result.ExitCode}): {result.Error}");
        using var report = JsonDocument.Parse(result.Output);
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Select(problem => $"{problem.GetProperty("severity").GetString()} {problem.GetProperty("ruleId").GetString()}: "
                + $"{problem.GetProperty("message").GetString()} at {Location(problem)}")
            .ToList();
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }
        Assert.Equal(0, report.RootElement.GetProperty("totals").GetProperty("errors").GetInt32());
        Assert.Equal(0, result.ExitCode);
    }

    private static string Location(JsonElement problem) => problem.TryGetProperty("location", out var locations)
        ? string.Join(", ", locations.EnumerateArray().Select(l => l.TryGetProperty("pointer", out var p) ? p.GetString() : "?"))
        : "?";
}
