namespace Leaflets.Api.Tests.Infrastructure;

public static class TestPaths
{
    /// <summary>The fixture content tree as copied beside the test assembly.</summary>
    public static string FixtureContent => Path.Combine(AppContext.BaseDirectory, "Fixtures", "content");

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Golden files live in the source tree so that UPDATE_GOLDEN=1 rewrites the committed copies.</summary>
    public static string Golden => Path.Combine(RepositoryRoot, "tests", "Leaflets.Api.Tests", "Golden");

    public static string RepositoryContent => Path.Combine(RepositoryRoot, "content");

    /// <summary>
    /// A private copy of the fixture content, every file dated <see cref="TestTime.ContentWritten"/>, with a secret file beside
    /// the content root that must never be served.
    /// </summary>
    public static ContentSandbox CopyFixtureContent()
    {
        var sandbox = Path.Combine(Path.GetTempPath(), "leaflets-api-tests", Guid.NewGuid().ToString("N"));
        var contentRoot = Path.Combine(sandbox, "content");
        foreach (var file in Directory.EnumerateFiles(FixtureContent, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(contentRoot, Path.GetRelativePath(FixtureContent, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, TestTime.ContentWritten.UtcDateTime);
        }
        var secret = Path.Combine(sandbox, "secret.txt");
        File.WriteAllText(secret, Secret);
        File.WriteAllText(Path.Combine(contentRoot, "secret.txt"), Secret);
        return new ContentSandbox(sandbox, contentRoot, secret);
    }

    public const string Secret = "TOP-SECRET-7f3a9c";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "host.json")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (with host.json and src/) was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary copy of the fixture content; disposing deletes it.</summary>
public sealed record ContentSandbox(string Folder, string ContentRoot, string SecretPath) : IDisposable
{
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing may hold a handle; the OS temp cleaner gets it later.
        }
    }
}
