using System.Security.Cryptography;
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
/// are the ones the snapshot recorded. Kept in a <see cref="ByteBoundedLru{TValue}"/> counted by the bytes read, so
/// bodies and images are never all held.
/// </summary>
public sealed class LoadedLeaflets(IContentSource source, long maxBytes)
{
    private readonly ByteBoundedLru<Leaflet> _kept = new(maxBytes);
    private int _loads;

    /// <summary>How many leaflets were loaded from the source (a leaflet kept in memory is not loaded again).</summary>
    public int Loads => Volatile.Read(ref _loads);

    /// <summary>The bytes of the leaflets kept now (at most the bound).</summary>
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
        var files = new List<ContentFile>(recorded.Files.Length);
        long bytes = 0;
        foreach (var path in recorded.Files)
        {
            var file = await source.ReadFileAsync(path, cancellationToken)
                ?? throw new LeafletChangedException(shell.Id, $"{path} is no longer in {source.DisplayRoot}");
            files.Add(file);
            bytes += file.Bytes.Length;
        }
        foreach (var file in files.Where(file => file.Path.Contains("/images/", StringComparison.Ordinal)))
        {
            var name = file.Path[(file.Path.LastIndexOf('/') + 1)..];
            if (recorded.ImageHashes.TryGetValue(name, out var facts)
                && (facts.Length != file.Bytes.Length || facts.Sha256 != Convert.ToHexStringLower(SHA256.HashData(file.Bytes.AsSpan()))))
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
        return _kept.GetOrAdd(key, WithDatesOf(full, shell), bytes);
    }

    private static Leaflet WithDatesOf(Leaflet full, Leaflet shell) => full with
    {
        Variants = full.Variants.SetItems(full.Variants.Select(entry =>
            KeyValuePair.Create(entry.Key, entry.Value with { DateModified = shell.Variants[entry.Key].DateModified }))),
        Translations = full.Translations.SetItems(full.Translations.Select(language => KeyValuePair.Create(language.Key,
            language.Value.SetItems(language.Value.Select(entry =>
                KeyValuePair.Create(entry.Key, entry.Value with { DateModified = shell.Translations[language.Key][entry.Key].DateModified })))))),
        Images = full.Images.SetItems(full.Images.Select(entry =>
            KeyValuePair.Create(entry.Key, entry.Value with { LastModified = shell.Images[entry.Key].LastModified }))),
    };
}

/// <summary>A leaflet's files in the source are no longer those the compiled snapshot was made from.</summary>
public sealed class LeafletChangedException(string id, string why)
    : Exception($"Leaflet '{id}' changed since the compiled snapshot was written: {why}.");
