using System.Reflection;
using System.Runtime.InteropServices;

namespace Leaflets.Content.Rendering.Braille;

/// <summary>
/// The few entry points of liblouis (LGPL-2.1, dynamically linked) the braille layout needs. The library is looked for
/// in the app's own folder first (<see cref="BrailleInstall.ShippedFolder"/>, where the build copies Debian's), then
/// where the system keeps it, so a deployment carries what it was tested with and a developer machine still works.
/// </summary>
internal static partial class LibLouis
{
    /// <summary>The name the imports use; the resolver maps it to a file.</summary>
    public const string LibraryName = "louis";

    /// <summary>The Debian package's soname: the ABI the imports are written against.</summary>
    public const string FileName = "liblouis.so.20";

    static LibLouis() => NativeLibrary.SetDllImportResolver(typeof(LibLouis).Assembly, Resolve);

    /// <summary>Forces the static constructor, so the resolver is in place before the first call.</summary>
    public static void EnsureResolver()
    {
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName)
        {
            return IntPtr.Zero;
        }
        foreach (var candidate in BrailleInstall.LibraryCandidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }
        return IntPtr.Zero;
    }

    [LibraryImport(LibraryName, EntryPoint = "lou_version")]
    public static partial IntPtr Version();

    /// <summary>Bytes in a liblouis <c>widechar</c>: 2 (UTF-16) or 4 (UCS-4, as Debian builds it).</summary>
    [LibraryImport(LibraryName, EntryPoint = "lou_charSize")]
    public static partial int CharSize();

    /// <summary>Where liblouis looks for <c>liblouis/tables</c> (it copies the path into process-wide state).</summary>
    [LibraryImport(LibraryName, EntryPoint = "lou_setDataPath", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr SetDataPath(string path);

    /// <summary>Compiles a table list; zero when it or anything it includes cannot be found or read.</summary>
    [LibraryImport(LibraryName, EntryPoint = "lou_getTable", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr GetTable(string tableList);

    [LibraryImport(LibraryName, EntryPoint = "lou_translateString", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int TranslateString(
        string tableList, byte* input, ref int inputLength, byte* output, ref int outputLength, IntPtr typeForm, IntPtr spacing, int mode);

    [LibraryImport(LibraryName, EntryPoint = "lou_backTranslateString", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int BackTranslateString(
        string tableList, byte* input, ref int inputLength, byte* output, ref int outputLength, IntPtr typeForm, IntPtr spacing, int mode);
}
