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

    /// <summary>Where liblouis looks when the app ships no tables (its compiled-in folder), as an operator reads it.</summary>
    private const string SystemTablesMessage = "the system's liblouis tables";

    private readonly Lock gate = new();
    private readonly HashSet<string> loadedTables = new(StringComparer.Ordinal);
    private int charSize;

    /// <summary>The braille ASCII for <paramref name="text"/> (one line: the layout breaks it).</summary>
    /// <exception cref="BrailleUnavailableException">liblouis or a table it needs cannot be loaded.</exception>
    public string Translate(string text, BrailleTable table) => Run(text, table, backward: false);

    /// <summary>
    /// The print liblouis reads back from braille ASCII: how the publish gate checks that nothing was lost between the
    /// leaflet's words and its braille.
    /// </summary>
    /// <exception cref="BrailleUnavailableException">liblouis or a table it needs cannot be loaded.</exception>
    public string BackTranslate(string braille, BrailleTable table) => Run(braille, table, backward: true);

    private string Run(string text, BrailleTable table, bool backward)
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
            var encoding = charSize == 4
                ? (Encoding)new UTF32Encoding(bigEndian: !BitConverter.IsLittleEndian, byteOrderMark: false)
                : new UnicodeEncoding(bigEndian: !BitConverter.IsLittleEndian, byteOrderMark: false);
            var input = encoding.GetBytes(text);
            var characters = input.Length / charSize;
            // Braille is rarely much longer than print, nor print than braille; grow and retry when liblouis fills the buffer.
            for (var capacity = characters * 3 + 64; ; capacity *= 2)
            {
                var output = new byte[capacity * charSize];
                int inputLength = characters, outputLength = capacity;
                int done;
                unsafe
                {
                    fixed (byte* inputBytes = input, outputBytes = output)
                    {
                        done = backward
                            ? LibLouis.BackTranslateString(table.TableList, inputBytes, ref inputLength, outputBytes, ref outputLength, 0, 0, 0)
                            : LibLouis.TranslateString(table.TableList, inputBytes, ref inputLength, outputBytes, ref outputLength, 0, 0, 0);
                    }
                }
                if (done == 0)
                {
                    throw new BrailleUnavailableException($"liblouis could not {(backward ? "back-translate" : "translate")} with the table list {table.TableList}");
                }
                if (inputLength >= characters)
                {
                    return encoding.GetString(output, 0, outputLength * charSize);
                }
                if (capacity > characters * 48)
                {
                    // Never a truncated text: no table writes 48 cells for one character.
                    throw new InvalidOperationException($"liblouis stopped after {inputLength} of {characters} characters with {table.TableList}.");
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
                $"the liblouis table list {table.TableList}, for {table.Name}, cannot be loaded from {BrailleInstall.DataPath ?? SystemTablesMessage}");
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
    private const string UnavailableMessage = "Braille is unavailable: ";

    public BrailleUnavailableException(string missing)
        : base(UnavailableMessage + missing + ".")
    {
    }

    public BrailleUnavailableException(string missing, Exception inner)
        : base(UnavailableMessage + missing + ".", inner)
    {
    }
}
