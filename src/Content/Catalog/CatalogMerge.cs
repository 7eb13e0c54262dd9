using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Catalog;

/// <summary>
/// One leaflet folder as last read from the source. <see cref="Fingerprint"/> covers its files' paths, bytes and
/// last-modified times (the documents' dates come from them), so an unchanged folder is not parsed again.
/// <see cref="Served"/> is the version being served (the latest if it is valid, else the last good one, else none).
/// </summary>
internal sealed record CatalogEntry(string Id, string Fingerprint, Leaflet? Served, ImmutableArray<ContentProblem> Problems, bool ServingLastGood);

/// <summary>
/// The content root's strings files as last read: <see cref="Fingerprint"/> covers them as a folder's covers its files,
/// <see cref="Library"/> is what they make (the service's own words where there are none, or all are refused).
/// </summary>
internal sealed record StringsEntry(string Fingerprint, StringsLibrary Library, ImmutableArray<ContentProblem> Problems)
{
    public static StringsEntry None { get; } = new("", StringsLibrary.Embedded, []);
}

internal sealed record CatalogMergeResult(
    ImmutableSortedDictionary<string, CatalogEntry> Entries,
    IReadOnlyList<CatalogEntry> Changed,
    IReadOnlyList<string> Removed,
    StringsEntry Strings)
{
    /// <summary>Whether the strings files changed since the previous read (every leaflet is then read again, above).</summary>
    public bool StringsChanged { get; init; }
}

/// <summary>Folds a fresh read of the content source into what is being served, one leaflet folder at a time.</summary>
internal static class CatalogMerge
{
    /// <summary>Files that belong to no leaflet folder (for example a stray file in <c>leaflets/</c>) are checked under this key.</summary>
    internal const string OutsideAnyLeaflet = "";

    private const string LeafletsFolder = "leaflets/";

    /// <summary>
    /// The strings files are read first: a leaflet is warned of the words its language lacks (<c>strings-missing</c>),
    /// so each folder's fingerprint holds theirs, and a change to them reads every leaflet again.
    /// </summary>
    public static CatalogMergeResult Merge(
        ImmutableSortedDictionary<string, CatalogEntry> previous, StringsEntry previousStrings, string displayRoot, IReadOnlyList<ContentFile> files)
    {
        var stringsFiles = files.Where(StringsLoader.Owns).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var stringsFingerprint = stringsFiles.Count == 0 ? "" : Fingerprint(stringsFiles);
        var strings = previousStrings;
        if (stringsFingerprint != previousStrings.Fingerprint)
        {
            var (library, problems) = StringsLoader.Load(displayRoot, stringsFiles);
            strings = new StringsEntry(stringsFingerprint, library, problems);
        }
        var entries = ImmutableSortedDictionary.CreateBuilder<string, CatalogEntry>(StringComparer.Ordinal);
        var changed = new List<CatalogEntry>();
        foreach (var folder in files.Where(f => !StringsLoader.Owns(f)).GroupBy(f => FolderOf(f.Path), StringComparer.Ordinal))
        {
            var folderFiles = folder.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            var fingerprint = Fingerprint(folderFiles) + strings.Fingerprint;
            previous.TryGetValue(folder.Key, out var before);
            if (before is not null && before.Fingerprint == fingerprint)
            {
                entries[folder.Key] = before;
                continue;
            }
            var entry = Load(folder.Key, fingerprint, before, displayRoot, folderFiles, strings.Library);
            entries[folder.Key] = entry;
            changed.Add(entry);
        }
        var removed = previous.Keys.Where(id => id != OutsideAnyLeaflet && !entries.ContainsKey(id)).ToList();
        return new CatalogMergeResult(entries.ToImmutable(), changed, removed, strings) { StringsChanged = strings != previousStrings };
    }

    public static CatalogSnapshot ToSnapshot(ImmutableSortedDictionary<string, CatalogEntry> entries, StringsEntry strings, long generation)
    {
        var leaflets = ImmutableSortedDictionary.CreateBuilder<string, Leaflet>(StringComparer.Ordinal);
        var problems = ImmutableArray.CreateBuilder<ContentProblem>();
        problems.AddRange(strings.Problems);
        foreach (var entry in entries.Values)
        {
            if (entry.Served is not null)
            {
                leaflets[entry.Served.Id] = entry.Served;
            }
            problems.AddRange(entry.Problems);
        }
        var servingLastGood = entries.Values.Where(e => e.ServingLastGood).Select(e => e.Id).ToImmutableSortedSet(StringComparer.Ordinal);
        var ordered = problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ToImmutableArray();
        return new CatalogSnapshot(new ContentLoadResult(leaflets.ToImmutable(), ordered) { Strings = strings.Library })
        {
            ServingLastGood = servingLastGood,
            Generation = generation,
        };
    }

    private static CatalogEntry Load(string id, string fingerprint, CatalogEntry? before, string displayRoot, IReadOnlyList<ContentFile> files,
        StringsLibrary strings)
    {
        var result = LeafletLoader.Load(displayRoot, files, strings);
        if (id == OutsideAnyLeaflet)
        {
            return new CatalogEntry(id, fingerprint, null, result.Problems, ServingLastGood: false);
        }
        if (result.Leaflets.TryGetValue(id, out var loaded))
        {
            return new CatalogEntry(id, fingerprint, loaded, result.Problems, ServingLastGood: false);
        }
        var lastGood = before?.Served;
        return new CatalogEntry(id, fingerprint, lastGood, result.Problems, ServingLastGood: lastGood is not null);
    }

    /// <summary>"leaflets/&lt;id&gt;/..." belongs to leaflet &lt;id&gt;; anything else to <see cref="OutsideAnyLeaflet"/>.</summary>
    internal static string FolderOf(string path)
    {
        if (!path.StartsWith(LeafletsFolder, StringComparison.Ordinal))
        {
            return OutsideAnyLeaflet;
        }
        var slash = path.IndexOf('/', LeafletsFolder.Length);
        return slash > LeafletsFolder.Length ? path[LeafletsFolder.Length..slash] : OutsideAnyLeaflet;
    }

    private static string Fingerprint(IReadOnlyList<ContentFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var file in files)
        {
            // Length-prefix each part so that moving bytes between a name and a body cannot collide.
            var name = Encoding.UTF8.GetBytes(file.Path);
            BinaryPrimitives.WriteInt64LittleEndian(length, name.Length);
            hash.AppendData(length);
            hash.AppendData(name);
            BinaryPrimitives.WriteInt64LittleEndian(length, file.Bytes.Length);
            hash.AppendData(length);
            hash.AppendData(file.Bytes.AsSpan());
            BinaryPrimitives.WriteInt64LittleEndian(length, file.LastModified.UtcTicks);
            hash.AppendData(length);
            if (file.Refusal is { } refusal)
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"\0refused\0{refusal.Rule}\0{refusal.Message}"));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
