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

    /// <summary>The snapshot's bytes: the same snapshot always writes the same bytes.</summary>
    public byte[] ToBytes()
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(AppVersion);
            writer.Write(Fingerprint);
            writer.Write(DisplayRoot);
            SnapshotCodec.Write(writer, this);
        }
        var body = payload.ToArray();
        using var file = new MemoryStream();
        file.Write(SnapshotFormat.Magic);
        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(SnapshotFormat.Version);
            writer.Write(SHA256.HashData(body));
            writer.Write(body.Length);
        }
        file.Write(body);
        return file.ToArray();
    }

    /// <summary>
    /// The snapshot in <paramref name="bytes"/>, or null with the reason it cannot be read as one of this format: another
    /// format version, a checksum that does not match (a flipped byte, a file cut short), or a payload that does not parse.
    /// </summary>
    public static ContentSnapshot? FromBytes(byte[] bytes, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        reason = null;
        var headerLength = SnapshotFormat.Magic.Length + sizeof(int) + SHA256.HashSizeInBytes + sizeof(int);
        if (bytes.Length < headerLength || !bytes.AsSpan(0, SnapshotFormat.Magic.Length).SequenceEqual(SnapshotFormat.Magic))
        {
            reason = "it is not a leaflet snapshot (no header)";
            return null;
        }
        var version = BitConverter.ToInt32(bytes, SnapshotFormat.Magic.Length);
        if (version != SnapshotFormat.Version)
        {
            reason = $"it is of format version {version}, and this app reads version {SnapshotFormat.Version}";
            return null;
        }
        var checksum = bytes.AsSpan(SnapshotFormat.Magic.Length + sizeof(int), SHA256.HashSizeInBytes);
        var length = BitConverter.ToInt32(bytes, headerLength - sizeof(int));
        var body = bytes.AsSpan(headerLength);
        if (length != body.Length || !SHA256.HashData(body).AsSpan().SequenceEqual(checksum))
        {
            reason = "its checksum does not match its content (the file is damaged or cut short)";
            return null;
        }
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, headerLength, length, writable: false), Encoding.UTF8);
            var appVersion = reader.ReadString();
            var fingerprint = reader.ReadString();
            var displayRoot = reader.ReadString();
            return SnapshotCodec.Read(reader, appVersion, fingerprint, displayRoot);
        }
        catch (Exception error) when (error is EndOfStreamException or IOException or InvalidDataException or ArgumentException or FormatException)
        {
            reason = $"it does not parse ({error.Message})";
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
        string Moved(string path) => path.StartsWith(DisplayRoot + "/", StringComparison.Ordinal) ? displayRoot + path[DisplayRoot.Length..] : path;
        LeafletDocument MovedDocument(LeafletDocument document) => document with { SourcePath = Moved(document.SourcePath) };
        return this with
        {
            DisplayRoot = displayRoot,
            Problems = [.. Problems.Select(problem => problem with { Path = Moved(problem.Path) })],
            Leaflets = Leaflets.ToImmutableSortedDictionary(entry => entry.Key, entry => entry.Value with
            {
                Shell = entry.Value.Shell with
                {
                    Variants = entry.Value.Shell.Variants.ToImmutableSortedDictionary(variant => variant.Key, variant => MovedDocument(variant.Value)),
                    Translations = entry.Value.Shell.Translations.ToImmutableSortedDictionary(
                        language => language.Key,
                        language => language.Value.ToImmutableSortedDictionary(variant => variant.Key, variant => MovedDocument(variant.Value)),
                        LanguageTags.Comparer),
                },
            }, StringComparer.Ordinal),
        };
    }

    /// <summary>The search index's files, in memory (<see cref="SearchIndexFiles.Open"/>): what serving keeps of <see cref="SearchIndex"/>.</summary>
    public SearchIndexFiles TakeSearchIndex() => new(SearchIndex);
}

