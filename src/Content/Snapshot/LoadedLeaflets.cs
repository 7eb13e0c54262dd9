using Leaflets.Content.Caching;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Snapshot;

/// <summary>
/// Leaflets of a compiled snapshot loaded in full on first use: the files of the leaflet's folder the snapshot names are
/// read from the source (one leaflet's Markdown and images, never the whole library), loaded by the same loader as
/// ever, and accepted only if every document's content hash (which covers the images it uses) and every image's SHA-256
/// are the ones the snapshot recorded. Kept in a <see cref="ByteBoundedLru{TValue}"/> counted by the memory each
/// loaded leaflet holds (<see cref="HeldBytes"/>: its strings, blocks and images, several times the bytes read), so the
/// bound is the memory they take and bodies and images are never all held. A route that draws no image asks for the bodies alone: then only the Markdown
/// is read (a tenth of the bytes, and no PNG decoded), proved the recorded one by its SHA-256, and the images are the
/// snapshot's facts without bytes.
/// </summary>
public sealed class LoadedLeaflets(IContentSource source, long maxBytes)
{
    private readonly ByteBoundedLru<Leaflet> _kept = new(maxBytes);
    private int _loads;

    /// <summary>How many leaflets were loaded from the source (a leaflet kept in memory is not loaded again).</summary>
    public int Loads => Volatile.Read(ref _loads);

    /// <summary>The memory held by the leaflets kept now, as <see cref="HeldBytes"/> estimates it (at most the bound).</summary>
    public long KeptBytes => _kept.TotalBytes;

    /// <summary>
    /// <paramref name="recorded"/> in full, or <see cref="LeafletChangedException"/> when its files are no longer those
    /// the snapshot was made from: then the snapshot is out of date, and the leaflet must not be served as it recorded it.
    /// </summary>
    public async ValueTask<Leaflet> LoadAsync(SnapshotLeaflet recorded, StringsLibrary strings, CancellationToken cancellationToken)
    {
        var shell = recorded.Shell;
        var key = CheckResultSet.KeyOf(shell);
        if (_kept.TryGet(key, out var kept))
        {
            return kept;
        }
        var files = await ReadAsync(recorded, recorded.Files, cancellationToken);
        foreach (var file in files.Where(file => file.Path.Contains("/images/", StringComparison.Ordinal)))
        {
            var name = file.Path[(file.Path.LastIndexOf('/') + 1)..];
            if (recorded.FindImage(name) is { } image
                && (image.Length != file.Bytes.Length || image.Sha256 != Sha256Digest.Of(file.Bytes.AsSpan())))
            {
                throw new LeafletChangedException(shell.Id, $"{file.Path} is not the image the snapshot recorded");
            }
        }
        var loaded = LeafletLoader.Load(source.DisplayRoot, files, strings);
        if (!loaded.Leaflets.TryGetValue(shell.Id, out var full))
        {
            throw new LeafletChangedException(shell.Id, "it no longer loads");
        }
        var expected = shell.AllDocuments.Select(document => (document.SourcePath, document.ContentHash)).ToHashSet();
        if (!expected.SetEquals(full.AllDocuments.Select(document => (document.SourcePath, document.ContentHash))))
        {
            throw new LeafletChangedException(shell.Id, "its files are not those the snapshot recorded");
        }
        // The dates are the snapshot's (the listing it was checked against), so a loaded leaflet answers as the shell does.
        Interlocked.Increment(ref _loads);
        var dated = WithDatesOf(full, recorded);
        return _kept.GetOrAdd(key, dated, HeldBytes.Of(dated));
    }

