using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;

namespace Leaflets.Content.Snapshot;

/// <summary>
/// The payload of a snapshot, field by field with <see cref="BinaryWriter"/>: no reflection at start (a cold instance
/// reads it before it has jitted much), every count bounded on read, and one order for every collection, so the same
/// content always writes the same bytes. Any change here moves <see cref="SnapshotFormat.Version"/>.
/// </summary>
internal static class SnapshotCodec
{
    /// <summary>The most items of any one list read (leaflets, files, problems...): a damaged count is refused, not allocated.</summary>
    private const int MaxCount = 10_000_000;

    /// <summary>
    /// The head section and the chunks section: the head holds everything but the leaflets' shells and the search index
    /// (the app version, the fingerprint, the display root, the strings files, the problems, the check results) and the
    /// directory of the chunks (the leaflet count, the chunk count, then per chunk its length, its SHA-256 and the ids
    /// of its leaflets, in order); the chunks section holds the chunks, one after another.
    /// </summary>
    public static (byte[] Head, byte[] Chunks) WriteSnapshotMetadata(ContentSnapshot snapshot)
    {
        var chunks = snapshot.Leaflets.Values.Chunk(LeafletsPerChunk).Select(chunk =>
        {
            using var bytes = new MemoryStream();
            using (var chunkWriter = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                foreach (var leaflet in chunk)
                {
                    WriteLeaflet(chunkWriter, leaflet);
                }
            }
            return (Ids: chunk.Select(leaflet => leaflet.Shell.Id).ToList(), Bytes: bytes.ToArray());
        }).ToList();
        using var head = new MemoryStream();
        using (var writer = new BinaryWriter(head, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(snapshot.AppVersion);
            writer.Write(snapshot.Fingerprint);
            writer.Write(snapshot.DisplayRoot);
            writer.Write(snapshot.StringsFiles.Length);
            foreach (var file in snapshot.StringsFiles)
            {
                writer.Write(file.Path);
                writer.Write(file.LastModified.UtcTicks);
                writer.Write(file.Bytes.Length);
                writer.Write(file.Bytes.AsSpan());
            }
            WriteProblems(writer, snapshot.Problems);
            var checks = snapshot.Checks?.ToJson() ?? [];
            writer.Write(checks.Length);
            writer.Write(checks);
            writer.Write(snapshot.Leaflets.Count);
            writer.Write(chunks.Count);
            foreach (var chunk in chunks)
            {
                writer.Write(chunk.Bytes.Length);
                writer.Write(System.Security.Cryptography.SHA256.HashData(chunk.Bytes));
                foreach (var id in chunk.Ids)
                {
                    writer.Write(id);
                }
            }
        }
        using var all = new MemoryStream();
        foreach (var chunk in chunks)
        {
            all.Write(chunk.Bytes);
        }
        return (head.ToArray(), all.ToArray());
    }

    /// <summary>
    /// The leaflets are written in chunks of this many, in order, each read, checked and parsed on its own: a start
    /// answers a leaflet once its chunk is parsed, and parses the rest in the background on every core. Fixed, not by
    /// core count, so the same content writes the same bytes on any machine.
    /// </summary>
    internal const int LeafletsPerChunk = 256;

    /// <summary>The search index section: the Lucene directory's files, by name, in ordinal order.</summary>
    public static void WriteIndex(BinaryWriter writer, ImmutableArray<SnapshotIndexFile> files)
    {
        writer.Write(files.Length);
        foreach (var file in files)
        {
            writer.Write(file.Name);
            writer.Write(file.Bytes.Length);
            writer.Write(file.Bytes);
        }
    }

    /// <summary>
    /// The head section: a snapshot with no leaflets and no search index files (both are read apart), and the directory
    /// of its chunks. The directory is checked whole before any chunk is read: exactly the chunks of
    /// <see cref="LeafletsPerChunk"/> leaflets the count needs, their lengths tiling <paramref name="chunksLength"/>
    /// bytes, and the ids in strictly ascending ordinal order (as the writer's sorted dictionary gives them), so that a
    /// leaflet's chunk is found by a binary search.
    /// </summary>
    public static (ContentSnapshot Head, SnapshotDirectory Directory) ReadHead(byte[] bytes, long chunksLength)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), System.Text.Encoding.UTF8);
        var appVersion = reader.ReadString();
        var fingerprint = reader.ReadString();
        var displayRoot = reader.ReadString();
        var strings = Many(reader, () => new ContentFile(reader.ReadString(), ImmutableCollectionsMarshal.AsImmutableArray(Bytes(reader)))
        {
            LastModified = Ticks(reader.ReadInt64()),
        });
        var problems = ReadProblems(reader);
        var checksJson = Bytes(reader);
        CheckResultSet? checks = null;
        if (checksJson.Length > 0)
        {
            checks = CheckResultSet.FromJson(checksJson, out var reason)
                ?? throw new InvalidDataException($"its check results do not parse ({reason})");
        }
        var count = Count(reader);
        var chunkCount = Count(reader);
        if (chunkCount != (count + LeafletsPerChunk - 1) / LeafletsPerChunk)
        {
            throw new InvalidDataException($"its {count} leaflets are in {chunkCount} chunks, not chunks of {LeafletsPerChunk}");
        }
        var ids = new string[count];
        var chunks = new SnapshotChunk[chunkCount];
        var at = 0L;
        for (var i = 0; i < chunkCount; i++)
        {
            var length = reader.ReadInt32();
            if (length < 0 || length > chunksLength - at)
            {
                throw new InvalidDataException($"a chunk's length ({length}) runs past the end");
            }
            chunks[i] = new SnapshotChunk(at, length, ReadDigest(reader));
            at += length;
            for (var j = i * LeafletsPerChunk; j < Math.Min(count, (i + 1) * LeafletsPerChunk); j++)
            {
                ids[j] = reader.ReadString();
                if (j > 0 && string.CompareOrdinal(ids[j - 1], ids[j]) >= 0)
                {
                    throw new InvalidDataException($"its leaflet ids are not in order ('{ids[j - 1]}' before '{ids[j]}')");
                }
            }
        }
        if (at != chunksLength)
        {
            throw new InvalidDataException("its leaflet chunks do not end where their section does");
        }
        AtEnd(reader);
        var head = new ContentSnapshot(appVersion, fingerprint, displayRoot, ImmutableSortedDictionary<string, SnapshotLeaflet>.Empty.WithComparers(StringComparer.Ordinal),
            problems, strings, checks, []);
        return (head, new SnapshotDirectory(ids, chunks));
    }

    /// <summary>
    /// One chunk's leaflets, which must be exactly those the directory names for it (<paramref name="ids"/>), in order.
    /// <paramref name="shared"/> is shared by the chunks of one read, which may be parsed at once.
    /// </summary>
    public static SnapshotLeaflet[] ReadChunk(byte[] bytes, ReadOnlySpan<string> ids, SharedStrings shared)
    {
        using var chunk = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), System.Text.Encoding.UTF8);
        var leaflets = new SnapshotLeaflet[ids.Length];
        for (var j = 0; j < leaflets.Length; j++)
        {
            leaflets[j] = ReadLeaflet(chunk, shared);
            if (leaflets[j].Shell.Id != ids[j])
            {
                throw new InvalidDataException($"a chunk holds leaflet '{leaflets[j].Shell.Id}' where its directory says '{ids[j]}'");
            }
        }
        AtEnd(chunk);
        return leaflets;
    }

    /// <summary>
    /// The search index section, one file at a time: each file's name (checked: <see cref="IndexFileName"/>) and its
    /// length, then <paramref name="copy"/> is given the reader to take exactly that many bytes from.
    /// </summary>
    public static void ReadIndex(BinaryReader reader, Action<string, long, BinaryReader> copy)
    {
        foreach (var _ in Enumerable.Range(0, Count(reader)))
        {
            var name = IndexFileName(reader.ReadString());
            var length = reader.ReadInt32();
            if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
            {
                throw new InvalidDataException($"a length ({length}) runs past the end");
            }
            copy(name, length, reader);
        }
        AtEnd(reader);
    }

    /// <summary>The whole search index section in memory (for tools and tests; serving writes it to disk).</summary>
    public static ImmutableArray<SnapshotIndexFile> ReadIndex(BinaryReader reader)
    {
        var files = ImmutableArray.CreateBuilder<SnapshotIndexFile>();
        ReadIndex(reader, (name, length, from) => files.Add(new SnapshotIndexFile(name, from.ReadBytes((int)length))));
        return files.ToImmutable();
    }

    /// <summary>
    /// A Lucene file name as Lucene writes them (<c>_0.cfs</c>, <c>segments_1</c>): it becomes a file on disk, so a
    /// damaged one naming a path elsewhere is refused.
    /// </summary>
    private static string IndexFileName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.') && name[0] != '.'
            ? name
            : throw new InvalidDataException($"an index file has a name Lucene never writes ({name.Length} characters)");

    private static void AtEnd(BinaryReader reader)
    {
        if (reader.BaseStream.Position != reader.BaseStream.Length)
        {
            throw new InvalidDataException("it has bytes after its end");
        }
    }

    private static void WriteLeaflet(BinaryWriter writer, SnapshotLeaflet snapshot)
    {
        var leaflet = snapshot.Shell;
        writer.Write(leaflet.Id);
        writer.Write(snapshot.Files.Length);
        foreach (var path in snapshot.Files)
        {
            writer.Write(path);
        }
        writer.Write(snapshot.Images.Length);
        foreach (var image in snapshot.Images)
        {
            writer.Write(image.FileName);
            writer.Write(image.ContentType);
            writer.Write(image.PixelWidth);
            writer.Write(image.PixelHeight);
            writer.Write(image.LastModified.UtcTicks);
            writer.Write(image.Length);
            WriteDigest(writer, image.Sha256);
        }
        writer.Write(snapshot.MarkdownHashes.Count);
        foreach (var (name, sha256) in snapshot.MarkdownHashes)
        {
            writer.Write(name);
            WriteDigest(writer, sha256);
        }
        var documents = leaflet.Variants.Values.Select(document => (Language: (string?)null, Document: document))
            .Concat(leaflet.Translations.SelectMany(language => language.Value.Values.Select(document => ((string?)language.Key, document))))
            .ToList();
        writer.Write(documents.Count);
        foreach (var (language, document) in documents)
        {
            WriteOptional(writer, language);
            writer.Write((int)document.Variant);
            writer.Write(document.ContentHash);
            writer.Write(document.SourcePath);
            writer.Write(document.DateModified.UtcTicks);
            WriteMetadata(writer, document.Metadata);
        }
    }

    // The methods a start runs for every leaflet are jitted optimized at once (AggressiveOptimization): tiered, they ran
    // unoptimized, then PGO-instrumented, through most of the one parse a start makes (10,000 leaflets, load 4, three
    // pairs of cold starts: the metadata read in 0.91-1.05 s with it, 1.10-1.34 s without).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SnapshotLeaflet ReadLeaflet(BinaryReader reader, SharedStrings shared)
    {
        var id = reader.ReadString();
        // Names in the leaflet's folder: most recur from leaflet to leaflet (plain.md, images/...), so one string each.
        var files = Many(reader, () => shared.Read(reader));
        var imageCount = Count(reader);
        var images = ImmutableArray.CreateBuilder<RecordedImage>(Math.Min(imageCount, 1024));
        foreach (var _ in Enumerable.Range(0, imageCount))
        {
            var image = new RecordedImage(shared.Read(reader), shared.Read(reader), reader.ReadInt32(), reader.ReadInt32(), Ticks(reader.ReadInt64()),
                reader.ReadInt64(), ReadDigest(reader));
            // In ordinal order of their names, as they were written, or SnapshotLeaflet.FindImage would not find them.
            if (images.Count > 0 && string.CompareOrdinal(images[^1].FileName, image.FileName) >= 0)
            {
                throw new InvalidDataException($"leaflet '{id}' records its images out of order ('{image.FileName}' after '{images[^1].FileName}')");
            }
            images.Add(image);
        }
        var markdown = ImmutableSortedDictionary.CreateBuilder<string, Sha256Digest>(StringComparer.Ordinal);
        foreach (var _ in Enumerable.Range(0, Count(reader)))
        {
            markdown.Add(shared.Read(reader), ReadDigest(reader));
        }
        var variants = ImmutableSortedDictionary.CreateBuilder<LeafletVariant, LeafletDocument>();
        var translations = new SortedDictionary<string, ImmutableSortedDictionary<LeafletVariant, LeafletDocument>.Builder>(LanguageTags.Comparer);
        foreach (var _ in Enumerable.Range(0, Count(reader)))
        {
            var language = shared.ReadOptional(reader);
            var variant = (LeafletVariant)reader.ReadInt32();
            if (!LeafletVariants.All.Contains(variant))
            {
                throw new InvalidDataException($"leaflet '{id}' has a document of no known variant ({(int)variant})");
            }
            var hash = reader.ReadString();
            var path = reader.ReadString();
            var modified = Ticks(reader.ReadInt64());
            var document = new LeafletDocument(id, variant, ReadMetadata(reader, shared), default, hash, path) { DateModified = modified };
            if (language is null)
            {
                variants.Add(variant, document);
            }
            else
            {
                if (!translations.TryGetValue(language, out var translated))
                {
                    translations[language] = translated = ImmutableSortedDictionary.CreateBuilder<LeafletVariant, LeafletDocument>();
                }
                translated.Add(variant, document);
            }
        }
        if (!variants.ContainsKey(LeafletVariant.Plain))
        {
            throw new InvalidDataException($"leaflet '{id}' has no plain document");
        }
        var shell = new Leaflet(id, variants.ToImmutable(), Images: null)
        {
            Translations = translations.ToImmutableSortedDictionary(entry => entry.Key, entry => entry.Value.ToImmutable(), LanguageTags.Comparer),
        };
        return new SnapshotLeaflet(shell, files, images.ToImmutable(), markdown.ToImmutable());
    }

    private static void WriteMetadata(BinaryWriter writer, LeafletMetadata metadata)
    {
        writer.Write(metadata.Title);
        writer.Write(metadata.Summary);
        writer.Write(metadata.Language);
        writer.Write(metadata.LastReviewed.DayNumber);
        writer.Write(metadata.NextReview.DayNumber);
        writer.Write(metadata.Version);
        WriteStrings(writer, metadata.Topics);
        writer.Write(metadata.Codes.Length);
        foreach (var code in metadata.Codes)
        {
            writer.Write(code.System);
            writer.Write(code.Code);
            WriteOptional(writer, code.Display);
        }
        writer.Write(metadata.References.Length);
        foreach (var reference in metadata.References)
        {
            writer.Write(reference.Title);
            writer.Write(reference.Publisher);
            writer.Write(reference.Year);
            WriteOptional(writer, reference.Url);
        }
        WriteStrings(writer, metadata.Synonyms);
        writer.Write((int)metadata.TranslationStatus);
        WriteOptional(writer, metadata.TranslatedFrom);
        WriteOptional(writer, metadata.ReferencesLanguage);
    }

    // Title and summary are the document's own; the rest recurs across a library (languages, topics, codes, references).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static LeafletMetadata ReadMetadata(BinaryReader reader, SharedStrings shared) =>
        new(
            reader.ReadString(),
            reader.ReadString(),
            shared.Read(reader),
            DateOnly.FromDayNumber(reader.ReadInt32()),
            DateOnly.FromDayNumber(reader.ReadInt32()),
            reader.ReadInt32(),
            Many(reader, () => shared.Read(reader)),
            Many(reader, () => new ClinicalCode(shared.Read(reader), shared.Read(reader), shared.ReadOptional(reader))),
            Many(reader, () => new LeafletReference(shared.Read(reader), shared.Read(reader), reader.ReadInt32(), shared.ReadOptional(reader))))
        {
            Synonyms = Many(reader, () => shared.Read(reader)),
            TranslationStatus = ReadTranslationStatus(reader),
            TranslatedFrom = shared.ReadOptional(reader),
            ReferencesLanguage = shared.ReadOptional(reader),
        };

    private static TranslationStatus ReadTranslationStatus(BinaryReader reader)
    {
        var status = (TranslationStatus)reader.ReadInt32();
        return Enum.IsDefined(status) ? status : throw new InvalidDataException($"a document has no known translation status ({(int)status})");
    }

    private static void WriteProblems(BinaryWriter writer, ImmutableArray<ContentProblem> problems)
    {
        writer.Write(problems.Length);
        foreach (var problem in problems)
        {
            writer.Write(problem.Path);
            writer.Write(problem.Line);
            writer.Write(problem.Rule);
            writer.Write(problem.Message);
            writer.Write((int)problem.Severity);
        }
    }

    private static ImmutableArray<ContentProblem> ReadProblems(BinaryReader reader) =>
        Many(reader, () => new ContentProblem(reader.ReadString(), reader.ReadInt32(), reader.ReadString(), reader.ReadString(),
            reader.ReadInt32() switch
            {
                (int)ProblemSeverity.Error => ProblemSeverity.Error,
                (int)ProblemSeverity.Warning => ProblemSeverity.Warning,
                var other => throw new InvalidDataException($"a problem has no known severity ({other})"),
            }));

    private static void WriteStrings(BinaryWriter writer, ImmutableArray<string> values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    // A SHA-256 as its 32 bytes: half the bytes of hex, and read into a value, not a string (Sha256Digest).
    private static void WriteDigest(BinaryWriter writer, Sha256Digest digest)
    {
        Span<byte> bytes = stackalloc byte[32];
        digest.WriteTo(bytes);
        writer.Write(bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Sha256Digest ReadDigest(BinaryReader reader)
    {
        Span<byte> bytes = stackalloc byte[32];
        reader.BaseStream.ReadExactly(bytes);
        return Sha256Digest.FromBytes(bytes);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DateTimeOffset Ticks(long ticks) =>
        ticks is >= 0 and <= 3155378975999999999 ? new DateTimeOffset(ticks, TimeSpan.Zero) : throw new InvalidDataException($"a time is out of range ({ticks})");

    private static byte[] Bytes(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"a length ({length}) runs past the end");
        }
        return reader.ReadBytes(length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count is >= 0 and <= MaxCount ? count : throw new InvalidDataException($"a count is out of range ({count})");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ImmutableArray<T> Many<T>(BinaryReader reader, Func<T> read)
    {
        var count = Count(reader);
        var items = ImmutableArray.CreateBuilder<T>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            items.Add(read());
        }
        return items.ToImmutable();
    }
}

/// <summary>
/// Equal strings read from one snapshot kept as one instance: what recurs from leaflet to leaflet (image names and types,
/// a file's name within its leaflet's folder, languages, topics, synonyms, codes, references). Every shell is held for as long
/// as the snapshot is served, and at 10,000 leaflets these were hundreds of thousands of copies of a few thousand values
/// (issue 12). Lives for one read only, so it holds nothing after it; per read rather than <see cref="string.Intern"/>,
/// whose strings are never let go.
/// </summary>
internal sealed class SharedStrings
{
    // Concurrent: the chunks of leaflets are parsed in parallel and share one set, so a value is one string across them.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _kept = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    /// <summary>The longest value (in UTF-8 bytes) looked up before it is made a string; longer ones are rare and made first.</summary>
    private const int MaxLookedUp = 256;

    public SharedStrings() => _bySpan = _kept.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A string as <see cref="BinaryReader.ReadString"/> reads it (a 7-bit encoded length, then UTF-8), looked up before
    /// a string is made: most values read here are kept already, and making each only to drop it was about 1.5 million
    /// strings at 10,000 leaflets. Reads from the <see cref="MemoryStream"/> the codec reads every section from.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Read(BinaryReader reader)
    {
        if (reader.BaseStream is not MemoryStream stream || !stream.TryGetBuffer(out var buffer))
        {
            var read = reader.ReadString();
            return _kept.GetOrAdd(read, read);
        }
        var length = reader.Read7BitEncodedInt();
        if (length < 0 || length > stream.Length - stream.Position)
        {
            throw new EndOfStreamException($"a string's length ({length}) runs past the end");
        }
        var utf8 = buffer.AsSpan((int)stream.Position, length);
        stream.Position += length;
        if (length > MaxLookedUp)
        {
            var text = System.Text.Encoding.UTF8.GetString(utf8);
            return _kept.GetOrAdd(text, text);
        }
        Span<char> chars = stackalloc char[MaxLookedUp];
        var value = chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)];
        if (_bySpan.TryGetValue(value, out var kept))
        {
            return kept;
        }
        var made = new string(value);
        return _kept.GetOrAdd(made, made);
    }

    public string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? Read(reader) : null;
}
