using System.Collections.Immutable;
using System.Text;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Leaflets.Content.Tests;

/// <summary>How the catalog folds a re-read of its source into what it serves.</summary>
public sealed class LeafletCatalogRefreshTests
{
    private static readonly TimeSpan OneRefresh = TimeSpan.FromSeconds(60);

    private readonly InMemoryContentSource _source = new();
    private readonly SteppedTime _time = new();
    private readonly LeafletCatalog _catalog;

    public LeafletCatalogRefreshTests()
    {
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Looking after your wound", version: 1));
        _source.Put("leaflets/hand-washing/plain.md", SampleLeaflets.Markdown("Washing your hands", version: 1));
        _catalog = new LeafletCatalog(_source, _time, NullLogger<LeafletCatalog>.Instance,
            Options.Create(new ContentOptions { RefreshSeconds = (int)OneRefresh.TotalSeconds }));
    }

    [Fact]
    public async Task A_change_is_not_read_before_the_refresh_interval_and_is_served_after_it()
    {
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", version: 2));

        _time.Advance(OneRefresh - TimeSpan.FromSeconds(1));
        var early = await _catalog.GetSnapshotAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var due = await _catalog.GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(1, early.Content.Leaflets["wound-care"].Plain.Metadata.Version);
        Assert.Equal(2, due.Content.Leaflets["wound-care"].Plain.Metadata.Version);
        Assert.Equal(2, _source.Reads);
    }

    [Fact]
    public async Task An_unchanged_leaflet_is_not_parsed_again_on_refresh()
    {
        var first = await _catalog.GetSnapshotAsync(CancellationToken.None);
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", version: 2));

        var second = await _catalog.ReloadAsync(CancellationToken.None);

        Assert.Same(first.Content.Leaflets["hand-washing"], second.Content.Leaflets["hand-washing"]);
        Assert.NotSame(first.Content.Leaflets["wound-care"], second.Content.Leaflets["wound-care"]);
    }

    [Fact]
    public async Task A_new_version_that_fails_validation_leaves_the_last_good_version_served_and_reports_why()
    {
        var good = (await _catalog.GetSnapshotAsync(CancellationToken.None)).Content.Leaflets["wound-care"];
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", version: 2) + "\n# A second title\n");

        var snapshot = await _catalog.ReloadAsync(CancellationToken.None);

        Assert.Same(good, snapshot.Content.Leaflets["wound-care"]);
        Assert.Equal(["wound-care"], snapshot.ServingLastGood);
        Assert.True(snapshot.Content.HasErrors);
        Assert.All(snapshot.Content.Problems.Where(p => p.Severity == ProblemSeverity.Error),
            p => Assert.Equal("memory/leaflets/wound-care/plain.md", p.Path));
    }

    [Fact]
    public async Task Fixing_a_broken_leaflet_serves_the_fix_and_clears_the_report()
    {
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", version: 2) + "\n# A second title\n");
        await _catalog.ReloadAsync(CancellationToken.None);
        _source.Put("leaflets/wound-care/plain.md", SampleLeaflets.Markdown("Caring for your wound", version: 3));

        var snapshot = await _catalog.ReloadAsync(CancellationToken.None);

        Assert.Equal(3, snapshot.Content.Leaflets["wound-care"].Plain.Metadata.Version);
        Assert.Empty(snapshot.ServingLastGood);
        Assert.False(snapshot.Content.HasErrors);
    }

    [Fact]
    public async Task A_leaflet_that_was_never_valid_is_not_served_but_is_reported()
    {
        _source.Put("leaflets/never-valid/plain.md", "no front matter at all\n");

        var snapshot = await _catalog.GetSnapshotAsync(CancellationToken.None);

        Assert.False(snapshot.Content.Leaflets.ContainsKey("never-valid"));
        Assert.Empty(snapshot.ServingLastGood);
        Assert.Contains(snapshot.Content.Problems, p => p.Path == "memory/leaflets/never-valid/plain.md" && p.Severity == ProblemSeverity.Error);
    }

    [Fact]
    public async Task A_leaflet_removed_from_the_source_is_no_longer_served()
    {
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        _source.Remove("leaflets/hand-washing/plain.md");

        var snapshot = await _catalog.ReloadAsync(CancellationToken.None);

        Assert.Equal(["wound-care"], snapshot.Content.Leaflets.Keys);
    }

    [Fact]
    public async Task A_source_that_cannot_be_read_keeps_the_leaflets_served_and_says_so()
    {
        await _catalog.GetSnapshotAsync(CancellationToken.None);
        _source.FailWith = new IOException("storage account unreachable");

        var snapshot = await _catalog.ReloadAsync(CancellationToken.None);

        Assert.Equal(["hand-washing", "wound-care"], snapshot.Content.Leaflets.Keys);
        var problem = Assert.Single(snapshot.Content.Problems, p => p.Rule == "content-source");
        Assert.Contains("storage account unreachable", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_load_failing_is_an_error_and_the_next_request_tries_again()
    {
        _source.FailWith = new IOException("storage account unreachable");
        await Assert.ThrowsAsync<IOException>(() => _catalog.GetSnapshotAsync(CancellationToken.None).AsTask());
        _source.FailWith = null;

        var snapshot = await _catalog.GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(2, snapshot.Content.Leaflets.Count);
    }


    private sealed class InMemoryContentSource : IContentSource
    {
        private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

        public string DisplayRoot => "memory";

        public int Reads { get; private set; }

        public Exception? FailWith { get; set; }

        public void Put(string path, string text) => _files[path] = Encoding.UTF8.GetBytes(text);

        public void Remove(string path) => _files.Remove(path);

        public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken)
        {
            Reads++;
            if (FailWith is not null)
            {
                throw FailWith;
            }
            IReadOnlyList<ContentFile> files = _files.Select(f => new ContentFile(f.Key, ImmutableArray.Create(f.Value))).ToList();
            return Task.FromResult(files);
        }
    }

    private sealed class SteppedTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
