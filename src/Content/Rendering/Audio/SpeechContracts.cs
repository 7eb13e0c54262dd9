using System.Collections.Immutable;

namespace Leaflets.Content.Rendering.Audio;

// The shapes the spoken version is made of, agreed before its three parts were written in parallel (issue 15):
// the script (what is said, SpeechScript), the engine (how it sounds, ISpeechEngine) and the file (how it is stored,
// Ogg Opus). Each part may add members; none may change what is here without the others.

/// <summary>
/// What is spoken for one leaflet document, in reading order: one chapter for the title and summary, then one for each
/// section, so a listener can skip between them. <see cref="Language"/> is the document's BCP 47 tag.
/// </summary>
public sealed record SpeechScript(string Language, ImmutableArray<SpeechChapter> Chapters);

/// <summary>
/// One chapter: its <see cref="Title"/> (what a player's chapter list shows), its SSML 1.1 (a whole
/// <c>&lt;speak&gt;</c> document, spoken on its own) and the number of words it says, which bounds how long it may take.
/// </summary>
public sealed record SpeechChapter(string Title, string Ssml, int WordCount);

/// <summary>A speech engine: turns one SSML document into mono 16-bit PCM.</summary>
public interface ISpeechEngine
{
    /// <summary>Names the engine, its version and voice settings: it is part of the audio's representation version, so a new voice moves the ETag.</summary>
    string Name { get; }

    /// <summary>Whether the engine has a voice for <paramref name="language"/> (a BCP 47 tag).</summary>
    bool Speaks(string language);

    Task<SpokenAudio> SpeakAsync(string ssml, string language, CancellationToken cancellationToken);
}

/// <summary>Mono 16-bit PCM samples at <see cref="SampleRate"/> Hz.</summary>
public sealed record SpokenAudio(int SampleRate, ImmutableArray<short> Samples)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}

/// <summary>Where a chapter starts in the finished audio, and its title.</summary>
public sealed record AudioChapter(TimeSpan Start, string Title);
