namespace Leaflets.Content.Rendering.Braille;

/// <summary>
/// Where liblouis and its tables are: the copy the build ships in the app's folder (<c>liblouis/</c>: the library,
/// <c>tables/</c> and Debian's copyright file; see the Content project file), else the system's (Debian's
/// <c>liblouis20</c> and <c>liblouis-data</c>). The shipped copy comes first so a deployment runs what it was built
/// and tested with.
/// </summary>
public static class BrailleInstall
{
    /// <summary>The folder, under the app's, that the build copies liblouis into.</summary>
    public const string FolderName = "liblouis";

    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>The shipped tables, where liblouis finds them when its data path is the app's folder.</summary>
    public static string ShippedTables => Path.Combine(ShippedFolder, "tables");

    /// <summary>The shipped library's path, then the bare soname for the system's loader to find.</summary>
    public static IReadOnlyList<string> LibraryCandidates => [Path.Combine(ShippedFolder, LibLouis.FileName), LibLouis.FileName];

    /// <summary>
    /// The folder liblouis is told to look in for <c>liblouis/tables</c>: the app's when it ships tables, else none
    /// (liblouis then uses its compiled-in system folder).
    /// </summary>
    public static string? DataPath => Directory.Exists(ShippedTables) ? AppContext.BaseDirectory : null;
}
