using Leaflets.Content.Caching;
using Leaflets.Content.Model;
using Leaflets.Storage.Pdf;

namespace Leaflets.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobRenderedPdfStoreTests(Azurite azurite)
{
    private static readonly RenderedPdfKey Key = new("wound-care", LeafletVariant.Plain, new string('a', 64), "size=18;renderer=1");

    [Fact]
    public async Task A_stored_pdf_is_read_back_byte_for_byte_even_when_its_container_did_not_exist()
    {
        var store = new BlobRenderedPdfStore(azurite.NewContainer("pdf"));
        var pdf = "%PDF-1.7 a stand-in for a rendered leaflet"u8.ToArray();

        Assert.Null(await store.TryGetAsync(Key, CancellationToken.None));
        await store.PutAsync(Key, pdf, CancellationToken.None);

        Assert.Equal(pdf, await store.TryGetAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task A_new_content_hash_or_other_render_options_find_nothing_stored()
    {
        var store = new BlobRenderedPdfStore(azurite.NewContainer("pdfkeys"));
        await store.PutAsync(Key, "%PDF old version"u8.ToArray(), CancellationToken.None);

        Assert.Null(await store.TryGetAsync(Key with { ContentHash = new string('b', 64) }, CancellationToken.None));
        Assert.Null(await store.TryGetAsync(Key with { RenderOptions = "size=24;renderer=1" }, CancellationToken.None));
        Assert.Null(await store.TryGetAsync(Key with { Variant = LeafletVariant.EasyRead }, CancellationToken.None));
    }

    [Fact]
    public async Task Storing_the_same_rendering_twice_keeps_the_first_and_does_not_fail()
    {
        var store = new BlobRenderedPdfStore(azurite.NewContainer("pdftwice"));
        await store.PutAsync(Key, "%PDF first"u8.ToArray(), CancellationToken.None);

        await store.PutAsync(Key, "%PDF second"u8.ToArray(), CancellationToken.None);

        Assert.Equal("%PDF first"u8.ToArray(), await store.TryGetAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task Spoken_audio_is_stored_beside_the_pdfs_as_opus_with_its_own_media_type()
    {
        var container = azurite.NewContainer("audio");
        var store = new BlobRenderedPdfStore(container);
        var audioKey = Key with { RenderOptions = "audio;espeak-ng", Extension = "opus", MediaType = "audio/ogg" };
        var audio = "OggS a stand-in for a spoken leaflet"u8.ToArray();

        await store.PutAsync(audioKey, audio, CancellationToken.None);

        Assert.Equal(audio, await store.TryGetAsync(audioKey, CancellationToken.None));
        Assert.Null(await store.TryGetAsync(audioKey with { Extension = "pdf", MediaType = "application/pdf" }, CancellationToken.None));
        Assert.EndsWith(".opus", audioKey.StorageName, StringComparison.Ordinal);
        var properties = await container.GetBlobClient(audioKey.StorageName).GetPropertiesAsync();
        Assert.Equal("audio/ogg", properties.Value.ContentType);
    }

    [Fact]
    public void The_storage_name_changes_with_the_content_and_the_options()
    {
        var names = new[]
        {
            Key.StorageName,
            (Key with { ContentHash = new string('b', 64) }).StorageName,
            (Key with { RenderOptions = "size=24;renderer=1" }).StorageName,
        };

        Assert.Equal(3, names.Distinct().Count());
        Assert.StartsWith("wound-care/plain/aaaa", Key.StorageName, StringComparison.Ordinal);
        Assert.EndsWith(".pdf", Key.StorageName, StringComparison.Ordinal);
    }
}
