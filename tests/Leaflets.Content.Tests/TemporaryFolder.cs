namespace Leaflets.Content.Tests;

/// <summary>A folder of its own under the system's temporary folder, deleted with everything in it when disposed.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("leaflets-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
