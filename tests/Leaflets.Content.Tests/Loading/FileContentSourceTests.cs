using System.Diagnostics;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Tests.Loading;

/// <summary>What the folder source opens, what it refuses unopened, and what it does not read twice.</summary>
public sealed class FileContentSourceTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("leaflets-source-");

    [Fact]
    public async Task The_listing_names_the_files_a_full_read_reads_relative_to_the_root_in_ordinal_order()
    {
        // "hip-x" sorts before "hip/" in ordinal order ('-' < '/'), whatever order the directory is enumerated in.
        Write("leaflets/hip/plain.md", SampleLeaflets.Markdown("Your new hip", 1));
        Write("leaflets/hip-x/plain.md", SampleLeaflets.Markdown("Hip x-rays", 1));
        Write("leaflets/Knee/plain.md", SampleLeaflets.Markdown("Your knee", 1));
        Write("leaflets/hip/easy-read.md", SampleLeaflets.Markdown("Your new hip", 1));
        var source = new FileContentSource(_root.FullName);

        var listing = await source.ListAsync(CancellationToken.None).ToListAsync();
        var read = await source.ReadAllAsync(CancellationToken.None);

        Assert.Equal(["leaflets/Knee/plain.md", "leaflets/hip-x/plain.md", "leaflets/hip/easy-read.md", "leaflets/hip/plain.md"], listing.Select(file => file.Path));
        Assert.Equal(read.Select(file => file.Path), listing.Select(file => file.Path));
    }

    [Fact]
    public async Task The_listing_meets_names_that_share_a_prefix_in_ordinal_order_of_the_whole_path_files_and_folders_alike()
    {
        // Within leaflets/: "hip.md" ('.') < "hip/" < "hip0" ('/' < '0'), and "hip-x/" ('-') < "hip.md"; "strings/" last.
        foreach (var path in new[] { "leaflets/hip0/plain.md", "leaflets/hip/plain.md", "leaflets/hip/images/a.png", "leaflets/hip.md",
            "leaflets/hip-x/plain.md", "strings/en.yaml", "leaflets/hip/images.md" })
        {
            Write(path, "x");
        }

        var listing = await new FileContentSource(_root.FullName).ListAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(["leaflets/hip-x/plain.md", "leaflets/hip.md", "leaflets/hip/images.md", "leaflets/hip/images/a.png", "leaflets/hip/plain.md",
            "leaflets/hip0/plain.md", "strings/en.yaml"], listing.Select(file => file.Path));
    }

    [Fact]
    public async Task A_fifo_as_plain_md_is_refused_as_not_regular_without_being_opened_and_the_other_leaflets_load()
    {
        Write("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Looking after your wound", 1));
        MakeFifo("leaflets/stuck/plain.md");

        // Opening the FIFO would block this test until a writer came; none ever does.
        var check = new ContentCheck([]).RunAsync(new FileContentSource(_root.FullName), CancellationToken.None);
        var report = await check.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(["wound-care"], report.Content.Leaflets.Keys);
        var problem = Assert.Single(report.Problems, p => p.Rule == ContentRules.FileNotRegular);
        Assert.EndsWith("leaflets/stuck/plain.md", problem.Path, StringComparison.Ordinal);
        Assert.Contains("FIFO", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_cap_is_refused_as_too_large_and_not_read()
    {
        Write("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Looking after your wound", 1));
        Write("leaflets/huge/plain.md", new string('a', ContentLimits.MaxFileBytes + 1));
        var source = new FileContentSource(_root.FullName);

        var files = await source.ReadAllAsync(CancellationToken.None);

        var huge = Assert.Single(files, f => f.Path == "leaflets/huge/plain.md");
        Assert.Equal(ContentRules.FileTooLarge, huge.Refusal?.Rule);
        Assert.Empty(huge.Bytes);
        Assert.Equal(1, source.FilesRead);
    }

    [Fact]
    public async Task A_refresh_reads_again_only_the_files_whose_length_or_last_write_changed()
    {
        Write("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Looking after your wound", 1));
        Write("leaflets/hand-washing/plain.md", SampleLeaflets.Markdown("Washing your hands", 1));
        var source = new FileContentSource(_root.FullName);
        await source.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, source.FilesRead);

        var unchanged = await source.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, source.FilesRead);

        Write("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", 2), LongAgo.AddHours(1));
        var changed = await source.ReadAllAsync(CancellationToken.None);

        Assert.Equal(3, source.FilesRead);
        Assert.Contains("Looking after", Text(unchanged, "leaflets/wound-care/plain.md"), StringComparison.Ordinal);
        Assert.Contains("Caring for", Text(changed, "leaflets/wound-care/plain.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_written_moments_ago_is_read_again_in_case_it_changes_within_the_same_timestamp()
    {
        Write("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Looking after your wound", 1), DateTime.UtcNow);
        var source = new FileContentSource(_root.FullName);

        await source.ReadAllAsync(CancellationToken.None);
        await source.ReadAllAsync(CancellationToken.None);

        Assert.Equal(2, source.FilesRead);
    }

    [Fact]
    public async Task Each_file_is_dated_by_its_last_write_to_the_second()
    {
        Write("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Looking after your wound", 1), LongAgo.AddMilliseconds(750));
        Write("leaflets/hand-washing/plain.md", SampleLeaflets.Markdown("Washing your hands", 1), LongAgo.AddHours(3));

        var files = await new FileContentSource(_root.FullName).ReadAllAsync(CancellationToken.None);

        Assert.Equal(new DateTimeOffset(LongAgo), files.Single(f => f.Path == "leaflets/wound-care/plain.md").LastModified);
        Assert.Equal(new DateTimeOffset(LongAgo.AddHours(3)), files.Single(f => f.Path == "leaflets/hand-washing/plain.md").LastModified);
    }

    [Fact]
    public async Task A_file_written_again_with_the_same_bytes_moves_the_date_of_its_document_but_not_its_hash()
    {
        var text = SampleLeaflets.Markdown("Looking after your wound", 1);
        Write("leaflets/wound-care/plain.md", text);
        var source = new FileContentSource(_root.FullName);
        var before = LeafletLoader.Load("content", await source.ReadAllAsync(CancellationToken.None)).Leaflets["wound-care"];

        Write("leaflets/wound-care/plain.md", text, LongAgo.AddDays(2));
        var after = LeafletLoader.Load("content", await source.ReadAllAsync(CancellationToken.None)).Leaflets["wound-care"];

        Assert.Equal(new DateTimeOffset(LongAgo), before.Plain.DateModified);
        Assert.Equal(new DateTimeOffset(LongAgo.AddDays(2)), after.Plain.DateModified);
        Assert.Equal(before.Plain.ContentHash, after.Plain.ContentHash);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static string Text(IReadOnlyList<ContentFile> files, string path) =>
        System.Text.Encoding.UTF8.GetString(files.Single(f => f.Path == path).Bytes.AsSpan());

    private void Write(string relative, string text, DateTime? lastWrite = null)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, lastWrite ?? LongAgo);
    }

    private void MakeFifo(string relative)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
