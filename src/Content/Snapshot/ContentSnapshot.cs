using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Search;
using Lucene.Net.Store;

namespace Leaflets.Content.Snapshot;

/// <summary>
/// What an instance needs to start serving without reading any Markdown: every leaflet's metadata and content hashes
/// (its bodies and image bytes left out: <see cref="SnapshotLeaflet"/>), the problems of the load, the strings files,
/// the check results of the publish gate, and the search index, with the fingerprint of the content they were made
/// from. One file: a header (magic, <see cref="SnapshotFormat.Version"/>, SHA-256 of the rest), then the app version,
/// the fingerprint and the payload. See src/Content/Snapshot/README.md for why each decision.
/// </summary>
public sealed record ContentSnapshot(
    string AppVersion,
    string Fingerprint,
    string DisplayRoot,
    ImmutableSortedDictionary<string, SnapshotLeaflet> Leaflets,
    ImmutableArray<ContentProblem> Problems,
    ImmutableArray<ContentFile> StringsFiles,
    CheckResultSet? Checks,
    ImmutableArray<SnapshotIndexFile> SearchIndex)
{
    /// <summary>
    /// The snapshot of <paramref name="content"/>, loaded from <paramref name="files"/> whose listing had
    /// <paramref name="fingerprint"/>, with the check results known for it (null: none saved yet).
    /// </summary>
    public static ContentSnapshot Of(string displayRoot, ContentLoadResult content, IReadOnlyList<ContentFile> files, string fingerprint, CheckResultSet? checks)
    {
        var byFolder = files.Where(file => !StringsLoader.Owns(file))
            .GroupBy(file => Catalog.CatalogMerge.FolderOf(file.Path), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        var leaflets = content.Leaflets.Values.ToImmutableSortedDictionary(
            leaflet => leaflet.Id,
            leaflet => SnapshotLeaflet.Of(leaflet, byFolder.GetValueOrDefault(leaflet.Id) ?? []),
            StringComparer.Ordinal);
        var index = new RAMDirectory();
        LuceneLeafletIndex.Write(content.Leaflets.Values, index);
        var indexFiles = index.ListAll().Order(StringComparer.Ordinal).Select(name => new SnapshotIndexFile(name, LuceneFiles.ReadAll(index, name))).ToImmutableArray();
        var strings = files.Where(StringsLoader.Owns).OrderBy(file => file.Path, StringComparer.Ordinal).ToImmutableArray();
        return new ContentSnapshot(SnapshotFormat.AppVersion, fingerprint, displayRoot.TrimEnd('/', '\\'), leaflets, content.Problems, strings, checks, indexFiles);
    }

    /// <summary>
    /// Where this snapshot's search index section lies in the file it was read from (<see cref="ReadAsync"/>), to be read
    /// after serving has begun (<see cref="SearchIndexFiles"/>); null for a snapshot made or read whole.
    /// </summary>
    public SnapshotSection? IndexSection { get; init; }

    /// <summary>
    /// The snapshot's bytes: the header (magic, <see cref="SnapshotFormat.Version"/>, the section table: offset, length
    /// and SHA-256 of each), the head section (the small parts and the directory of the leaflets, with each chunk's
    /// SHA-256), the chunks of leaflets, then the search index section. The same snapshot always writes the same bytes.
    /// </summary>
    public byte[] ToBytes()
    {
        var (head, chunks) = SnapshotCodec.WriteSnapshotMetadata(this);
        var index = Section(writer => SnapshotCodec.WriteIndex(writer, SearchIndex));
        using var file = new MemoryStream();
        file.Write(SnapshotFormat.Magic);
        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(SnapshotFormat.Version);
            writer.Write(SnapshotFormat.SectionCount);
            var offset = (long)SnapshotFormat.HeaderLength;
            foreach (var section in (byte[][])[head, chunks, index])
            {
                writer.Write(offset);
                writer.Write((long)section.Length);
                writer.Write(SHA256.HashData(section));
                offset += section.Length;
            }
        }
        file.Write(head);
        file.Write(chunks);
        file.Write(index);
        return file.ToArray();
    }

    private static byte[] Section(Action<BinaryWriter> write)
    {
        using var section = new MemoryStream();
        using (var writer = new BinaryWriter(section, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }
        return section.ToArray();
    }

    /// <summary>
    /// The snapshot in <paramref name="file"/> without its search index, which stays where it is
    /// (<see cref="IndexSection"/>): its head and every chunk of leaflets read and checked (<see cref="OpenAsync"/>,
    /// <see cref="OpenedSnapshot.ReadAllAsync"/>). Null with the reason when it cannot be read as one of this format.
    /// </summary>
    public static async Task<(ContentSnapshot? Snapshot, string? Reason)> ReadAsync(ISnapshotFile file, CancellationToken cancellationToken)
    {
        var (opened, reason) = await OpenAsync(file, toRoot: null, cancellationToken);
        if (opened is null)
        {
            return (null, reason);
        }
        try
        {
            return (await opened.ReadAllAsync(Environment.ProcessorCount, cancellationToken), null);
        }
        catch (InvalidDataException error)
        {
            return (null, error.Message);
        }
    }

    /// <summary>
    /// The snapshot in <paramref name="file"/> opened for serving (<see cref="OpenedSnapshot"/>): its header and head
    /// section read and the head's SHA-256 checked, no leaflet parsed yet; paths moved to <paramref name="toRoot"/> (null:
    /// left at the root it was written from) as each part is read. Null with the reason when it cannot be read as one of
    /// this format: another format version, a header whose sections do not tile the file (one cut short), a head whose
    /// checksum does not match, or one that does not parse. A damaged chunk is found when that chunk is read.
    /// </summary>
    public static async Task<(OpenedSnapshot? Snapshot, string? Reason)> OpenAsync(ISnapshotFile file, string? toRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < SnapshotFormat.HeaderLength)
        {
            return (null, "it is not a leaflet snapshot (no header)");
        }
        var header = await file.ReadAsync(0, SnapshotFormat.HeaderLength, cancellationToken);
        if (!header.AsSpan(0, SnapshotFormat.Magic.Length).SequenceEqual(SnapshotFormat.Magic))
        {
            return (null, "it is not a leaflet snapshot (no header)");
        }
        var version = BitConverter.ToInt32(header, SnapshotFormat.Magic.Length);
        if (version != SnapshotFormat.Version)
        {
            return (null, $"it is of format version {version}, and this app reads version {SnapshotFormat.Version}");
        }
        var sections = Sections(header, file.Length, out var reason);
        if (sections is null)
        {
            return (null, reason);
        }
        var head = sections[0];
        var bytes = await file.ReadAsync(head.Offset, (int)head.Length, cancellationToken);
        if (!head.Matches(SHA256.HashData(bytes)))
        {
            return (null, "the checksum of its head section does not match its content (the file is damaged)");
        }
        try
        {
            var (snapshot, directory) = SnapshotCodec.ReadHead(bytes, sections[1].Length);
            return (new OpenedSnapshot(file, snapshot, directory, sections[1], sections[2], toRoot?.TrimEnd('/', '\\') ?? snapshot.DisplayRoot), null);
        }
        catch (Exception error) when (error is EndOfStreamException or IOException or InvalidDataException or ArgumentException or FormatException)
        {
            return (null, $"it does not parse ({error.Message})");
        }
    }

    /// <summary>
    /// The section table: exactly <see cref="SnapshotFormat.SectionCount"/> sections, one after another from the end of
    /// the header to the end of the file, so a file cut short (or grown) is refused before any section is read.
    /// </summary>
    private static SnapshotSection[]? Sections(byte[] header, long fileLength, out string? reason)
    {
        reason = null;
        if (BitConverter.ToInt32(header, SnapshotFormat.Magic.Length + sizeof(int)) != SnapshotFormat.SectionCount)
        {
            reason = "its header does not list the sections of this format (the file is damaged)";
            return null;
        }
        var sections = new SnapshotSection[SnapshotFormat.SectionCount];
        var expected = (long)SnapshotFormat.HeaderLength;
        for (var i = 0; i < sections.Length; i++)
        {
            var at = SnapshotFormat.Magic.Length + (2 * sizeof(int)) + (i * SnapshotFormat.SectionEntryLength);
            var offset = BitConverter.ToInt64(header, at);
            var length = BitConverter.ToInt64(header, at + sizeof(long));
            if (offset != expected || length < 0 || length > SnapshotFormat.MaxBytes)
            {
                reason = "its section table does not match its sections (the file is damaged)";
                return null;
            }
            sections[i] = new SnapshotSection(offset, length, Convert.ToHexStringLower(header.AsSpan(at + (2 * sizeof(long)), SHA256.HashSizeInBytes)));
            expected = offset + length;
        }
        if (expected != fileLength)
        {
            reason = $"its sections end at {expected} bytes and the file at {fileLength} (the file is cut short or damaged)";
            return null;
        }
        return sections;
    }

    /// <summary>
    /// The snapshot in <paramref name="bytes"/>, whole (its search index in memory), or null with the reason it cannot be
    /// read (<see cref="ReadAsync"/>, and an index section whose checksum does not match or that does not parse): for tools
    /// and tests; serving reads the index apart.
    /// </summary>
    public static ContentSnapshot? FromBytes(byte[] bytes, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var file = new MemorySnapshotFile(bytes);
        (var snapshot, reason) = ReadAsync(file, CancellationToken.None).GetAwaiter().GetResult();
        if (snapshot?.IndexSection is not { } section)
        {
            return null;
        }
        var index = bytes.AsSpan((int)section.Offset, (int)section.Length);
        if (!section.Matches(SHA256.HashData(index)))
        {
            reason = "the checksum of its search index section does not match its content (the file is damaged)";
            return null;
        }
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, (int)section.Offset, (int)section.Length, writable: false), Encoding.UTF8);
            return snapshot with { SearchIndex = SnapshotCodec.ReadIndex(reader), IndexSection = null };
        }
        catch (Exception error) when (error is EndOfStreamException or IOException or InvalidDataException or ArgumentException or FormatException)
        {
            reason = $"its search index does not parse ({error.Message})";
            return null;
        }
    }

    /// <summary>
    /// This snapshot as a source named <paramref name="displayRoot"/> would have loaded it: problems and documents name
    /// their files by the root they were read from, and a snapshot written from <c>content</c> may be served from
    /// <c>/srv/content</c>.
    /// </summary>
    public ContentSnapshot ForRoot(string displayRoot)
    {
        displayRoot = displayRoot.TrimEnd('/', '\\');
        if (displayRoot == DisplayRoot)
        {
            return this;
        }
        var from = DisplayRoot;
        return this with
        {
            DisplayRoot = displayRoot,
            Problems = [.. Problems.Select(problem => problem with { Path = MovedPath(problem.Path, from, displayRoot) })],
            Leaflets = Leaflets.ToImmutableSortedDictionary(entry => entry.Key, entry => entry.Value.ForRoot(from, displayRoot), StringComparer.Ordinal),
        };
    }

    /// <summary><paramref name="path"/>, read under root <paramref name="from"/>, as read under <paramref name="to"/>.</summary>
    internal static string MovedPath(string path, string from, string to) =>
        path.StartsWith(from + "/", StringComparison.Ordinal) ? to + path[from.Length..] : path;
}

