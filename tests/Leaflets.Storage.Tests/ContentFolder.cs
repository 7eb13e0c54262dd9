using Leaflets.Content.Tests;

namespace Leaflets.Storage.Tests;

/// <summary>A content folder in a temporary directory, with leaflets written by the test.</summary>
public sealed class ContentFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("leaflets-content-").FullName;

    public ContentFolder()
    {
        Directory.CreateDirectory(Path.Combine(Root, "leaflets"));
    }

    public string PathOf(string id, string file = "plain.md") => Path.Combine(Root, "leaflets", id, file);

    public ContentFolder WithLeaflet(string id, int version = 1, string title = "Looking after your wound")
    {
        Write(id, "plain.md", Leaflet(title, version));
        return this;
    }

    public ContentFolder WithBrokenLeaflet(string id)
    {
        Write(id, "plain.md", BrokenLeaflet());
        return this;
    }

    public void Write(string id, string file, string text)
    {
        var path = PathOf(id, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Remove(string id) => Directory.Delete(Path.Combine(Root, "leaflets", id), recursive: true);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public static string Leaflet(string title, int version) => SampleLeaflets.Markdown(title, version);

    /// <summary>An unknown front matter key: the authoring format rejects it, so the leaflet fails validation.</summary>
    public static string BrokenLeaflet() => """
        ---
        title: Looking after your wound
        summary: How to keep your wound clean and dry after your operation.
        language: en-GB
        lastReviewed: 2025-01-10
        version: 2
        colour: blue
        references:
          - title: Caring for a wound at home
            publisher: Example Health Board
            year: 2024
        ---

        # A second title is not allowed

        Wash your hands before you touch the dressing.

        """;
}
