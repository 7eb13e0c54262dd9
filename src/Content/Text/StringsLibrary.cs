using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Leaflets.Content.Text;

/// <summary>
/// The strings of every language the service has words for: the files embedded in the service
/// (<c>Text/Strings/{tag}.json</c>) with, over them, the files a content root adds (<c>strings/{tag}.json</c>,
/// checked by <see cref="Loading.StringsLoader"/>). A content root's file for a language the service already has
/// replaces its words key by key (a key it lacks keeps the embedded word); one for another language adds that language.
/// Immutable and built only from files, so a snapshot can carry it (and persist it by its files). With no content-root
/// files it is <see cref="Embedded"/>, the library unit tests use.
/// </summary>
public sealed class StringsLibrary
{
    /// <summary>The language every other falls back to, and whose file must have every key.</summary>
    public const string EnglishTag = "en";

    /// <summary>What the name of every embedded strings file starts with.</summary>
    internal const string ResourcePrefix = "Leaflets.Strings.";

    /// <summary>The embedded English file's bytes: the words every other language falls back to.</summary>
    internal static byte[] EmbeddedEnglishBytes => EmbeddedFiles[EnglishTag];

    /// <summary>Each embedded strings file's bytes by its language tag (declared before <see cref="Embedded"/>, which reads it).</summary>
    private static readonly ImmutableSortedDictionary<string, byte[]> EmbeddedFiles = ReadEmbeddedFiles();

    /// <summary>The service's own strings, as no content root changes them.</summary>
    public static StringsLibrary Embedded { get; } = new(ImmutableSortedDictionary<string, byte[]>.Empty);

    private readonly ImmutableSortedDictionary<string, ReaderStrings> _byTag;

    /// <param name="contentFiles">Content-root strings files by lowercase language tag, each already checked.</param>
    private StringsLibrary(ImmutableSortedDictionary<string, byte[]> contentFiles)
    {
        ContentFiles = contentFiles;
        var english = Layered(EnglishTag);
        var strings = ImmutableSortedDictionary.CreateBuilder<string, ReaderStrings>(StringComparer.Ordinal);
        strings[EnglishTag] = ReaderStrings.Compose(english.Words, SourceOf(EnglishTag), english.Bytes, english: null);
        foreach (var tag in EmbeddedFiles.Keys.Union(contentFiles.Keys).Where(tag => tag != EnglishTag))
        {
            var layered = Layered(tag);
            strings[tag] = ReaderStrings.Compose(layered.Words, SourceOf(tag), [.. layered.Bytes, .. english.Bytes], english.Words);
        }
        _byTag = strings.ToImmutable();
        Languages = [EnglishTag, .. _byTag.Keys.Where(tag => tag != EnglishTag).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The library with <paramref name="contentFiles"/> (lowercase tag to bytes) over the embedded files; throws when
    /// the words cannot be composed, which <see cref="Loading.StringsLoader"/> checks file by file beforehand.
    /// </summary>
    internal static StringsLibrary With(ImmutableSortedDictionary<string, byte[]> contentFiles)
        => contentFiles.IsEmpty ? Embedded : new StringsLibrary(contentFiles);

    /// <summary>The content root's strings files this library was built with, by lowercase language tag: what makes it differ from <see cref="Embedded"/>.</summary>
    public ImmutableSortedDictionary<string, byte[]> ContentFiles { get; }

    /// <summary>English's strings (the embedded words, with a content root's English words over them).</summary>
    public ReaderStrings English => _byTag[EnglishTag];

    /// <summary>
    /// The languages with a strings file (embedded or the content root's), English first, then in tag order: the
    /// languages the website offers its own pages in.
    /// </summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>
    /// The strings for a language (a BCP 47 tag): those for the whole tag, else for its primary subtag (<c>cy-GB</c>
    /// takes <c>cy</c>), else English's.
    /// </summary>
    public ReaderStrings For(string languageTag)
        => FileFor(languageTag) is { } tag ? _byTag[tag] : English;

    /// <summary>
    /// The language's name in itself (<see cref="ReaderStrings.LanguageName"/>) when its strings give one (its file, or
    /// its primary subtag's); null when it has no file or the file does not name it.
    /// </summary>
    public string? OwnNameOf(string languageTag)
    {
        if (FileFor(languageTag) is null)
        {
            return null;
        }
        var strings = For(languageTag);
        return strings.LanguageOf(s => s.LanguageName) == strings.Language ? strings.LanguageName : null;
    }

    /// <summary>
    /// Whether the words a page in <paramref name="languageTag"/> shows differ from the embedded ones (a content root
    /// changed them, or English's they fall back to): what a representation versioned by the service's build alone
    /// (the PDF, <see cref="Rendering.Pdf.RendererBuild"/>) must add to its version.
    /// </summary>
    public bool Changes(string languageTag)
        => !ReferenceEquals(this, Embedded) && For(languageTag).Version != Embedded.For(languageTag).Version;

    private string? FileFor(string languageTag)
    {
        var tag = languageTag.ToLowerInvariant();
        return new[] { tag, tag.Split('-')[0] }.FirstOrDefault(_byTag.ContainsKey);
    }

    /// <summary>
    /// A language's words: its embedded file's with the content root's file's keys over them (key by key, at any depth),
    /// and the bytes of both, which its version hashes.
    /// </summary>
    private (JsonObject Words, byte[] Bytes) Layered(string tag)
    {
        var embedded = EmbeddedFiles.GetValueOrDefault(tag);
        var content = ContentFiles.GetValueOrDefault(tag);
        var words = embedded is null ? new JsonObject() : ReaderStrings.ParseObject(embedded, SourceOf(tag));
        if (content is not null)
        {
            Overlay(words, ReaderStrings.ParseObject(content, $"strings/{tag}.json"));
        }
        return (words, [.. embedded ?? [], .. content ?? []]);
    }

    /// <summary>Puts each key of <paramref name="over"/> into <paramref name="under"/>: a group key by key, a word (or the months) whole.</summary>
    private static void Overlay(JsonObject under, JsonObject over)
    {
        foreach (var (key, value) in over)
        {
            if (value is JsonObject inner && under[key] is JsonObject existing)
            {
                Overlay(existing, inner);
            }
            else
            {
                under[key] = value?.DeepClone();
            }
        }
    }

    private string SourceOf(string tag) => ContentFiles.ContainsKey(tag) ? $"strings/{tag}.json" : $"{ResourcePrefix}{tag}.json";

    private static ImmutableSortedDictionary<string, byte[]> ReadEmbeddedFiles()
    {
        var assembly = typeof(StringsLibrary).Assembly;
        var files = ImmutableSortedDictionary.CreateBuilder<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            files[name[ResourcePrefix.Length..^".json".Length]] = ReaderStrings.ReadAll(stream);
        }
        return files.ContainsKey(EnglishTag)
            ? files.ToImmutable()
            : throw new InvalidOperationException($"No English strings file (embedded resource {ResourcePrefix}{EnglishTag}.json).");
    }
}
