using Azure.Storage.Blobs.Models;
using Leaflets.Content.Loading;
using Leaflets.Storage.Publishing;

namespace Leaflets.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class PublishingTests(Azurite azurite) : IDisposable
{
    private readonly ContentFolder _content = new ContentFolder().WithLeaflet("wound-care").WithLeaflet("hand-washing", title: "Washing your hands");

    [Fact]
    public async Task Publishing_uploads_every_file_the_first_time_and_then_only_what_changed()
    {
        var container = azurite.NewContainer("publish");
        var publisher = new ContentPublisher(container);

        var first = await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        Assert.False(first.Refused);
        Assert.Equal(["leaflets/hand-washing/plain.md", "leaflets/wound-care/plain.md"], first.Uploaded.ToArray());
        Assert.Empty(first.Unchanged);

        var again = await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        Assert.Empty(again.Uploaded);
        Assert.Equal(2, again.Unchanged.Length);

        _content.WithLeaflet("wound-care", version: 2);
        var changed = await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        Assert.Equal(["leaflets/wound-care/plain.md"], changed.Uploaded.ToArray());
        Assert.Equal(["leaflets/hand-washing/plain.md"], changed.Unchanged.ToArray());
        var stored = await container.GetBlobClient("leaflets/wound-care/plain.md").DownloadContentAsync();
        Assert.Contains("version: 2", stored.Value.Content.ToString());
    }

    [Fact]
    public async Task Publishing_refuses_content_that_fails_the_check_and_uploads_nothing()
    {
        var container = azurite.NewContainer("refuse");
        _content.WithBrokenLeaflet("broken-one");

        var summary = await new ContentPublisher(container).PublishAsync(_content.Root, prune: true, CancellationToken.None);

        Assert.True(summary.Refused);
        Assert.Contains(summary.Check.Problems, p => p.Path.Contains("broken-one/plain.md", StringComparison.Ordinal));
        Assert.Empty(summary.Uploaded);
        Assert.False(await container.ExistsAsync(), "a refused publish must not even create the container");
    }

    [Fact]
    public async Task Publishing_refuses_a_well_formed_leaflet_that_fails_the_readability_gate_of_check()
    {
        var container = azurite.NewContainer("readability");
        _content.Write("jargon", "plain.md", ContentFolder.Leaflet("Bisphosphonate therapy", 1).Replace(
            "Wash your hands before you touch the dressing.",
            "Administration of intravenous bisphosphonate pharmacotherapy necessitates comprehensive evaluation of renal " +
            "functionality, contemporaneous electrolyte concentrations and individualised consideration of osteonecrosis " +
            "susceptibility, particularly amongst immunocompromised individuals experiencing concomitant chemotherapeutic interventions."));

        var summary = await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);

        Assert.True(summary.Refused);
        Assert.Contains(summary.Check.Problems, p => p.Rule == "plain-reading-age" && p.Severity == ProblemSeverity.Error);
        Assert.False(await container.ExistsAsync());
    }

    [Fact]
    public async Task Without_prune_a_leaflet_removed_locally_stays_and_with_prune_it_is_deleted()
    {
        var container = azurite.NewContainer("prune");
        var publisher = new ContentPublisher(container);
        await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        _content.Remove("hand-washing");

        var kept = await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        Assert.Empty(kept.Deleted);
        Assert.True(await container.GetBlobClient("leaflets/hand-washing/plain.md").ExistsAsync());

        var pruned = await publisher.PublishAsync(_content.Root, prune: true, CancellationToken.None);
        Assert.Equal(["leaflets/hand-washing/plain.md"], pruned.Deleted.ToArray());
        Assert.Equal(["checks.json", "leaflets/wound-care/plain.md", Leaflets.Content.Snapshot.SnapshotFormat.BlobName], await BlobNamesAsync(container));
    }

    [Fact]
    public async Task A_file_removed_from_a_published_leaflet_is_removed_from_the_container_even_without_prune()
    {
        var container = azurite.NewContainer("whole");
        var publisher = new ContentPublisher(container);
        // An image no variant uses is only a warning, so the leaflet publishes with it.
        var spare = _content.PathOf("wound-care", "images/spare.png");
        Directory.CreateDirectory(Path.GetDirectoryName(spare)!);
        File.Copy(Path.Combine(RepositoryPaths.Root, "content", "leaflets", "cementoplasty", "images", "er-asleep.png"), spare);
        var first = await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);
        Assert.Contains("leaflets/wound-care/images/spare.png", first.Uploaded);
        File.Delete(spare);

        var summary = await publisher.PublishAsync(_content.Root, prune: false, CancellationToken.None);

        Assert.Equal(["leaflets/wound-care/images/spare.png"], summary.Deleted.ToArray());
    }

    [Fact]
    public async Task Uploaded_blobs_carry_their_MD5_and_content_type()
    {
        var container = azurite.NewContainer("headers");
        await new ContentPublisher(container).PublishAsync(_content.Root, prune: false, CancellationToken.None);

        BlobProperties properties = await container.GetBlobClient("leaflets/wound-care/plain.md").GetPropertiesAsync();
        var local = System.Security.Cryptography.MD5.HashData(File.ReadAllBytes(_content.PathOf("wound-care")));
        Assert.Equal(local, properties.ContentHash);
        Assert.StartsWith("text/markdown", properties.ContentType, StringComparison.Ordinal);
    }

    internal static async Task<List<string>> BlobNamesAsync(Azure.Storage.Blobs.BlobContainerClient container)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
        {
            names.Add(blob.Name);
        }
        return names;
    }

    public void Dispose() => _content.Dispose();
}