    /// <summary>
    /// <paramref name="recorded"/> with its bodies but not necessarily its images' bytes (the leaflet in full when it is
    /// kept so): its Markdown alone is read, and accepted only if every file is the one the snapshot recorded. Each
    /// document's content hash is then the recorded one, as the images it covers are the snapshot's facts.
    /// </summary>
    public async ValueTask<Leaflet> LoadBodiesAsync(SnapshotLeaflet recorded, StringsLibrary strings, CancellationToken cancellationToken)
    {
        var shell = recorded.Shell;
        var key = CheckResultSet.KeyOf(shell);
        if (_kept.TryGet(key, out var kept) || _kept.TryGet(key + BodiesOnly, out kept))
        {
            return kept;
        }
        var names = recorded.Files.Where(SnapshotLeaflet.IsMarkdown).ToList();
        var files = await ReadAsync(recorded, names, cancellationToken);
        foreach (var (name, file) in names.Zip(files))
        {
            if (!recorded.MarkdownHashes.TryGetValue(name, out var sha256) || sha256 != Sha256Digest.Of(file.Bytes.AsSpan()))
            {
                throw new LeafletChangedException(shell.Id, $"{file.Path} is not the Markdown the snapshot recorded");
            }
        }
        var loaded = LeafletLoader.Load(source.DisplayRoot, files, strings, recorded: recorded.ShellWithImages());
        if (!loaded.Leaflets.TryGetValue(shell.Id, out var bodies))
        {
            throw new LeafletChangedException(shell.Id, "it no longer loads");
        }
        var recordedHashes = shell.AllDocuments.ToDictionary(document => document.SourcePath, document => document.ContentHash, StringComparer.Ordinal);
        if (!recordedHashes.Keys.ToHashSet().SetEquals(bodies.AllDocuments.Select(document => document.SourcePath)))
        {
            throw new LeafletChangedException(shell.Id, "its files are not those the snapshot recorded");
        }
        Interlocked.Increment(ref _loads);
        var dated = WithDatesOf(WithHashes(bodies, recordedHashes), recorded);
        return _kept.GetOrAdd(key + BodiesOnly, dated, HeldBytes.Of(dated));
    }

    /// <summary>Appended to a leaflet's key for its bodies kept without its images' bytes.</summary>
    private const string BodiesOnly = "\u0000bodies";

    /// <summary>
    /// How many of one leaflet's files a load reads at once. A PDF reads the leaflet's Markdown and every raster image
    /// (26 files for the synthetic leaflets of issue 12), and from blob storage each is a round trip: one at a time, a cold
    /// instance's first PDF waited for 26 in turn. A leaflet's own files, so a few requests' loads together stay far
    /// below what one instance's HTTP client keeps open.
    /// </summary>
    public const int ReadsAtOnce = 8;

    /// <summary>The files <paramref name="names"/> of the leaflet, up to <see cref="ReadsAtOnce"/> at once, in the order named.</summary>
    private async Task<ContentFile[]> ReadAsync(SnapshotLeaflet recorded, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var files = new ContentFile[names.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ReadsAtOnce, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), parallel, async (at, token) =>
        {
            var path = recorded.PathOf(names[at]);
            files[at] = await source.ReadFileAsync(path, token)
                ?? throw new LeafletChangedException(recorded.Shell.Id, $"{path} is no longer in {source.DisplayRoot}");
        });
        return files;
    }

    private static Leaflet WithHashes(Leaflet bodies, Dictionary<string, string> hashes) => bodies with
    {
        Variants = bodies.Variants.SetItems(bodies.Variants.Select(entry =>
            KeyValuePair.Create(entry.Key, entry.Value with { ContentHash = hashes[entry.Value.SourcePath] }))),
        Translations = bodies.Translations.SetItems(bodies.Translations.Select(language => KeyValuePair.Create(language.Key,
            language.Value.SetItems(language.Value.Select(entry =>
                KeyValuePair.Create(entry.Key, entry.Value with { ContentHash = hashes[entry.Value.SourcePath] })))))),
    };

    private static Leaflet WithDatesOf(Leaflet full, SnapshotLeaflet recorded)
    {
        var shell = recorded.Shell;
        return full with
        {
            Variants = full.Variants.SetItems(full.Variants.Select(entry =>
                KeyValuePair.Create(entry.Key, entry.Value with { DateModified = shell.Variants[entry.Key].DateModified }))),
            Translations = full.Translations.SetItems(full.Translations.Select(language => KeyValuePair.Create(language.Key,
                language.Value.SetItems(language.Value.Select(entry =>
                    KeyValuePair.Create(entry.Key, entry.Value with { DateModified = shell.Translations[language.Key][entry.Key].DateModified })))))),
            Images = full.Images.SetItems(full.Images.Select(entry => KeyValuePair.Create(entry.Key, entry.Value with
            {
                LastModified = recorded.FindImage(entry.Key)?.LastModified
                    ?? throw new LeafletChangedException(shell.Id, $"its image {entry.Key} is not one the snapshot recorded"),
            }))),
        };
    }
}

/// <summary>A leaflet's files in the source are no longer those the compiled snapshot was made from.</summary>
public sealed class LeafletChangedException(string id, string why)
    : Exception($"Leaflet '{id}' changed since the compiled snapshot was written: {why}.");
