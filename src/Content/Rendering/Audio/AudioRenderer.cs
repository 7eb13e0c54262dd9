using System.Collections.Immutable;

namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// A leaflet's spoken version: each chapter of a <see cref="SpeechScript"/> spoken on its own, joined with a short
/// silence, and its chapter marks taken from the joined lengths. Chapters are spoken one after another (the engines
/// serialise or rate-limit anyway), and the whole is bounded by its word count before anything is spoken and by the
/// time those words may take after.
/// </summary>
public sealed class AudioRenderer(ISpeechEngine engine)
{
    /// <summary>The silence between chapters: a listener hears a section end before the next heading.</summary>
    public static readonly TimeSpan ChapterPause = TimeSpan.FromMilliseconds(750);

    /// <summary>The slowest speech a leaflet is expected at (issue 15: 120 to 200 words a minute).</summary>
    public const int SlowestWordsPerMinute = 120;

    /// <summary>The fastest.</summary>
    public const int FastestWordsPerMinute = 200;

    /// <summary>The most words one spoken leaflet may have: at the slowest pace, about 40 minutes (the longest leaflet is under 3,000).</summary>
    public const int MaxWords = 5_000;

    /// <summary>The most chapters: one per section, and no leaflet has more than a few dozen.</summary>
    public const int MaxChapters = 200;

    public ISpeechEngine Engine { get; } = engine;

    /// <summary>What the bytes depend on besides the script: the file writer, the engine and its voices, and the pause.</summary>
    public string Representation => $"{OggOpusWriter.Representation};{Engine.Name};pause={ChapterPause.TotalMilliseconds}ms";

    /// <summary>The script spoken, joined and encoded as Ogg Opus with a chapter per <see cref="SpeechChapter"/>.</summary>
    /// <exception cref="SpeechUnavailableException">The engine cannot speak here, or has no voice for the script's language.</exception>
    /// <exception cref="SpeechFailedException">The engine failed, or spoke for longer than the words allow.</exception>
    public async Task<RenderedAudio> RenderAsync(SpeechScript script, AudioTags tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var spoken = await SpeakAsync(script, cancellationToken).ConfigureAwait(false);
        return new RenderedAudio(OggOpusWriter.Write(spoken.Audio, spoken.Chapters, tags), spoken);
    }

    /// <summary>
    /// How long <paramref name="words"/> words should take to say, at the slowest and fastest expected paces, with the
    /// <paramref name="chapters"/>' pauses added (headings announced with a pause are the SSML's, not counted here).
    /// </summary>
    public static (TimeSpan Shortest, TimeSpan Longest) ExpectedDuration(int words, int chapters)
    {
        var pauses = ChapterPause * Math.Max(0, chapters - 1);
        return (TimeSpan.FromMinutes((double)words / FastestWordsPerMinute) + pauses, TimeSpan.FromMinutes((double)words / SlowestWordsPerMinute) + pauses);
    }

    /// <summary>The script spoken and joined: one PCM stream and where each chapter starts in it.</summary>
    /// <exception cref="SpeechUnavailableException">The engine cannot speak here, or has no voice for the script's language.</exception>
    /// <exception cref="SpeechFailedException">The engine failed, or spoke for longer than the words allow.</exception>
    public async Task<SpokenLeaflet> SpeakAsync(SpeechScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (script.Chapters.IsDefaultOrEmpty)
        {
            throw new ArgumentException("The script has no chapters.", nameof(script));
        }
        if (script.Chapters.Length > MaxChapters)
        {
            throw new ArgumentException($"The script has {script.Chapters.Length} chapters; at most {MaxChapters} are spoken.", nameof(script));
        }
        var words = script.Chapters.Sum(chapter => chapter.WordCount);
        if (words > MaxWords)
        {
            throw new ArgumentException($"The script has {words} words; at most {MaxWords} are spoken.", nameof(script));
        }
        if (!Engine.Speaks(script.Language))
        {
            throw new SpeechUnavailableException($"{Engine.Name} has no voice for {script.Language}");
        }

        var spoken = new List<SpokenAudio>(script.Chapters.Length);
        foreach (var chapter in script.Chapters)
        {
            spoken.Add(await Engine.SpeakAsync(chapter.Ssml, script.Language, cancellationToken).ConfigureAwait(false));
        }
        var sampleRate = spoken[0].SampleRate;
        if (spoken.Any(audio => audio.SampleRate != sampleRate))
        {
            throw new SpeechFailedException($"{Engine.Name} spoke the chapters at different sample rates");
        }

        var pause = (int)(ChapterPause.TotalSeconds * sampleRate);
        var samples = ImmutableArray.CreateBuilder<short>(spoken.Sum(audio => audio.Samples.Length) + pause * (spoken.Count - 1));
        var chapters = ImmutableArray.CreateBuilder<AudioChapter>(spoken.Count);
        for (var i = 0; i < spoken.Count; i++)
        {
            if (i > 0)
            {
                samples.Count += pause;
            }
            chapters.Add(new AudioChapter(TimeSpan.FromSeconds((double)samples.Count / sampleRate), script.Chapters[i].Title));
            samples.AddRange(spoken[i].Samples);
        }
        var audio = new SpokenAudio(sampleRate, samples.MoveToImmutable());

        var longest = ExpectedDuration(words, spoken.Count).Longest;
        // Headings and pictures get pauses of their own in the SSML, so a leaflet of few words is allowed a minute more.
        if (audio.Duration > longest + TimeSpan.FromMinutes(1))
        {
            throw new SpeechFailedException($"{Engine.Name} spoke {words} words for {audio.Duration:m\\:ss}, longer than they take at {SlowestWordsPerMinute} words a minute");
        }
        return new SpokenLeaflet(audio, chapters.MoveToImmutable(), words);
    }
}

/// <summary>A spoken leaflet encoded: the Ogg Opus file, and what was spoken into it.</summary>
public sealed record RenderedAudio(byte[] Bytes, SpokenLeaflet Spoken);

/// <summary>A spoken leaflet before it is encoded: its PCM, its chapter marks and the words it says.</summary>
public sealed record SpokenLeaflet(SpokenAudio Audio, ImmutableArray<AudioChapter> Chapters, int WordCount);
