using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Audio;

namespace Leaflets.Content.Checking;

/// <summary>
/// The publish gate's audio part: speaks every leaflet document in a language the embedded voice (espeak-ng) has, from
/// the SSML the audio route speaks, encodes it as the route does, and checks the file a listener would get: it decodes
/// (every Ogg page and Opus packet, read back by <see cref="OggOpusReader"/>), and it lasts as long as its words take
/// at 120 to 200 words a minute with the pauses between chapters. The gate uses espeak-ng whatever engine the service
/// is configured with: it needs no key and costs nothing, and what it checks (the script and the file) is the same.
/// CPU-heavy: about a second of speech and several of Opus encoding per document (bench/results/audio.md); each
/// chapter is bounded by the engine's time limit and the whole by <see cref="AudioRenderer.MaxWords"/>. What a script
/// gives is the same every time (espeak-ng and the writer are deterministic), so each script's outcome is remembered for
/// the life of the process, keyed by the script and the renderer's representation: a gate run again over the same
/// leaflets (the service's later snapshots, a test suite publishing the same fixtures many times) speaks each once.
/// </summary>
public sealed class AudioCheck(AudioRenderer renderer) : IContentCheck
{
    public const string DurationRule = "audio-duration";
    public const string UndecodableRule = "audio-undecodable";
    public const string FailedRule = "audio-failed";
    public const string UnavailableRule = "audio-unavailable";

    public static IReadOnlyList<string> Rules { get; } = [DurationRule, UndecodableRule, FailedRule, UnavailableRule];

    /// <summary>Scripts remembered; past this the memory is cleared (each entry is a hash and at most one short finding).</summary>
    private const int MaxRemembered = 10_000;

    /// <summary>Each script's finding (rule and message after the document's name), or null for none, by <see cref="Key"/>.</summary>
    private static readonly ConcurrentDictionary<string, (string Rule, string Message)?> Outcomes = new(StringComparer.Ordinal);

    public IEnumerable<ContentProblem> Check(ContentLoadResult content)
    {
        foreach (var leaflet in content.Leaflets.Values)
        {
            foreach (var document in leaflet.AllDocuments.Where(document => renderer.Engine.Speaks(document.Metadata.Language)))
            {
                foreach (var problem in CheckOne(leaflet, document, content.Strings))
                {
                    yield return problem;
                }
            }
        }
    }

    private IEnumerable<ContentProblem> CheckOne(Leaflet leaflet, LeafletDocument document, Text.StringsLibrary strings)
    {
        var what = $"audio ({document.Variant.Slug()}, {document.Metadata.Language})";
        var script = SpeechRequest.For(leaflet, document, strings).Script();
        var key = Key(script);
        if (!Outcomes.TryGetValue(key, out var outcome))
        {
            outcome = Speak(script, document);
            if (outcome?.Rule != UnavailableRule)
            {
                // A missing library is the machine's state, not the script's: asked again, it may be there.
                if (Outcomes.Count >= MaxRemembered)
                {
                    Outcomes.Clear();
                }
                Outcomes[key] = outcome;
            }
        }
        return outcome is { } finding ? [new ContentProblem(document.SourcePath, 1, finding.Rule, $"{what}: {finding.Message}")] : [];
    }

    private string Key(SpeechScript script)
    {
        var text = new StringBuilder(renderer.Representation).Append('\n').Append(script.Language);
        foreach (var chapter in script.Chapters)
        {
            text.Append('\n').Append(chapter.Title).Append('\n').Append(chapter.WordCount).Append('\n').Append(chapter.Ssml);
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private (string Rule, string Message)? Speak(SpeechScript script, LeafletDocument document)
    {
        RenderedAudio rendered;
        try
        {
            // The check runs on its own thread (a command or the gate's background run), so waiting here blocks no request.
            rendered = renderer.RenderAsync(script, new AudioTags(document.Metadata.Title, document.Metadata.Language), CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (SpeechUnavailableException missing)
        {
            return (UnavailableRule, missing.Message);
        }
        catch (Exception error) when (error is SpeechFailedException or ArgumentException)
        {
            return (FailedRule, error.Message);
        }
        TimeSpan length;
        try
        {
            length = OggOpusReader.Decode(rendered.Bytes);
        }
        catch (InvalidDataException fault)
        {
            return (UndecodableRule, $"the Ogg Opus file does not decode: {fault.Message}");
        }
        var words = rendered.Spoken.WordCount;
        var (shortest, longest) = AudioRenderer.ExpectedDuration(words, rendered.Spoken.Chapters.Length);
        if (length < shortest || length > longest)
        {
            return (DurationRule,
                $"{words} words last {length:m\\:ss}, outside the {shortest:m\\:ss} to {longest:m\\:ss} they take at {AudioRenderer.FastestWordsPerMinute} to {AudioRenderer.SlowestWordsPerMinute} words a minute; "
                + "a passage the voice skips or spells out letter by letter (a symbol, an abbreviation) is the usual cause");
        }
        return null;
    }
}