/// <summary>Reads a Lucene directory's files.</summary>
internal static class LuceneFiles
{
    public static byte[] ReadAll(Lucene.Net.Store.Directory directory, string name)
    {
        using var input = directory.OpenInput(name, IOContext.READ_ONCE);
        var bytes = new byte[input.Length];
        input.ReadBytes(bytes, 0, bytes.Length);
        return bytes;
    }
}

/// <summary>One file of the search index's Lucene directory.</summary>
public sealed record SnapshotIndexFile(string Name, byte[] Bytes);

/// <summary>
/// A leaflet as a snapshot holds it: <see cref="Shell"/>, every document's metadata and content hash with no body and
/// no images; <see cref="Images"/>, every image's record with no bytes; and <see cref="Files"/>, the files of its folder
/// to read to load it in full (its Markdown and raster images, and any other file it holds: SVG sources are never
/// served), named relative to the folder (<see cref="PathOf"/>), so names that recur from leaflet to leaflet are one
/// string each. <see cref="MarkdownHashes"/> are the SHA-256 of each Markdown file (by name in the folder): a load of
/// the bodies without the images (the routes that draw none) proves its Markdown is the recorded one by them, as the
/// content hash it cannot recompute without the image bytes.
/// </summary>
public sealed record SnapshotLeaflet(Leaflet Shell, ImmutableArray<string> Files, ImmutableArray<RecordedImage> Images,
    ImmutableSortedDictionary<string, Sha256Digest> MarkdownHashes)
{
    public static SnapshotLeaflet Of(Leaflet leaflet, IReadOnlyList<ContentFile> folder)
    {
        var shell = new Leaflet(
            leaflet.Id,
            leaflet.Variants.ToImmutableSortedDictionary(entry => entry.Key, entry => WithoutBody(entry.Value)),
            Images: null)
        {
            Translations = leaflet.Translations.ToImmutableSortedDictionary(
                language => language.Key,
                language => language.Value.ToImmutableSortedDictionary(entry => entry.Key, entry => WithoutBody(entry.Value)),
                LanguageTags.Comparer),
        };
        var prefix = FolderOf(leaflet.Id);
        string Name(string path) => path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length
            ? path[prefix.Length..]
            : throw new ArgumentException($"{path} is not in the folder of leaflet '{leaflet.Id}' ({prefix})", nameof(folder));
        var files = folder.Select(file => Name(file.Path)).Where(IsServed).Order(StringComparer.Ordinal).ToImmutableArray();
        var images = leaflet.Images.Values.Select(RecordedImage.Of).ToImmutableArray();
        var markdown = folder.Select(file => (Name: Name(file.Path), file.Bytes)).Where(file => IsMarkdown(file.Name)).ToImmutableSortedDictionary(
            file => file.Name, file => Sha256Digest.Of(file.Bytes.AsSpan()), StringComparer.Ordinal);
        return new SnapshotLeaflet(shell, files, images, markdown);
    }

    /// <summary>
    /// <see cref="Shell"/> with its images' records (no bytes), made when a leaflet is loaded rather than held for every
    /// shell: what the loader is given in place of the image files when it reads the bodies alone.
    /// </summary>
    public Leaflet ShellWithImages() => Shell with
    {
        Images = Images.ToImmutableSortedDictionary(image => image.FileName, image => image.ToImage(), StringComparer.Ordinal),
    };

    /// <summary>The record of image <paramref name="fileName"/> (a name in the leaflet's images folder), if the snapshot has one.</summary>
    public RecordedImage? FindImage(string fileName)
    {
        // Ordinal order by file name, as the loader's dictionary enumerated them when the snapshot was written.
        var (low, high) = (0, Images.Length - 1);
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var order = string.CompareOrdinal(Images[middle].FileName, fileName);
            if (order == 0)
            {
                return Images[middle];
            }
            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }
        return null;
    }

    /// <summary>
    /// This leaflet as read under root <paramref name="to"/> rather than <paramref name="from"/>: its documents name their
    /// source files by the root (<see cref="ContentSnapshot.ForRoot"/>); done per chunk as it is read, not for every
    /// leaflet before the first answer.
    /// </summary>
    public SnapshotLeaflet ForRoot(string from, string to)
    {
        LeafletDocument Moved(LeafletDocument document) => document with { SourcePath = ContentSnapshot.MovedPath(document.SourcePath, from, to) };
        return this with
        {
            Shell = Shell with
            {
                Variants = Shell.Variants.ToImmutableSortedDictionary(variant => variant.Key, variant => Moved(variant.Value)),
                Translations = Shell.Translations.ToImmutableSortedDictionary(
                    language => language.Key,
                    language => language.Value.ToImmutableSortedDictionary(variant => variant.Key, variant => Moved(variant.Value)),
                    LanguageTags.Comparer),
            },
        };
    }

    /// <summary>The path in the source of <paramref name="name"/>, one of <see cref="Files"/>.</summary>
    public string PathOf(string name) => FolderOf(Shell.Id) + name;

    /// <summary>The folder every file of leaflet <paramref name="id"/> lies in, as the source names it.</summary>
    internal static string FolderOf(string id) => $"leaflets/{id}/";

    /// <summary>A file (named in its folder) whose body a load of the text alone reads (every other file the snapshot names is an image).</summary>
    internal static bool IsMarkdown(string name) => !name.StartsWith("images/", StringComparison.Ordinal) && !name.Contains("/images/", StringComparison.Ordinal);

    /// <summary>What loading the leaflet in full reads: everything but the SVG sources, which the loader skips anyway.</summary>
    internal static bool IsServed(string path) => !path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);

    private static LeafletDocument WithoutBody(LeafletDocument document) => document with { Blocks = default };
}

/// <summary>
/// An image as a compiled snapshot records it: what its <see cref="LeafletImage"/> holds but the bytes, and the bytes'
/// length and SHA-256, checked when they are read. A value, held in one array per leaflet: at 10,000 leaflets (220,000
/// images) a <see cref="LeafletImage"/> and a dictionary node for each, beside a second dictionary of length and
/// SHA-256 by name, were 46 MB of the 220 MB live after the mixed load; these are 16 MB.
/// </summary>
public readonly record struct RecordedImage(string FileName, string ContentType, int PixelWidth, int PixelHeight, DateTimeOffset LastModified,
    long Length, Sha256Digest Sha256)
{
    /// <summary>The record of <paramref name="image"/>, whose bytes must be loaded.</summary>
    public static RecordedImage Of(LeafletImage image) => new(image.FileName, image.ContentType, image.PixelWidth, image.PixelHeight, image.LastModified,
        image.Bytes.Length, Sha256Digest.Of(image.Bytes.AsSpan()));

    /// <summary>The image without its bytes, as a leaflet whose bodies alone are loaded holds it.</summary>
    public LeafletImage ToImage() => new(FileName, ContentType, default, PixelWidth, PixelHeight) { LastModified = LastModified };
}
