using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Loading;
using Leaflets.Content.Snapshot;

namespace Leaflets.Content.Tests.Snapshot;

/// <summary>The fingerprint taken file by file as a folder is listed: the same as of its whole listing sorted, changed by any change.</summary>
public sealed class ContentFingerprintTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("leaflets-fingerprint-");

    public ContentFingerprintTests()
    {
        Write("leaflets/hip/plain.md", "# Your new hip");
        Write("leaflets/hip/images/x-ray.png", "not a png, not read");
        Write("leaflets/hip-x/plain.md", "# Hip x-rays");
        Write("leaflets/Knee/easy-read.md", "# Your knee");
        Write("strings/en.yaml", "title: Leaflets");
    }

    [Fact]
    public async Task The_fingerprint_taken_as_the_folder_is_listed_equals_that_of_its_whole_listing_sorted_by_path()
    {
        var source = new FileContentSource(_root.FullName);
        var whole = await source.ListAsync(CancellationToken.None).ToListAsync();
        using var ofSorted = new ContentFingerprint();
        // Taken the way it was before it was streamed: the listing held, then sorted ordinally.
        foreach (var file in whole.AsEnumerable().Reverse().OrderBy(file => file.Path, StringComparer.Ordinal))
        {
            ofSorted.Add(file);
        }

        var (streamed, count) = await ContentFingerprint.OfAsync(source.ListAsync(CancellationToken.None), CancellationToken.None);

        Assert.Equal(ofSorted.Finish(), streamed);
        Assert.Equal(5, count);
    }

    [Fact]
    public async Task An_unchanged_folder_keeps_its_fingerprint_and_a_file_rewritten_to_the_same_length_changes_it()
    {
        var before = await FingerprintAsync();
        Assert.Equal(before, await FingerprintAsync());

        Write("leaflets/hip-x/plain.md", "# Hip X-rays", LongAgo.AddMilliseconds(1));

        Assert.NotEqual(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_file_added_or_removed_changes_the_fingerprint()
    {
        var before = await FingerprintAsync();
        Write("leaflets/hip/easy-read.md", "# Your new hip");
        var added = await FingerprintAsync();
        File.Delete(Path.Combine(_root.FullName, "leaflets/hip/easy-read.md"));

        Assert.NotEqual(before, added);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public void A_listing_out_of_ordinal_order_is_refused_naming_both_paths()
    {
        using var fingerprint = new ContentFingerprint();
        fingerprint.Add(new ContentListing("leaflets/hip/plain.md", 1, LongAgo, ContentMd5: null));

        var refused = Assert.Throws<InvalidDataException>(() => fingerprint.Add(new ContentListing("leaflets/hip-x/plain.md", 1, LongAgo, ContentMd5: null)));

        Assert.Contains("'leaflets/hip-x/plain.md' came after 'leaflets/hip/plain.md'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fingerprint_is_the_sha256_of_each_file_length_prefixed_in_turn_as_snapshots_recorded_it()
    {
        // Thousands of files (non-ASCII names, Content-MD5s, one not a regular file) and one path longer than any
        // buffer: the bytes hashed must be the ones every recorded snapshot's fingerprint was taken over.
        var files = Enumerable.Range(0, 3000)
            .Select(i => new ContentListing($"leaflets/gofal-{i:D4}/llun-ôl-{i}.png", 1000 + i, LongAgo.AddSeconds(i), i % 3 == 0 ? $"md5-{i}==" : null)
            {
                NotRegular = i == 1234,
            })
            .Append(new ContentListing("strings/" + new string('y', 20_000), 5, LongAgo, ContentMd5: null))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();
        using var fingerprint = new ContentFingerprint();
        files.ForEach(fingerprint.Add);

        Assert.Equal(AsRecorded(files), fingerprint.Finish());
        Assert.Equal(3001, fingerprint.Count);
    }

    /// <summary>The fingerprint written out the long way: path, length, last change (UTC ticks), Content-MD5, regular or not.</summary>
    private static string AsRecorded(IEnumerable<ContentListing> files)
    {
        using var stream = new MemoryStream();
        var number = new byte[8];
        void Text(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Number(bytes.Length);
            stream.Write(bytes);
        }
        void Number(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, value);
            stream.Write(number);
        }
        foreach (var file in files)
        {
            Text(file.Path);
            Number(file.Length);
            Number(file.LastModified.UtcTicks);
            Text(file.ContentMd5 ?? "");
            stream.WriteByte(file.NotRegular ? (byte)1 : (byte)0);
        }
        return Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private async Task<string> FingerprintAsync() =>
        (await ContentFingerprint.OfAsync(new FileContentSource(_root.FullName).ListAsync(CancellationToken.None), CancellationToken.None)).Fingerprint;

    private void Write(string relative, string text, DateTime? lastWrite = null)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, lastWrite ?? LongAgo);
    }
}
