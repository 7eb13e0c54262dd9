using Leaflets.Content.Tests;

namespace Leaflets.Api.Tests;

/// <summary>The print run, check and publish work from Content alone: only `serve` (src/Cli/Hosting) hosts the function classes.</summary>
public sealed class CliLayeringTests
{
    [Fact]
    public void Only_serve_uses_anything_from_the_functions_project()
    {
        var cli = Path.Combine(RepositoryPaths.Root, "src", "Cli");
        var hosting = Path.Combine(cli, "Hosting") + Path.DirectorySeparatorChar;
        var built = Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar;

        var users = Directory.EnumerateFiles(cli, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.StartsWith(hosting, StringComparison.Ordinal) && !path.Contains(built, StringComparison.Ordinal))
            .Where(path => File.ReadAllText(path).Contains("Leaflets.Functions", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(cli, path));

        Assert.Empty(users);
    }
}
