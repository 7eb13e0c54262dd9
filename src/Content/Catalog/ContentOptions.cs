namespace Leaflets.Content.Catalog;

/// <summary>Bound from the "Content" configuration section (env <c>Content__Root</c>, ...).</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    public const string FilesSource = "files";

    /// <summary>
    /// Where the leaflets come from: "files" (a folder, <see cref="Root"/>) or "blob" (a blob container, configured
    /// by the storage project's AddLeafletStorage). This project only knows how to read files.
    /// </summary>
    public string Source { get; set; } = FilesSource;

    /// <summary>The folder that holds <c>leaflets/</c>. Relative paths are resolved against the working directory.</summary>
    public string Root { get; set; } = "content";

    /// <summary>
    /// How old the served snapshot may grow before the next request re-reads the source (0: every request).
    /// Checked on request rather than by a timer so it also works on a Functions plan that freezes idle instances.
    /// </summary>
    public int RefreshSeconds { get; set; } = 60;
}
