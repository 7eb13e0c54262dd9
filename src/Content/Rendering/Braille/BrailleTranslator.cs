using System.Runtime.InteropServices;
using System.Text;

namespace Leaflets.Content.Rendering.Braille;

/// <summary>
/// Translates text to braille ASCII with liblouis. Only translation happens in liblouis; the page layout is ours
/// (<see cref="BrailleLayout"/>). liblouis keeps compiled tables in process-wide state that is not safe to build from
/// two threads at once, so calls are serialised (a leaflet translates in milliseconds).
/// </summary>
public sealed class BrailleTranslator
{
    public static BrailleTranslator Shared { get; } = new();

    private readonly Lock gate = new();
    private readonly HashSet<string> loadedTables = new(StringComparer.Ordinal);
    private int charSize;

    /// <summary>The braille ASCII for <paramref name="text"/> (one line: the layout breaks it).</summary>
    /// <exception cref="BrailleUnavailableException">liblouis or a table it needs cannot be loaded.</exception>
    public string Translate(string text, BrailleTable table)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(table);
        if (text.Length == 0)
        {
            return "";
        }
        lock (gate)
        {
            Load(table);
            var encoding = charSize == 4 ? (Encoding)new UTF32Encoding(bigEndian: !BitConverter.IsLittleEndian, byteOrderMark: false) : new UnicodeEncoding(!BitConverter.IsLittleEndian, false);
            var input = encoding.GetBytes(text);
            // Braille is rarely much longer than print; grow and retry when liblouis fills the buffer.
            for (var capacity = text.Length * 2 + 64; ; capacity *= 2)
            {
                var output = new byte[capacity * charSize];
                int inputLength = input.Length / charSize, outputLength = capacity;
                int translated;
                unsafe
                {
                    fixed (byte* inputBytes = input, outputBytes = output)
                    {
                        translated = LibLouis.TranslateString(table.TableList, inputBytes, ref inputLength, outputBytes, ref outputLength, 0, 0, 0);
                    }
                }
                if (translated == 0)
                {
                    throw new BrailleUnavailableException($"liblouis could not translate with the table list {table.TableList}");
                }
                if (inputLength >= input.Length / charSize || capacity > text.Length * 16)
                {
                    return encoding.GetString(output, 0, outputLength * charSize);
                }
            }
        }
    }

    /// <summary>
    /// Null when liblouis and every shipped table load, else what is missing: the health check and the start-up log
    /// line say it before a reader asks for braille.
    /// </summary>
    public string? Problem()
    {
        try
        {
            lock (gate)
            {
                foreach (var grade in Enum.GetValues<BrailleGrade>())
                {
                    Load(BrailleTable.For("en", grade)!);
                    Load(BrailleTable.For("cy", grade)!);
                }
            }
            return null;
        }
        catch (BrailleUnavailableException missing)
        {
            return missing.Message;
        }
    }

    /// <summary>The liblouis version in use, or null when it cannot be loaded.</summary>
    public string? LibraryVersion()
    {
        try
        {
            lock (gate)
            {
                LoadLibrary();
                return Marshal.PtrToStringUTF8(LibLouis.Version());
            }
        }
        catch (BrailleUnavailableException)
        {
            return null;
        }
    }

    private void Load(BrailleTable table)
    {
        LoadLibrary();
        if (loadedTables.Contains(table.TableList))
        {
            return;
        }
        if (LibLouis.GetTable(table.TableList) == IntPtr.Zero)
        {
            throw new BrailleUnavailableException(
                $"the liblouis table list {table.TableList} (for {table.Name}) cannot be loaded from {BrailleInstall.DataPath ?? "the system's liblouis tables"}");
        }
        loadedTables.Add(table.TableList);
    }

    private void LoadLibrary()
    {
        if (charSize != 0)
        {
            return;
        }
        LibLouis.EnsureResolver();
        try
        {
            charSize = LibLouis.CharSize();
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new BrailleUnavailableException(
                $"the liblouis library ({LibLouis.FileName}) cannot be loaded from {string.Join(" or ", BrailleInstall.LibraryCandidates)}", error);
        }
        if (BrailleInstall.DataPath is { } dataPath)
        {
            LibLouis.SetDataPath(dataPath);
        }
    }
}

/// <summary>liblouis or one of its tables is missing: a deployment fault, not the reader's. The message names what is missing.</summary>
public sealed class BrailleUnavailableException : Exception
{
    public BrailleUnavailableException(string missing)
        : base($"Braille is unavailable: {missing}.")
    {
    }

    public BrailleUnavailableException(string missing, Exception inner)
        : base($"Braille is unavailable: {missing}.", inner)
    {
    }
}
