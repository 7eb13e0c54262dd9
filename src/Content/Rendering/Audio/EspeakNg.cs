using System.Runtime.InteropServices;

namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// One load of libespeak-ng 1.51 (GPL-3, dynamically linked) with the few entry points the engine needs, as
/// <c>speak_lib.h</c> declares them, called through function pointers from <see cref="NativeLibrary.GetExport"/>
/// rather than <c>[LibraryImport]</c>: the library keeps state between syntheses in its globals (the same SSML
/// twice in one load gives different samples; <c>espeak_Terminate</c> and <c>espeak_Initialize</c> do not reset it), so
/// the engine loads it afresh for every synthesis and unloads it after, which an import bound once cannot do. A load
/// costs a few milliseconds; a chapter takes hundreds to speak.
/// </summary>
internal sealed unsafe class EspeakNg : IDisposable
{
    /// <summary>The Debian package's soname: the ABI the entry points are written against.</summary>
    public const string FileName = "libespeak-ng.so.1";

    /// <summary><c>AUDIO_OUTPUT_SYNCHRONOUS</c>: samples go to the callback, and <c>espeak_Synth</c> returns when all are given.</summary>
    private const int AudioOutputSynchronous = 2;

    /// <summary><c>espeakINITIALIZE_DONT_EXIT</c>: without it, a data error ends the whole process.</summary>
    private const int InitializeDontExit = 0x8000;

    /// <summary><c>POS_CHARACTER</c>.</summary>
    private const int PositionCharacter = 1;

    /// <summary><c>espeakCHARS_UTF8 | espeakSSML</c>: the text is UTF-8 SSML.</summary>
    private const uint SsmlUtf8 = 0x01 | 0x10;

    /// <summary><c>EE_OK</c>.</summary>
    public const int Ok = 0;

    private readonly IntPtr library;
    private readonly delegate* unmanaged<int, int, byte*, int, int> initialize;
    private readonly delegate* unmanaged<delegate* unmanaged<short*, int, IntPtr, int>, void> setSynthCallback;
    private readonly delegate* unmanaged<byte*, int> setVoiceByName;
    private readonly delegate* unmanaged<byte*, nuint, uint, int, uint, uint, IntPtr, IntPtr, int> synth;
    private readonly delegate* unmanaged<IntPtr, IntPtr> info;
    private readonly delegate* unmanaged<int> terminate;
    private bool initialized;

    private EspeakNg(IntPtr library)
    {
        this.library = library;
        initialize = (delegate* unmanaged<int, int, byte*, int, int>)Export("espeak_Initialize");
        setSynthCallback = (delegate* unmanaged<delegate* unmanaged<short*, int, IntPtr, int>, void>)Export("espeak_SetSynthCallback");
        setVoiceByName = (delegate* unmanaged<byte*, int>)Export("espeak_SetVoiceByName");
        synth = (delegate* unmanaged<byte*, nuint, uint, int, uint, uint, IntPtr, IntPtr, int>)Export("espeak_Synth");
        info = (delegate* unmanaged<IntPtr, IntPtr>)Export("espeak_Info");
        terminate = (delegate* unmanaged<int>)Export("espeak_Terminate");
    }

    /// <summary>Loads the library at <paramref name="path"/> (a path, or a soname for the system's loader to find).</summary>
    public static EspeakNg Load(string path)
    {
        var library = NativeLibrary.Load(path);
        try
        {
            return new EspeakNg(library);
        }
        catch
        {
            NativeLibrary.Free(library);
            throw;
        }
    }

    /// <summary>Starts the library with the <c>espeak-ng-data</c> in <paramref name="dataParent"/> (null: its compiled-in folder); returns the sample rate, or a negative error.</summary>
    public int Initialize(string? dataParent, delegate* unmanaged<short*, int, IntPtr, int> onSamples)
    {
        var path = dataParent is null ? null : Utf8(dataParent);
        int rate;
        fixed (byte* pathBytes = path)
        {
            rate = initialize(AudioOutputSynchronous, 0, pathBytes, InitializeDontExit);
        }
        initialized = true;
        if (rate > 0)
        {
            setSynthCallback(onSamples);
        }
        return rate;
    }

    /// <summary>The version string (<c>1.51</c>).</summary>
    public string? Version() => Marshal.PtrToStringUTF8(info(IntPtr.Zero));

    public int SetVoice(string name)
    {
        fixed (byte* nameBytes = Utf8(name))
        {
            return setVoiceByName(nameBytes);
        }
    }

    /// <summary>Speaks UTF-8 SSML; every block of samples goes to the callback given to <see cref="Initialize"/> before this returns.</summary>
    public int SpeakSsml(string ssml)
    {
        var text = Utf8(ssml);
        fixed (byte* bytes = text)
        {
            return synth(bytes, (nuint)text.Length, 0, PositionCharacter, 0, SsmlUtf8, IntPtr.Zero, IntPtr.Zero);
        }
    }

    public void Dispose()
    {
        if (initialized)
        {
            terminate();
        }
        NativeLibrary.Free(library);
    }

    private IntPtr Export(string name) => NativeLibrary.GetExport(library, name);

    /// <summary>NUL-terminated UTF-8, as the C API takes strings.</summary>
    private static byte[] Utf8(string text)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(text) + 1];
        System.Text.Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