/// <summary>
/// A snapshot's search index files until they are opened: opening copies them into a Lucene directory, and they are let
/// go then, so the index is never held twice (at 10,000 leaflets it is tens of megabytes).
/// </summary>
public sealed class SearchIndexFiles(ImmutableArray<SnapshotIndexFile> files)
{
    private ImmutableArray<SnapshotIndexFile> _files = files;

    /// <summary>The index, opened for <paramref name="leaflets"/> (the snapshot's shells), in memory. Once only.</summary>
    public LuceneLeafletIndex Open(IEnumerable<Leaflet> leaflets, Func<Leaflet, CancellationToken, ValueTask<Leaflet>> bodies)
    {
        var files = _files.IsDefault ? throw new InvalidOperationException("The snapshot's search index was opened already.") : _files;
        _files = default;
        var directory = new RAMDirectory();
        foreach (var file in files)
        {
            using var output = directory.CreateOutput(file.Name, IOContext.DEFAULT);
            output.WriteBytes(file.Bytes, file.Bytes.Length);
        }
        return LuceneLeafletIndex.Open(directory, leaflets, ownsDirectory: true, bodies);
    }
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
/// every image's facts with no bytes, and <see cref="Files"/>, the files of its folder to read to load it in full (its
/// Markdown and raster images: SVG sources are never served). <see cref="ImageHashes"/> are the images' SHA-256 and
/// length, checked when they are read. <see cref="MarkdownHashes"/> are the SHA-256 of each Markdown file (by path): a load
/// of the bodies without the images (the routes that draw none) proves its Markdown is the recorded one by them, as the
/// content hash it cannot recompute without the image bytes.
/// </summary>
public sealed record SnapshotLeaflet(Leaflet Shell, ImmutableArray<string> Files, ImmutableSortedDictionary<string, ImageFacts> ImageHashes,
    ImmutableSortedDictionary<string, string> MarkdownHashes)
{
    public static SnapshotLeaflet Of(Leaflet leaflet, IReadOnlyList<ContentFile> folder)
    {
        var shell = new Leaflet(
            leaflet.Id,
            leaflet.Variants.ToImmutableSortedDictionary(entry => entry.Key, entry => WithoutBody(entry.Value)),
            leaflet.Images.ToImmutableSortedDictionary(entry => entry.Key, entry => entry.Value with { Bytes = default }, StringComparer.Ordinal))
        {
            Translations = leaflet.Translations.ToImmutableSortedDictionary(
                language => language.Key,
                language => language.Value.ToImmutableSortedDictionary(entry => entry.Key, entry => WithoutBody(entry.Value)),
                LanguageTags.Comparer),
        };
        var files = folder.Select(file => file.Path).Where(IsServed).Order(StringComparer.Ordinal).ToImmutableArray();
        var images = leaflet.Images.Values.ToImmutableSortedDictionary(
            image => image.FileName,
            image => new ImageFacts(image.Bytes.Length, Convert.ToHexStringLower(SHA256.HashData(image.Bytes.AsSpan()))),
            StringComparer.Ordinal);
        var markdown = folder.Where(file => IsMarkdown(file.Path)).ToImmutableSortedDictionary(
            file => file.Path, file => Convert.ToHexStringLower(SHA256.HashData(file.Bytes.AsSpan())), StringComparer.Ordinal);
        return new SnapshotLeaflet(shell, files, images, markdown);
    }

    /// <summary>A file whose body a load of the text alone reads (every other file the snapshot names is an image).</summary>
    internal static bool IsMarkdown(string path) => !path.Contains("/images/", StringComparison.Ordinal);

    /// <summary>What loading the leaflet in full reads: everything but the SVG sources, which the loader skips anyway.</summary>
    internal static bool IsServed(string path) => !path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);

    private static LeafletDocument WithoutBody(LeafletDocument document) => document with { Blocks = default };
}

/// <summary>An image file's length and SHA-256 (lowercase hex), as the snapshot recorded them.</summary>
public sealed record ImageFacts(long Length, string Sha256);
