using System.Runtime.InteropServices;

namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// Where espeak-ng and its data are: the copy the build ships in the app's folder (<c>espeak-ng/</c>: <c>lib/</c> with
/// Debian's libespeak-ng and every library it needs but glibc, in the order they load; <c>espeak-ng-data/</c> with the
/// English and Welsh voices; <c>licences/</c> with each package's copyright file and the GPL; see the Content project
/// file), else the system's (Debian's <c>libespeak-ng1</c> and <c>espeak-ng-data</c>). The shipped copy comes first so
/// a deployment runs what it was built and tested with.
/// </summary>
public sealed class EspeakInstall(string folder)
{
    /// <summary>The folder, under the app's, that the build copies espeak-ng into.</summary>
    public const string FolderName = "espeak-ng";

    /// <summary>
    /// The file, in <c>lib/</c>, naming the shipped libraries one a line, each after those it needs, as paths under
    /// Debian's library folder (the build copies each flat into <c>lib/</c> by its file name).
    /// </summary>
    public const string LoadOrderFileName = "load-order";

    /// <summary>Where Debian's espeak-ng-data puts its files (the library's compiled-in data folder).</summary>
    public const string SystemDataFolder = "/usr/lib/x86_64-linux-gnu/espeak-ng-data";

    /// <summary>The data files the English and Welsh voices read: phonemes, intonation, the two dictionaries, the two voices.</summary>
    public static readonly IReadOnlyList<string> DataFiles =
        ["phontab", "phonindex", "phondata", "intonations", "en_dict", "cy_dict", "lang/gmw/en", "lang/cel/cy"];

    /// <summary>The copy shipped beside the app.</summary>
    public static EspeakInstall Shipped { get; } = new(Path.Combine(AppContext.BaseDirectory, FolderName));

    public string Folder { get; } = folder;

    public string LibraryFolder => Path.Combine(Folder, "lib");

    /// <summary>The data in use: the shipped copy when there is one, else the system's.</summary>
    public string DataFolder => Directory.Exists(Path.Combine(Folder, "espeak-ng-data")) ? Path.Combine(Folder, "espeak-ng-data") : SystemDataFolder;

    /// <summary>What <c>espeak_Initialize</c> is given: the folder holding the shipped <c>espeak-ng-data</c>, else none (its compiled-in folder).</summary>
    public string? DataParent => DataFolder == SystemDataFolder ? null : Folder;

    /// <summary>
    /// Loads libespeak-ng afresh (see <see cref="EspeakNg"/>): the shipped libraries it needs first, once, in their load
    /// order (each one's needs are then already loaded, found by soname, so a machine without Debian's audio libraries
    /// still loads it), then the shipped libespeak-ng; else the system's by soname.
    /// </summary>
    /// <exception cref="SpeechUnavailableException">A library cannot be loaded; the message names it and why.</exception>
    internal EspeakNg Open()
    {
        var order = Path.Combine(LibraryFolder, LoadOrderFileName);
        if (!File.Exists(order))
        {
            try
            {
                return EspeakNg.Load(EspeakNg.FileName);
            }
            catch (DllNotFoundException)
            {
                throw new SpeechUnavailableException(
                    $"espeak-ng cannot be loaded: {EspeakNg.FileName} is neither shipped in {LibraryFolder} nor installed (apt-get install libespeak-ng1)");
            }
        }
        var names = File.ReadAllLines(order).Where(line => line.Length > 0).Select(line => Path.GetFileName(line)).ToList();
        lock (dependencyGate)
        {
            if (!dependenciesLoaded)
            {
                // Loaded for good: the handles are never freed, so only libespeak-ng itself is unloaded after each synthesis.
                foreach (var name in names.SkipLast(1))
                {
                    Load(name, NativeLibrary.Load);
                }
                dependenciesLoaded = true;
            }
        }
        return Load(names[^1], EspeakNg.Load);
    }

    private readonly Lock dependencyGate = new();
    private bool dependenciesLoaded;

    private T Load<T>(string name, Func<string, T> load)
    {
        try
        {
            return load(Path.Combine(LibraryFolder, name));
        }
        catch (DllNotFoundException error)
        {
            throw new SpeechUnavailableException($"espeak-ng cannot be loaded: the shipped {name} in {LibraryFolder} does not load ({error.Message})");
        }
    }

    /// <summary>The data files the voices need that are not in <see cref="DataFolder"/>, as an operator would look for them.</summary>
    public IReadOnlyList<string> MissingData() =>
        DataFiles.Where(file => !File.Exists(Path.Combine(DataFolder, file))).Select(file => Path.Combine(DataFolder, file)).ToList();
}
